// Upload → what the import would do: every parsed record with its problems and the duplicates found,
// against the review's items (not those in the trash) and within the file. Nothing is written.
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import type { ItemType } from "@/lib/db/generated/enums";
import type { TextEncoding } from "./decode";
import { findDuplicates, type DuplicateMatch } from "./duplicates";
import type { CsvLayout } from "./parse-csv";
import { parseImportFile, type ParsedFile, type ParseOptions } from "./parse-file";
import type { ImportFormat, RecordProblem } from "./source-record";

/** What the preview shows of a record, and of the record it duplicates, side by side. */
export interface RecordSummary {
  titleZh: string | null;
  titleEn: string | null;
  authors: string[];
  authorCount: number;
  year: number | null;
  doi: string | null;
  journal: string | null;
}

export interface PreviewRecord extends RecordSummary {
  index: number;
  line: number;
  type: string | null;
  itemType: ItemType;
  problems: RecordProblem[];
  blocked: boolean;
  duplicate: (DuplicateMatch & { other: RecordSummary; otherLine?: number }) | null;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  encoding: TextEncoding;
  records: PreviewRecord[];
  csv?: CsvLayout;
}

const SHOWN_AUTHORS = 3;

export async function reviewDuplicateCandidates(tx: Transaction, reviewId: string) {
  return tx.reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      journalZh: true,
      journalEn: true,
      year: true,
      doi: true,
      // One more than is shown, so the preview knows to add "et al." without counting every author.
      authors: {
        where: { role: "AUTHOR" },
        select: { nameZh: true, nameEn: true },
        orderBy: { position: "asc" },
        take: SHOWN_AUTHORS + 1,
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

function nameOf(author: { nameZh: string | null; nameEn: string | null }) {
  return author.nameZh ?? author.nameEn ?? "";
}

export async function previewImport(
  access: ReviewAccess,
  file: { name: string; bytes: Uint8Array },
  options: ParseOptions = {},
): Promise<ImportPreview> {
  const { reviewId } = access;
  const existing = await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.create", tx);
    return reviewDuplicateCandidates(tx, reviewId);
  });
  const parsed = parseImportFile(file.name, file.bytes, options);
  const duplicates = matchDuplicates(parsed, existing);
  const existingById = new Map(existing.map((item) => [item.id, item]));
  const summaries: RecordSummary[] = parsed.records.map(({ fields }) => ({
    titleZh: fields.titleZh,
    titleEn: fields.titleEn,
    authors: fields.authors.slice(0, SHOWN_AUTHORS).map(nameOf),
    authorCount: fields.authors.length,
    year: fields.year,
    doi: fields.doi,
    journal: fields.journalZh ?? fields.journalEn,
  }));
  const otherOf = (match: DuplicateMatch): { other: RecordSummary; otherLine?: number } => {
    if (match.in === "file") {
      return { other: summaries[match.index]!, otherLine: parsed.records[match.index]?.line };
    }
    const item = existingById.get(match.itemId)!;
    return {
      other: {
        titleZh: item.titleZh,
        titleEn: item.titleEn,
        authors: item.authors.slice(0, SHOWN_AUTHORS).map(nameOf),
        authorCount: item.authors.length,
        year: item.year,
        doi: item.doi,
        journal: item.journalZh ?? item.journalEn,
      },
    };
  };
  return {
    fileName: file.name,
    format: parsed.format,
    encoding: parsed.encoding,
    ...(parsed.csv ? { csv: parsed.csv } : {}),
    records: parsed.records.map((record, index) => {
      const duplicate = duplicates[index] ?? null;
      return {
        ...summaries[index]!,
        index: record.index,
        line: record.line,
        type: record.type,
        itemType: record.reference.itemType,
        problems: record.problems,
        blocked: record.blocked,
        duplicate: duplicate ? { ...duplicate, ...otherOf(duplicate) } : null,
      };
    }),
  };
}
