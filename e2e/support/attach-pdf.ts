// Attaches a PDF to an item straight through lib code, as the attach command and its extraction job would leave
// it: the bytes in the e2e server's file store, the file row with its extracted text and page starts, and the
// extracted text as the item's full text.
import path from "node:path";
import { extractPdf } from "@/lib/files/pdf-extract";
import { DiskFileStore } from "@/lib/files/store";
import { e2eDatabase } from "./scenario";

export async function attachExtractedPdf(
  reviewId: string,
  itemId: string,
  pdfPath: string,
  item: { pages?: string } = {},
) {
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
  const stored = await new DiskFileStore(path.join(dataDir, "files")).putFile(pdfPath);
  const extracted = await extractPdf(pdfPath);
  const db = e2eDatabase();
  await db.fileBlob.upsert({
    where: { sha256: stored.sha256 },
    create: { sha256: stored.sha256, byteSize: stored.byteSize, mime: "application/pdf" },
    update: {},
  });
  const file = await db.itemFile.create({
    data: {
      reviewId,
      itemId,
      sha256: stored.sha256,
      fileName: path.basename(pdfPath),
      byteSize: stored.byteSize,
      isMain: true,
      pageCount: extracted.pageCount,
      pagesDone: extracted.pageCount,
      state: "DONE",
      extractedText: extracted.text,
      pageStarts: extracted.pageStarts,
      footnotes: extracted.footnotes as object[],
      textAppliedAt: new Date(),
    },
  });
  await db.reviewItem.update({ where: { id: itemId }, data: { fullText: extracted.text, ...item } });
  return { fileId: file.id, text: extracted.text, pageStarts: extracted.pageStarts };
}
