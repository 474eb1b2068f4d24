import { extractPdf } from "@/lib/files/pdf-extract";
const r = await extractPdf(process.argv[2]!);
console.log(JSON.stringify({ pageCount: r.pageCount, pageStarts: r.pageStarts, footnotes: r.footnotes, pagesWithoutText: r.pagesWithoutText, metadata: r.metadata }, null, 1));
console.log(r.text);
