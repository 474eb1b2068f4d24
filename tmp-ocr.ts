import { readFileSync } from "node:fs";
import { ocrPdf, ocrAvailability } from "@/lib/files/ocr";
import { characterSimilarity } from "@/lib/files/similarity";
console.log(await ocrAvailability());
const t = Date.now();
const r = await ocrPdf("lib/files/fixtures/scanned.pdf", (d, n) => console.log("page", d, n));
console.log(Date.now() - t, "ms", r.pageStarts, characterSimilarity(r.text, readFileSync("lib/files/fixtures/scanned.body.txt", "utf8")));
console.log(r.text);
