// An uploaded file → the references in it, each mapped onto item fields with its problems. Pure: the preview
// and the commit both run it on the same bytes, so what is committed is exactly what was previewed.
import { AppError } from "@/lib/errors/app-error";
import type { ItemFields } from "@/lib/items/item-fields";
import { decodeUpload, detectBinary, type BinaryKind, type TextEncoding } from "./decode";
import { detectFormat } from "./detect";
import { MAX_IMPORT_BYTES } from "./limits";
import { parseBibtex } from "./parse-bibtex";
import { parseCsv, type CsvLayout, type CsvTarget } from "./parse-csv";
import { MalformedFileError, parseCslJson } from "./parse-csl-json";
import { parseEndnoteXml } from "./parse-endnote-xml";
import { parseRis } from "./parse-ris";
import { CNKI_ESTUDY, ENDNOTE_TAGGED, MEDLINE, NOTEEXPRESS, parseTagged, REFWORKS } from "./parse-tagged";
import type { ImportFormat, RecordProblem, SourceRecord } from "./source-record";
import { toItemFields, type ImportedContributor, type ReferenceTypeFields } from "./to-item-fields";

export { MAX_IMPORT_BYTES };

export interface ParsedRecord {
  index: number;
  line: number;
  type: string | null;
  fields: ItemFields;
  reference: ReferenceTypeFields;
  contributors: ImportedContributor[];
  problems: RecordProblem[];
  /** An error-level problem keeps the record out of the import. */
  blocked: boolean;
}

export interface ParsedFile {
  format: ImportFormat;
  encoding: TextEncoding;
  records: ParsedRecord[];
  /** For a CSV/TSV file: its columns and how each is mapped onto a reference field. */
  csv?: CsvLayout;
}

export interface ParseOptions {
  /** The column mapping the user confirmed in the preview, one target per column. */
  csvMapping?: CsvTarget[];
}

const PARSERS: Record<Exclude<ImportFormat, "csv">, (text: string) => SourceRecord[]> = {
  ris: parseRis,
  bibtex: parseBibtex,
  "csl-json": parseCslJson,
  endnote: (text) => parseTagged(text, ENDNOTE_TAGGED),
  "endnote-xml": parseEndnoteXml,
  noteexpress: (text) => parseTagged(text, NOTEEXPRESS),
  refworks: (text) => parseTagged(text, REFWORKS),
  nbib: (text) => parseTagged(text, MEDLINE),
  "cnki-estudy": (text) => parseTagged(text, CNKI_ESTUDY),
};

/**
 * What the unknown-format message shows as the file's start for a binary file, instead of garbled bytes. The
 * message itself is built from `seen` by lib/http/upload.ts; `binary` names the kind for a fuller message.
 */
const BINARY_SEEN: Record<BinaryKind, string> = {
  image: "{label} 图片，不是文献导出文件 / a {label} image, not a reference export",
  pdf: "PDF 文档，不是文献导出文件 / a PDF document, not a reference export",
  archive:
    "{label} 压缩包或 Office 文档，不是文献导出文件 / a {label} archive or Office document, not a reference export",
  office: "{label} Office 文档，不是文献导出文件 / a {label} Office document, not a reference export",
  binary: "二进制文件，不是文献导出文件 / a binary file, not a reference export",
};

export function parseImportFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError("IMPORT_TOO_LARGE", `${fileName} has ${bytes.byteLength} bytes`, undefined, {
      size: bytes.byteLength,
      limit: MAX_IMPORT_BYTES,
    });
  }
  // A picture, PDF or Word file is refused by what it is, before its bytes are misread as GBK text.
  const binary = detectBinary(bytes);
  if (binary) {
    const { kind, label } = binary;
    throw new AppError("IMPORT_UNKNOWN_FORMAT", `${fileName}: binary file (${label || kind})`, undefined, {
      binary: kind,
      label,
      seen: BINARY_SEEN[kind].replaceAll("{label}", label).replace(/ {2,}/g, " "),
    });
  }
  const { text, encoding } = decodeUpload(bytes);
  if (!text.trim()) throw new AppError("IMPORT_EMPTY", `${fileName} is empty`);
  const detection = detectFormat(text, fileName);
  if (!detection.format) {
    throw new AppError("IMPORT_UNKNOWN_FORMAT", `${fileName}: no known format`, undefined, { seen: detection.seen });
  }
  const { format } = detection;
  let sources: SourceRecord[];
  let csv: CsvLayout | undefined;
  try {
    if (format === "csv") {
      const parsed = parseCsv(text, options.csvMapping);
      sources = parsed.records;
      csv = parsed.layout;
    } else sources = PARSERS[format](text);
  } catch (error) {
    if (error instanceof MalformedFileError) {
      throw new AppError("IMPORT_MALFORMED", `${fileName}: ${error.message}`, undefined, {
        format,
        line: error.line,
        reason: error.reason,
      });
    }
    throw error;
  }
  if (sources.length === 0) {
    throw new AppError("IMPORT_NO_RECORDS", `${fileName}: looks like ${format} but holds no records`, undefined, {
      format,
    });
  }
  const records = sources.map((source, index) => {
    const { fields, reference, contributors, problems } = toItemFields(source, format);
    return {
      index,
      line: source.line,
      type: source.type,
      fields,
      reference,
      contributors,
      problems,
      blocked: problems.some((problem) => problem.severity === "error"),
    };
  });
  return csv ? { format, encoding, records, csv } : { format, encoding, records };
}
