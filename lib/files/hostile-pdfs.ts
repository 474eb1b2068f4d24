// Small hand-built PDFs for the bad-input tests: no pages, more pages than allowed, a decompression bomb.
// Written object by object with a correct cross-reference table, so only the intended defect is present.
import { deflateSync } from "node:zlib";

function assemble(objects: (string | Buffer)[]): Buffer {
  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      typeof body === "string" ? Buffer.from(body) : body,
      Buffer.from("\nendobj\n"),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const table = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

/** A document whose page tree is empty. */
export function noPagesPdf(): Buffer {
  return assemble(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]);
}

/** `count` pages of one line of text each (Helvetica, a standard font: nothing embedded). */
export function pagesPdf(count: number, line = (page: number) => `Page ${page}`): Buffer {
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const kids: string[] = [];
  for (let page = 1; page <= count; page++) {
    const content = `BT /F1 12 Tf 72 720 Td (${line(page)}) Tj ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${count} >>`;
  return assemble(objects);
}

/** One page whose content stream inflates from about 1 MB to `megabytes` MB: a decompression bomb. */
export function bombPdf(megabytes = 1024): Buffer {
  const zeros = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const parts: Buffer[] = [];
  for (let i = 0; i < megabytes / 16; i++) parts.push(zeros);
  const packed = deflateSync(Buffer.concat(parts), { level: 9 });
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    Buffer.concat([
      Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`),
      packed,
      Buffer.from("\nendstream"),
    ]),
  ]);
}
