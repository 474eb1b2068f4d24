// CSL-JSON (Zotero, Mendeley, citation-js, pandoc): a list of items, or one item.
import { fromCsl } from "./from-csl";
import { lineIndex, type SourceRecord } from "./source-record";

export class MalformedFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Offsets of the objects at the top of a JSON array (or of the single top-level object). */
function topLevelObjectOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (char === "{" && depth <= 1) offsets.push(index);
      depth++;
    } else if (char === "}" || char === "]") depth--;
  }
  return offsets;
}

export function parseCslJson(text: string): SourceRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    throw new MalformedFileError(position ? lineIndex(text)(Number(position[1])) : 1, message);
  }
  const items = Array.isArray(data) ? data : [data];
  const lineOf = lineIndex(text);
  const offsets = topLevelObjectOffsets(text);
  return items.map((item, index) => {
    const line = offsets[index] !== undefined ? lineOf(offsets[index]!) : 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      const record = fromCsl({}, line);
      record.problems.push({ line, field: null, code: "unparsable", severity: "error", detail: "not a CSL item" });
      return record;
    }
    const record = fromCsl(item as Record<string, unknown>, line);
    record.fieldLines.title = { line, name: "title" };
    record.fieldLines.year = { line, name: "issued" };
    record.fieldLines.doi = { line, name: "DOI" };
    record.fieldLines.type = { line, name: "type" };
    return record;
  });
}
