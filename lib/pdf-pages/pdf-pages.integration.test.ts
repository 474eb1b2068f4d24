// Page numbers of passages from PDFs against a real database: the theme page (and the matrix, the synthesis panel,
// which read through it) and the item's codings cite the PDF page, as the paper prints it when its page range
// fits; a corrected full text still maps; another review's member finds neither the file nor its pages.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { codePassage } from "@/lib/coding/commands";
import { listItemCodings, listThemePassages } from "@/lib/coding/queries";
import { createItem, updateItem } from "@/lib/items/commands";
import { getItemForEdit } from "@/lib/items/queries";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTheme } from "@/lib/themes/codebook";
import { getFileForReading, getItemPdf } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let itemId: string;
let themeId: string;
let fileId: string;

const pages = ["第一页讲党建引领基层治理。", "第二页讲韧性治理与风险冲击。", "第三页讲城乡融合发展。"];
const extracted = pages.join("\n");
const pageStarts = [0, pages[0]!.length + 1, pages[0]!.length + pages[1]!.length + 2];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "pa");
  b = await createReviewWithTeam(db, "pb");
  itemId = (
    await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: { titleZh: "分页", fullText: extracted, pages: "45-47" },
    })
  ).itemId;
  themeId = (
    await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      nameZh: "韧性",
      color: "#c2410c",
    })
  ).themeId;
  const sha256 = "a".repeat(64);
  await db.fileBlob.create({ data: { sha256, byteSize: 10, mime: "application/pdf" } });
  fileId = (
    await db.itemFile.create({
      data: {
        reviewId: a.reviewId,
        itemId,
        sha256,
        fileName: "分页.pdf",
        byteSize: 10,
        isMain: true,
        state: "DONE",
        pageCount: 3,
        extractedText: extracted,
        pageStarts,
      },
    })
  ).id;
});

const quoteAt = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
});

describe("page numbers of passages from PDFs", () => {
  it("cites the printed page on the theme page and in the item's codings", async () => {
    const { codingId } = await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...quoteAt(extracted, "韧性治理与风险冲击"),
      themeIds: [themeId],
    });
    const themePage = await listThemePassages(await accessTo(a.users.VIEWER.id, a.reviewId), themeId);
    expect(themePage.papers[0]!.passages[0]).toMatchObject({ id: codingId, page: { pdfPage: 2, locator: "46" } });
    const reader = await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    expect(reader.codings.find((coding) => coding.id === codingId)?.page).toEqual({ pdfPage: 2, locator: "46" });
  });

  it("cites the file's page when the page range does not fit the PDF", async () => {
    await db.reviewItem.update({ where: { id: itemId }, data: { pages: "e1234" } });
    const themePage = await listThemePassages(await accessTo(a.users.VIEWER.id, a.reviewId), themeId);
    expect(themePage.papers[0]!.passages[0]!.page).toEqual({ pdfPage: 2, locator: "2" });
  });

  it("still finds the page after the full text was corrected", async () => {
    const corrected = `前言。\n${extracted.replace("第一页讲", "第一页主要讲")}`;
    const edit = await getItemForEdit(await accessTo(a.users.OWNER.id, a.reviewId), itemId);
    await updateItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: edit.version,
      fields: { ...edit.fields, fullText: corrected },
    });
    const { codingId } = await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...quoteAt(corrected, "城乡融合发展"),
      themeIds: [themeId],
    });
    const themePage = await listThemePassages(await accessTo(a.users.VIEWER.id, a.reviewId), themeId);
    const passages = themePage.papers[0]!.passages;
    expect(passages.find((passage) => passage.id === codingId)!.page?.pdfPage).toBe(3);
    expect(passages.find((passage) => passage.id !== codingId)!.page?.pdfPage).toBe(2);
  });

  it("gives abstracts and items without a PDF no page", async () => {
    const other = (
      await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        fields: { titleZh: "无PDF", fullText: "韧性治理很重要。" },
      })
    ).itemId;
    await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId: other,
      field: "FULL_TEXT",
      start: 0,
      end: 4,
      quote: "韧性治理",
      themeIds: [themeId],
    });
    const themePage = await listThemePassages(await accessTo(a.users.VIEWER.id, a.reviewId), themeId, other);
    expect(themePage.papers[0]!.passages[0]!.page).toBeNull();
  });

  it("lets members read the file and no one else", async () => {
    const pdf = await getItemPdf(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    expect(pdf.file).toMatchObject({ id: fileId, pageStarts, extractedText: extracted });
    await expect(
      accessTo(a.users.VIEWER.id, a.reviewId).then((access) => getFileForReading(access, fileId)),
    ).resolves.toMatchObject({
      fileName: "分页.pdf",
    });
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) => getFileForReading(access, fileId)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(b.users.OWNER.id, b.reviewId).then((access) => getFileForReading(access, fileId)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) => getItemPdf(access, itemId)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
