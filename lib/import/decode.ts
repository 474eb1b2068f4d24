// Bytes → text for an uploaded bibliography. CNKI and older Windows tools still save GBK/GB18030, Excel-era
// tools prepend a BOM, and a few write UTF-16; nobody labels the file, so the bytes decide.

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function decodeUpload(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and GB2312, so it reads all three.
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

export type BinaryKind = "image" | "pdf" | "archive" | "office" | "binary";

export interface BinaryFile {
  kind: BinaryKind;
  /** The file type by name where the magic number tells it ("PNG", "ZIP/DOCX/XLSX"). */
  label: string;
}

const SIGNATURES: { kind: BinaryKind; label: string; bytes: number[] }[] = [
  { kind: "image", label: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: "image", label: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { kind: "image", label: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: "pdf", label: "PDF", bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: "archive", label: "ZIP/DOCX/XLSX", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "archive", label: "ZIP", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: "archive", label: "GZIP", bytes: [0x1f, 0x8b] },
  { kind: "archive", label: "RAR", bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: "archive", label: "7Z", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: "office", label: "DOC/XLS", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/**
 * Whether the bytes are a picture, PDF, archive or other binary file rather than text, judged by the magic
 * number at the start or a NUL byte early on (text exports never hold one, except UTF-16, which has a BOM).
 * Checked before decoding, so a PNG is refused plainly instead of being shown as garbled GBK.
 */
export function detectBinary(bytes: Uint8Array): BinaryFile | null {
  for (const { kind, label, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte)) {
      return { kind, label };
    }
  }
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46) {
    const format = String.fromCharCode(...bytes.subarray(8, 12));
    if (format === "WEBP") return { kind: "image", label: "WEBP" };
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8000).includes(0)) return { kind: "binary", label: "" };
  return null;
}
