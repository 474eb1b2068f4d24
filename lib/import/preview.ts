// Upload → what the import would do: every parsed record with its problems and the duplicates found,
// against the review's items (not those in the trash) and within the file. Nothing is written.
import { authorize } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import type { TextEncoding } from "./decode";
import { findDuplicates, type DuplicateMatch } from "./duplicates";
import { parseImportFile, type ParsedFile } from "./parse-file";
import type { ImportFormat, RecordProblem } from "./source-record";

export interface PreviewRecord {
  index: number;
  line: number;
  type: string | null;
  titleZh: string | null;
  titleEn: string | null;
  authors: string[];
  authorCount: number;
  journal: string | null;
  year: number | null;
  doi: string | null;
  problems: RecordProblem[];
  blocked: boolean;
  duplicate: (DuplicateMatch & { title?: string | null }) | null;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  encoding: TextEncoding;
  records: PreviewRecord[];
}

export async function reviewDuplicateCandidates(tx: Transaction, reviewId: string) {
  return tx.reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      year: true,
      doi: true,
      authors: {
        where: { role: "AUTHOR" },
        select: { nameZh: true, nameEn: true },
        orderBy: { position: "asc" },
        take: 1,
      },
    },
  });
}

/** The parsed records with their duplicates; shared by the preview and the commit. */
export function matchDuplicates(parsed: ParsedFile, existing: Awaited<ReturnType<typeof reviewDuplicateCandidates>>) {
  return findDuplicates(
    parsed.records.map((record) => record.fields),
    existing,
  );
}

export async function previewImport(
  userId: string,
  reviewId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<ImportPreview> {
  const existing = await db().$transaction(async (tx) => {
    await authorize(userId, reviewId, "item.create", tx);
    return reviewDuplicateCandidates(tx, reviewId);
  });
  const parsed = parseImportFile(file.name, file.bytes);
  const duplicates = matchDuplicates(parsed, existing);
  const titles = new Map(existing.map((item) => [item.id, item.titleZh ?? item.titleEn]));
  return {
    fileName: file.name,
    format: parsed.format,
    encoding: parsed.encoding,
    records: parsed.records.map((record, index) => {
      const { fields } = record;
      const duplicate = duplicates[index] ?? null;
      return {
        index: record.index,
        line: record.line,
        type: record.type,
        titleZh: fields.titleZh,
        titleEn: fields.titleEn,
        authors: fields.authors.slice(0, 3).map((author) => author.nameZh ?? author.nameEn ?? ""),
        authorCount: fields.authors.length,
        journal: fields.journalZh ?? fields.journalEn,
        year: fields.year,
        doi: fields.doi,
        problems: record.problems,
        blocked: record.blocked,
        duplicate:
          duplicate?.in === "review" ? { ...duplicate, title: titles.get(duplicate.itemId) ?? null } : duplicate,
      };
    }),
  };
}
