// A small reader for the parts of schema.prisma a drift check needs: models with their scalar
// columns, enums, and declared unique constraints and indexes. It knows Prisma's
// default naming of tables (model name), columns (field name) and index names.
export interface SchemaColumn {
  name: string;
  type: string;
  nullable: boolean;
  list: boolean;
  enumType: string | null;
}

export interface SchemaModel {
  name: string;
  columns: SchemaColumn[];
  uniques: string[][];
  indexes: string[][];
  primaryKey: string[];
}

export interface SchemaCatalog {
  models: SchemaModel[];
  enums: Map<string, string[]>;
}

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Bytes: "bytea",
};

export function readPrismaSchema(source: string): SchemaCatalog {
  const withoutComments = source.replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const match of withoutComments.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums.set(match[1]!, match[2]!.split(/\s+/).filter(Boolean));
  }
  const modelNames = new Set([...withoutComments.matchAll(/model\s+(\w+)\s*\{/g)].map((m) => m[1]!));
  const models: SchemaModel[] = [];
  for (const match of withoutComments.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const model: SchemaModel = { name: match[1]!, columns: [], uniques: [], indexes: [], primaryKey: [] };
    for (const rawLine of match[2]!.split("\n")) {
      const line = rawLine.trim();
      if (!line) continue;
      const block = line.match(/^@@(unique|index|id)\(\[([^\]]*)\]/);
      if (block) {
        const fields = block[2]!.split(",").map((f) => f.trim().replace(/\(.*\)$/, ""));
        if (block[1] === "unique") model.uniques.push(fields);
        else if (block[1] === "index") model.indexes.push(fields);
        else model.primaryKey = fields;
        continue;
      }
      if (line.startsWith("@@")) continue;
      const field = line.match(/^(\w+)\s+(Unsupported\("([^"]+)"\)|\w+)(\[\])?(\?)?(.*)$/);
      if (!field) continue;
      const [, name, typeName, unsupported, list, optional, attributes] = field;
      if (modelNames.has(typeName!)) continue; // relation field, no column
      const enumType = enums.has(typeName!) ? typeName! : null;
      const type = unsupported ?? (enumType ? enumType : SCALARS[typeName!]);
      if (!type) throw new Error(`schema reader: unknown type ${typeName} on ${model.name}.${name}`);
      model.columns.push({
        name: name!,
        type,
        nullable: !!optional || !!list /* Prisma leaves list columns nullable */,
        list: !!list,
        enumType,
      });
      if (/@id\b/.test(attributes!)) model.primaryKey = [name!];
      if (/@unique\b/.test(attributes!)) model.uniques.push([name!]);
    }
    models.push(model);
  }
  return { models, enums };
}
