import path from "node:path";
import { expect, test } from "@playwright/test";
import { codePassage } from "@/lib/coding/commands";
import { countHighlights } from "@/lib/screening/highlight";
import { createSection } from "@/lib/synthesis/sections";
import { createTheme } from "@/lib/themes/codebook";
import { storageStateOf } from "./accounts";
import { attachExtractedPdf } from "./support/attach-pdf";
import { createScenario, e2eDatabase } from "./support/scenario";
import { selectInPdfPage } from "./support/select-in-pdf";
import { sectionEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";

const FIXTURE = path.resolve("lib/files/fixtures/zh-two-column.pdf");
const TITLE = "区域化党建引领县域内城乡融合发展的行动策略";

test.use({ storageState: storageStateOf("member") });

test("a Chinese PDF is read and coded on the page; the coding shows in the text view, on the theme page with its page and in the synthesis as a quote citing it", async ({
  page,
}) => {
  // A long journey (PDF, text view, theme page, synthesis) on a shared two-core runner.
  test.setTimeout(180_000);
  const scenario = await createScenario("PDF 阅读", { members: { member: "EDITOR" }, items: [TITLE] });
  const itemId = scenario.itemIds[0]!;
  const db = e2eDatabase();
  await db.reviewItem.update({
    where: { id: itemId },
    data: { year: 2024, journalZh: "中国行政管理", authors: { create: [{ position: 0, nameZh: "阚道远" }] } },
  });
  // The paper's pages 45–47 are the PDF's pages 1–3: page 2 of the file is p. 46 of the journal.
  const { text, pageStarts } = await attachExtractedPdf(scenario.reviewId, itemId, FIXTURE, { pages: "45-47" });
  const { themeId } = await createTheme(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    nameZh: "城乡融合",
    color: "#b45309",
  });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "城乡融合发展",
    themeId,
  });
  // Phrases of page 2 that occur once in the whole text: the one the page shows in one piece gets coded.
  const pageTwo = text.slice(pageStarts[1], pageStarts[2]).replace(/\n/g, "");
  const candidates = Array.from({ length: 40 }, (_, i) => pageTwo.slice(60 + i * 20, 60 + i * 20 + 14)).filter(
    (phrase) => /^[\u4e00-\u9fff，、]+$/.test(phrase) && text.indexOf(phrase) === text.lastIndexOf(phrase),
  );

  await page.goto(scenario.url(`items/${itemId}`));
  await page.getByRole("tab", { name: "PDF" }).click();
  const viewer = page.getByRole("region", { name: "PDF：zh-two-column.pdf" });
  await expect(page.getByRole("toolbar", { name: "PDF 工具栏" }).getByText("共 3 页")).toBeVisible();

  // Page navigation, zoom and find.
  const pageNumber = page.getByRole("textbox", { name: "页码" });
  await page.getByRole("button", { name: "下一页" }).click();
  await expect(pageNumber).toHaveValue("2");
  await pageNumber.fill("3");
  await pageNumber.press("Enter");
  await expect(pageNumber).toHaveValue("3");
  await pageNumber.fill("2");
  await pageNumber.press("Enter");
  await expect(pageNumber).toHaveValue("2");
  const zoom = page.getByText(/^缩放 \d+%$/);
  const before = await zoom.textContent();
  await page.getByRole("button", { name: "放大" }).click();
  await expect(zoom).not.toHaveText(before!);
  await page.getByRole("button", { name: "适合宽度" }).click();
  await expect(zoom).toHaveText(before!);
  await page.getByRole("searchbox", { name: "在 PDF 中查找" }).fill("城乡融合");
  await page.getByRole("searchbox", { name: "在 PDF 中查找" }).press("Enter");
  // Matches are counted over the whole file and the first one from the current page on is shown.
  const findStatus = page.getByRole("toolbar", { name: "PDF 工具栏" }).getByRole("status");
  await expect(findStatus).toHaveText(/^\d+\/\d+$/);
  const [index, total] = (await findStatus.textContent())!.split("/").map(Number) as [number, number];
  expect(total).toBeGreaterThan(3);
  await page.getByRole("button", { name: "下一个匹配" }).click();
  await expect(findStatus).toHaveText(`${(index % total) + 1}/${total}`);

  // Select a Chinese passage on page 2 and code it.
  const pageTwoView = viewer.getByRole("group", { name: "第 2 页" });
  await pageTwoView.scrollIntoViewIfNeeded();
  await expect(pageTwoView.locator(".textLayer span").first()).toBeAttached();
  const phrase = await selectInPdfPage(pageTwoView, candidates);
  await expect(page.getByText(`第 2 页 · 已选 ${phrase.length} 字`)).toBeVisible();
  await page.getByRole("button", { name: "为所选文字编码 · PDF" }).click();
  const form = page.getByRole("form", { name: "为所选文字编码" });
  await expect(form.locator("blockquote")).toHaveText(phrase);
  await form.getByRole("option", { name: "城乡融合" }).click();
  await form.getByLabel("备忘（可选）").fill("页面上编码");
  await form.getByRole("button", { name: "保存编码" }).click();
  await expect(page.getByText("已编码。")).toBeVisible();
  // Drawn on the page in the theme's colour.
  const highlight = pageTwoView.getByRole("img", { name: "编码：城乡融合 · 页面上编码" });
  await expect(highlight).toBeVisible();
  await expect(highlight).toHaveCSS("background-color", "rgba(180, 83, 9, 0.25)");
  // Clicking it on the page (through the selectable text above it) opens its coding, as in the text view.
  await highlight.first().scrollIntoViewIfNeeded();
  const box = (await highlight.first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const atHighlight = page.getByRole("dialog", { name: "此处的编码" });
  await expect(atHighlight).toContainText("页面上编码");
  await expect(atHighlight.getByRole("button", { name: /^删除编码：/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("pdf-highlight-popover.png") });
  await page.keyboard.press("Escape");
  await expect(atHighlight).toHaveCount(0);
  // Listed under the pages with its memo, to edit or delete there as in the text view.
  const pageCodings = page.getByRole("group").filter({ hasText: "第 2 页中的编码（1）" });
  await expect(pageCodings.getByRole("listitem")).toContainText(phrase);
  await expect(pageCodings.getByRole("listitem")).toContainText("页面上编码");

  // The same coding in the text view, with its page.
  await page.getByRole("tab", { name: "文本" }).click();
  const body = page.getByRole("region", { name: "全文" });
  await expect(body.locator("mark", { hasText: phrase })).toHaveAttribute("title", "已编码：城乡融合");
  const entry = body.getByRole("listitem").filter({ hasText: `「${phrase}」` });
  await entry.getByRole("button", { name: "在 PDF 中查看第 46 页" }).click();
  await expect(pageNumber).toHaveValue("2");

  // The theme page cites the journal's page and links to the PDF page.
  await page.goto(scenario.url(`themes/${themeId}`));
  const passage = page.getByRole("listitem").filter({ hasText: phrase });
  await expect(passage.getByRole("link", { name: "在 PDF 中查看第 46 页" })).toHaveText("第46页");
  await passage.getByRole("link", { name: "在 PDF 中查看第 46 页" }).click();
  await expect(page.getByRole("textbox", { name: "页码" })).toHaveValue("2");
  await expect(
    page.getByRole("group", { name: "第 2 页" }).getByRole("img", { name: /^编码：城乡融合/ }),
  ).toBeVisible();

  // The synthesis quotes it with its page as the locator: [1]46 in GB/T 7714 numeric.
  await page.goto(scenario.url(`synthesis/${sectionId}`));
  await page.getByRole("button", { name: `把这段引文插入正文：${phrase}` }).click();
  await expect(sectionEditor(page).locator("blockquote")).toContainText(`${phrase}[1]46`);
});

test("on the PDF page, highlights filter by coder and theme as in the text view, and the review's highlight words are marked, counted and can be hidden", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const scenario = await createScenario("PDF 筛选高亮", { members: { member: "EDITOR" }, items: [TITLE] });
  const itemId = scenario.itemIds[0]!;
  const db = e2eDatabase();
  const { text, pageStarts } = await attachExtractedPdf(scenario.reviewId, itemId, FIXTURE);
  const keyword = "城乡融合";
  await db.review.update({ where: { id: scenario.reviewId }, data: { screeningHighlights: [keyword, "不存在的词"] } });
  const ownerAccess = await accessTo(scenario.userIds.owner, scenario.reviewId);
  const { themeId: mine } = await createTheme(ownerAccess, {
    reviewId: scenario.reviewId,
    nameZh: "乡村振兴",
    color: "#b45309",
  });
  const { themeId: theirs } = await createTheme(ownerAccess, {
    reviewId: scenario.reviewId,
    nameZh: "党建引领",
    color: "#7c3aed",
  });
  // Two phrases of page 1 that occur once in the text: one coded by the member, one by the owner.
  const pageOne = text.slice(0, pageStarts[1]);
  const phrases = Array.from({ length: 60 }, (_, i) => pageOne.slice(200 + i * 16, 200 + i * 16 + 8)).filter(
    (phrase) => /^[\u4e00-\u9fff]+$/.test(phrase) && text.indexOf(phrase) === text.lastIndexOf(phrase),
  );
  const code = async (userId: string, phrase: string, themeId: string, memo: string) =>
    codePassage(await accessTo(userId, scenario.reviewId), {
      reviewId: scenario.reviewId,
      itemId,
      field: "FULL_TEXT",
      start: text.indexOf(phrase),
      end: text.indexOf(phrase) + phrase.length,
      quote: phrase,
      themeIds: [themeId],
      memo,
    });
  await code(scenario.userIds.member, phrases[0]!, mine, "我的编码");
  await code(scenario.userIds.owner, phrases[phrases.length - 1]!, theirs, "组长的编码");
  const owner = await db.user.findUniqueOrThrow({ where: { id: scenario.userIds.owner }, select: { name: true } });

  await page.goto(scenario.url(`items/${itemId}?view=pdf`));
  const viewer = page.getByRole("region", { name: "PDF：zh-two-column.pdf" });
  const pageOneView = viewer.getByRole("group", { name: "第 1 页" });
  const memberHighlight = pageOneView.getByRole("img", { name: "编码：乡村振兴 · 我的编码" });
  const ownerHighlight = pageOneView.getByRole("img", { name: "编码：党建引领 · 组长的编码" });
  // The first page of a PDF on a busy runner: drawing it may take longer than a click's reaction.
  await expect(memberHighlight).toBeVisible({ timeout: 30_000 });
  await expect(ownerHighlight).toBeVisible();

  // The review's highlight words: counted in the text as the screening panel counts them, and marked on the page.
  const counts = page.getByRole("list", { name: "高亮词出现次数" });
  await expect(counts.getByRole("listitem")).toHaveText([
    `${keyword} ×${countHighlights(text, [keyword]).get(keyword)}`,
    "不存在的词 ×0",
  ]);
  const marks = viewer.locator(`[data-term="${keyword}"]`);
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
  await expect(marks.first()).toHaveCSS("mix-blend-mode", "multiply");

  // The same filter as the text view: one coder's highlights hide the other's, on the page and in its list.
  const filter = page.getByRole("group", { name: "筛选高亮" });
  await filter.getByRole("combobox", { name: "按编码者筛选" }).selectOption({ label: owner.name });
  await expect(memberHighlight).toHaveCount(0);
  await expect(ownerHighlight).toBeVisible();
  await expect(filter.getByRole("status")).toHaveText("当前筛选下显示 1 / 2 处编码。");
  await page.getByRole("toolbar", { name: "PDF 工具栏" }).evaluate((toolbar) => toolbar.scrollIntoView());
  await page.screenshot({ path: test.info().outputPath("pdf-filter-keywords.png") });
  await filter.getByRole("combobox", { name: "按编码者筛选" }).selectOption({ label: "所有编码者" });
  await filter.getByRole("combobox", { name: "按主题筛选" }).selectOption({ label: "乡村振兴" });
  await expect(ownerHighlight).toHaveCount(0);
  await expect(memberHighlight).toBeVisible();

  // Clicking the highlight opens its codings with who coded it, to edit or delete, as in the text view.
  await memberHighlight.scrollIntoViewIfNeeded();
  const box = (await memberHighlight.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const atHighlight = page.getByRole("dialog", { name: "此处的编码" });
  await expect(atHighlight).toContainText("我的编码");
  await expect(atHighlight.getByRole("button", { name: /^编辑编码：/ })).toBeVisible();
  await expect(atHighlight.getByRole("button", { name: /^删除编码：/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(atHighlight).toHaveCount(0);

  // The switch hides the words' marks and brings them back.
  const toggle = page.getByRole("button", { name: "标出高亮词" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(marks).toHaveCount(0);
  await toggle.click();
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
});

test("the screening card shows the full text and the PDF in a side panel", async ({ page }) => {
  test.setTimeout(60_000);
  const scenario = await createScenario("PDF 筛选", { members: { member: "EDITOR" }, items: [TITLE] });
  const itemId = scenario.itemIds[0]!;
  const { text } = await attachExtractedPdf(scenario.reviewId, itemId, FIXTURE);
  await e2eDatabase().review.update({ where: { id: scenario.reviewId }, data: { screeningHighlights: ["城乡融合"] } });
  const found = `城乡融合 ×${countHighlights(text, ["城乡融合"]).get("城乡融合")}`;
  await page.goto(scenario.url(`screening?item=${itemId}`));
  const panel = page.getByRole("region", { name: "全文" });
  // The text comes first (that is where the highlight words are marked); the PDF is one click away.
  await expect(panel.getByText(text.split("\n")[1]!.slice(0, 30))).toBeVisible();
  await page.getByRole("button", { name: "PDF", exact: true }).click();
  await expect(page.getByRole("button", { name: "PDF", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.getByRole("group", { name: "第 1 页" }).locator(".textLayer span").first()).toBeAttached();
  await expect(panel.getByRole("toolbar", { name: "PDF 工具栏" }).getByText("共 3 页")).toBeVisible();
  // The highlight words are marked on the pages as in the text, with the same counts and the same switch.
  await expect(page.getByRole("list", { name: "高亮词出现次数" })).toHaveText(found);
  const marks = panel.locator('[data-term="城乡融合"]');
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "标出高亮词" }).click();
  await expect(marks).toHaveCount(0);
  await page.getByRole("button", { name: "标出高亮词" }).click();
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
  // No coding from the screening panel: it is for reading.
  await expect(panel.getByRole("button", { name: /为所选文字编码/ })).toHaveCount(0);
  await page.getByRole("button", { name: "文本", exact: true }).click();
  await expect(panel.getByText(text.split("\n")[1]!.slice(0, 30))).toBeVisible();
  await expect(panel.locator("mark", { hasText: "城乡融合" }).first()).toBeVisible();
});
