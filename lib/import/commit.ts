// The chosen records of a previewed file become items, all in one transaction: every chosen record or none.
// The file is parsed again here rather than trusting records sent back by the browser.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { scheduleRankingRetrain } from "@/lib/screening/ranking/jobs";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { csvMappingSchema } from "./parse-csv";
import { parseImportFile } from "./parse-file";

export const MAX_IMPORT_RECORDS = 50_000;
// Rows per INSERT statement; each batch travels as one JSON parameter.
const BATCH = 2_000;

const SOURCE_NAMES: Record<string, string> = {
  ris: "RIS",
  bibtex: "BibTeX",
  "csl-json": "CSL-JSON",
  endnote: "EndNote",
  "endnote-xml": "EndNote XML",
  noteexpress: "NoteExpress",
  refworks: "RefWorks",
  nbib: "PubMed MEDLINE",
  "cnki-estudy": "CNKI E-Study",
  csv: "CSV",
};

export const commitImportSchema = z.object({
  reviewId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(300),
  selected: z.array(z.number().int().min(0)).min(1).max(MAX_IMPORT_RECORDS),
  /** A CSV file's column mapping as confirmed in the preview; the file is parsed with it again here. */
  csvMapping: csvMappingSchema.optional(),
});

export async function commitImport(
  access: ReviewAccess,
  rawInput: unknown,
  bytes: Uint8Array,
): Promise<{ imported: number }> {
  const { userId } = access;
  const input = parseInput(commitImportSchema, rawInput);
  // Refuse before spending seconds on a large file; the transaction checks again against its own snapshot.
  access.require("item.create", input.reviewId);
  const parsed = parseImportFile(input.fileName, bytes, { csvMapping: input.csvMapping });
  const selected = [...new Set(input.selected)].sort((a, b) => a - b);
  const records = selected.map((index) => parsed.records[index]);
  const invalid = selected.filter((index, position) => !records[position] || records[position]!.blocked);
  if (invalid.length > 0) {
    throw new AppError("IMPORT_SELECTION_INVALID", `records ${invalid.slice(0, 10).join(", ")} cannot be imported`);
  }
  const sourceName = SOURCE_NAMES[parsed.format] ?? parsed.format;
  return db().$transaction(
    async (tx) => {
      await confirmAccess(access, "item.create", tx, input.reviewId);
      const firstStage = await tx.reviewStage.findFirst({
        where: { reviewId: input.reviewId, kind: { not: "EXCLUDED" } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      if (!firstStage) throw new AppError("STAGE_NOT_FOUND", `review ${input.reviewId} has no stage to start in`);
      const rows = records.map((record) => ({ id: randomUUID(), record: record! }));
      const now = new Date().toISOString();
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await insertItems(
          tx,
          batch.map(({ id, record }) => {
            const { authors: _authors, ...columns } = record.fields;
            return {
              ...columns,
              ...record.reference,
              id,
              reviewId: input.reviewId,
              stageId: firstStage.id,
              sourceName,
              sourceFile: input.fileName,
              sourceNote: `line ${record.line}`,
              createdById: userId,
              createdAt: now,
            };
          }),
        );
        await insertAuthors(
          tx,
          batch.flatMap(({ id, record }) => {
            const authors = record.fields.authors.map((author, position) => ({
              id: randomUUID(),
              itemId: id,
              role: "AUTHOR",
              position,
              ...author,
            }));
            // Each role numbers its own positions (the unique key is item, role, position).
            const positions = new Map<string, number>();
            const others = record.contributors.map((contributor) => {
              const position = positions.get(contributor.role) ?? 0;
              positions.set(contributor.role, position + 1);
              return {
                id: randomUUID(),
                itemId: id,
                role: contributor.role,
                position,
                nameZh: contributor.nameZh,
                nameEn: contributor.nameEn,
                affiliations: [],
                corresponding: false,
                bio: null,
              };
            });
            return [...authors, ...others];
          }),
        );
        await insertStatusChanges(
          tx,
          batch.map(({ id }) => ({
            id: randomUUID(),
            itemId: id,
            toStageId: firstStage.id,
            changedById: userId,
            createdAt: now,
          })),
        );
      }
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: "items.imported",
        subjectType: "review",
        subjectId: input.reviewId,
        data: { count: rows.length, file: input.fileName, format: parsed.format },
      });
      // New records wait for a score from the screening ranking.
      await scheduleRankingRetrain(tx, input.reviewId);
      return { imported: rows.length };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

// Prisma's createMany spends seconds per thousand rows here (its query compiler builds one statement with
// every value inline), so the bulk rows go in as one JSON document per batch that PostgreSQL unpacks itself.

async function insertItems(tx: Transaction, rows: object[]) {
  await tx.$executeRaw`
    INSERT INTO "ReviewItem" ("id", "reviewId", "stageId", "itemType", "titleZh", "titleEn", "journalZh",
      "journalEn", "year", "volume", "issue", "pages", "doi", "keywordsZh", "keywordsEn", "abstractZh", "abstractEn",
      "funding", "genre", "publisher", "publisherPlace", "edition", "eventTitle", "eventPlace", "eventDate",
      "number", "jurisdiction", "url", "issuedDate", "accessedDate", "language", "moreAuthors",
      "identifiers", "dates", "fullText", "sourceKind", "sourceName", "sourceFile", "sourceNote", "createdById",
      "createdAt", "updatedAt")
    SELECT r."id", r."reviewId", r."stageId", r."itemType"::"ItemType", r."titleZh", r."titleEn", r."journalZh",
      r."journalEn", r."year", r."volume", r."issue", r."pages", r."doi",
      ARRAY(SELECT jsonb_array_elements_text(r."keywordsZh")), ARRAY(SELECT jsonb_array_elements_text(r."keywordsEn")),
      r."abstractZh", r."abstractEn", r."funding", r."genre", r."publisher", r."publisherPlace", r."edition",
      r."eventTitle", r."eventPlace", r."eventDate", r."number", r."jurisdiction", r."url", r."issuedDate",
      r."accessedDate", r."language", COALESCE(r."moreAuthors", false), r."identifiers", r."dates", r."fullText",
      'DATABASE_EXPORT'::"SourceKind", r."sourceName", r."sourceFile", r."sourceNote", r."createdById",
      r."createdAt", r."createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "id" text, "reviewId" text, "stageId" text, "itemType" text, "titleZh" text, "titleEn" text, "journalZh" text,
      "journalEn" text, "year" int, "volume" text, "issue" text, "pages" text, "doi" text, "keywordsZh" jsonb,
      "keywordsEn" jsonb, "abstractZh" text, "abstractEn" text, "funding" text, "genre" text, "publisher" text,
      "publisherPlace" text, "edition" text, "eventTitle" text, "eventPlace" text, "eventDate" text, "number" text,
      "jurisdiction" text, "url" text, "issuedDate" text, "accessedDate" text, "language" text,
      "moreAuthors" boolean, "identifiers" jsonb, "dates" jsonb,
      "fullText" text, "sourceName" text, "sourceFile" text, "sourceNote" text, "createdById" text,
      "createdAt" timestamp(3))`;
}

async function insertAuthors(tx: Transaction, rows: object[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ItemAuthor" ("id", "itemId", "role", "position", "nameZh", "nameEn", "affiliations", "corresponding",
      "bio")
    SELECT r."id", r."itemId", r."role"::"ContributorRole", r."position", r."nameZh", r."nameEn",
      ARRAY(SELECT jsonb_array_elements_text(r."affiliations")), r."corresponding", r."bio"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "id" text, "itemId" text, "role" text, "position" int, "nameZh" text, "nameEn" text, "affiliations" jsonb,
      "corresponding" boolean, "bio" text)`;
}

async function insertStatusChanges(tx: Transaction, rows: object[]) {
  await tx.$executeRaw`
    INSERT INTO "StatusChange" ("id", "itemId", "toStageId", "changedById", "createdAt")
    SELECT r."id", r."itemId", r."toStageId", r."changedById", r."createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "id" text, "itemId" text, "toStageId" text, "changedById" text, "createdAt" timestamp(3))`;
}
