// Which bibliographic format a text is in, by its content; the file extension only breaks ties.
import { looksLikeCsv } from "./parse-csv";
import type { ImportFormat } from "./source-record";

export type Detection = { format: ImportFormat } | { format: null; seen: string };

export function detectFormat(text: string, fileName = ""): Detection {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (/^<\?xml|^<xml[\s>]/i.test(head) && /<record[\s>]/.test(head)) return { format: "endnote-xml" };
  if (/^[[{]/.test(head) && (extension === "json" || /"(type|title|author|issued|id)"\s*:/.test(head.slice(0, 5000)))) {
    return { format: "csl-json" };
  }
  // Zotero reads RIS with one space before the dash ("TY - JOUR") as well as the standard two.
  if (/^TY {1,2}- ?\S/m.test(head)) return { format: "ris" };
  if (/^\{Reference Type\}\s*[:：]/m.test(head)) return { format: "noteexpress" };
  if (/^PMID- ?\d/m.test(head)) return { format: "nbib" };
  if (/^DataType\s*[:：]/m.test(head) && /^Title-[^:：]*[:：]/m.test(head)) return { format: "cnki-estudy" };
  if (/^%0 /m.test(head)) return { format: "endnote" };
  if (/^RT /m.test(head) && /^(A1|T1) /m.test(head)) return { format: "refworks" };
  if (/^[ \t]*@[A-Za-z_]+[ \t]*[{(]/m.test(head)) return { format: "bibtex" };
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (["csv", "tsv", "txt", "tab"].includes(extension) || /[,;\t]/.test(firstLine)) {
    if (looksLikeCsv(head)) return { format: "csv" };
  }
  // A file named .csv/.tsv is a table even when no column is recognised: the preview lets the user map them.
  if ((extension === "csv" || extension === "tsv") && /[,;\t]/.test(firstLine)) return { format: "csv" };
  return { format: null, seen: firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine };
}
