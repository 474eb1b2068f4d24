// The chosen records of a previewed file become items, all in one transaction: every chosen record or none.
// The file is parsed again here rather than trusting records sent back by the browser.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { parseImportFile } from "./parse-file";

export const MAX_IMPORT_RECORDS = 50_000;
// Rows per INSERT: an item has about 30 columns and PostgreSQL takes at most 65,535 parameters per statement.
const BATCH = 1_000;

const SOURCE_NAMES: Record<string, string> = {
  ris: "RIS",
  bibtex: "BibTeX",
  "csl-json": "CSL-JSON",
  endnote: "EndNote",
  "endnote-xml": "EndNote XML",
  noteexpress: "NoteExpress",
  refworks: "RefWorks",
};

export const commitImportSchema = z.object({
  reviewId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(300),
  selected: z.array(z.number().int().min(0)).min(1).max(MAX_IMPORT_RECORDS),
});

export async function commitImport(
  userId: string,
  rawInput: unknown,
  bytes: Uint8Array,
): Promise<{ imported: number }> {
  const input = parseInput(commitImportSchema, rawInput);
  const parsed = parseImportFile(input.fileName, bytes);
  const selected = [...new Set(input.selected)].sort((a, b) => a - b);
  const records = selected.map((index) => parsed.records[index]);
  const invalid = selected.filter((index, position) => !records[position] || records[position]!.blocked);
  if (invalid.length > 0) {
    throw new AppError("IMPORT_SELECTION_INVALID", `records ${invalid.slice(0, 10).join(", ")} cannot be imported`);
  }
  const sourceName = SOURCE_NAMES[parsed.format] ?? parsed.format;
  return db().$transaction(
    async (tx) => {
      await authorize(userId, input.reviewId, "item.create", tx);
      const firstStage = await tx.reviewStage.findFirst({
        where: { reviewId: input.reviewId, kind: { not: "EXCLUDED" } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      if (!firstStage) throw new AppError("STAGE_NOT_FOUND", `review ${input.reviewId} has no stage to start in`);
      const rows = records.map((record) => ({ id: randomUUID(), record: record! }));
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await tx.reviewItem.createMany({
          data: batch.map(({ id, record }) => {
            const { authors: _authors, identifiers, dates, ...columns } = record.fields;
            return {
              id,
              reviewId: input.reviewId,
              stageId: firstStage.id,
              ...columns,
              identifiers: identifiers as Prisma.InputJsonValue,
              dates: dates as Prisma.InputJsonValue,
              sourceKind: "DATABASE_EXPORT" as const,
              sourceName,
              sourceFile: input.fileName,
              sourceNote: `line ${record.line}`,
              createdById: userId,
            };
          }),
        });
        await tx.itemAuthor.createMany({
          data: batch.flatMap(({ id, record }) =>
            record.fields.authors.map((author, position) => ({ itemId: id, position, ...author })),
          ),
        });
        await tx.statusChange.createMany({
          data: batch.map(({ id }) => ({ itemId: id, toStageId: firstStage.id, changedById: userId })),
        });
      }
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: "items.imported",
        subjectType: "review",
        subjectId: input.reviewId,
        data: { count: rows.length, file: input.fileName, format: parsed.format },
      });
      return { imported: rows.length };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
