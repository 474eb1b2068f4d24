import { readFileSync } from "node:fs";
import { extractPdf } from "@/lib/files/pdf-extract";
import { characterSimilarity } from "@/lib/files/similarity";
for (const name of ["zh-two-column", "en-hyphenated"]) {
  const r = await extractPdf(`lib/files/fixtures/${name}.pdf`);
  const body = readFileSync(`lib/files/fixtures/${name}.body.txt`, "utf8");
  const notes = readFileSync(`lib/files/fixtures/${name}.footnotes.txt`, "utf8");
  console.log(name, characterSimilarity(r.text, body).toFixed(4), characterSimilarity(r.footnotes.map(n=>n.text).join("\n"), notes).toFixed(4), r.metadata);
  if (process.argv[2] === name) console.log(r.text, r.footnotes);
}
