import { expect, test, type Page } from "@playwright/test";
import { codePassage } from "@/lib/coding/commands";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { selectText } from "./support/select-text";
import { accessTo } from "@/lib/testing/access";

const TITLE = "党建引领基层韧性治理的行动逻辑与实践样本";

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** A phrase that occurs once, about half-way through the paper. */
function middlePhrase(fullText: string): string {
  for (let from = Math.floor(fullText.length / 2); from < fullText.length; from += 40) {
    const phrase = fullText.slice(from).match(/[^，。；、\s“”（）]{8,14}/)?.[0];
    if (phrase && fullText.indexOf(phrase) === fullText.lastIndexOf(phrase)) return phrase;
  }
  throw new Error("no unique phrase in the second half of the paper");
}

test.use({ storageState: storageStateOf("member"), viewport: { width: 1280, height: 800 } });

test("coding a passage in the middle of a long paper happens beside it, and the page does not move", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const scenario = await createScenario("在原处编码", { members: { member: "EDITOR" }, items: [TITLE] });
  const db = e2eDatabase();
  const seeded = await db.reviewItem.findFirstOrThrow({
    where: { titleZh: TITLE, review: { seedKey: { not: null } } },
    select: { fullText: true },
  });
  const fullText = seeded.fullText!;
  expect(fullText.length).toBeGreaterThan(8000);
  await db.reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { fullText } });
  const theme = await db.theme.create({
    data: { reviewId: scenario.reviewId, nameZh: "韧性治理", nameEn: "Resilient governance", color: "#0f766e" },
  });
  // Someone else's coding near the top, to filter highlights by coder and by theme.
  const ownerPhrase = fullText.match(/[^，。；、\s]{6,10}/)![0];
  await codePassage(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    itemId: scenario.itemIds[0],
    field: "FULL_TEXT",
    start: fullText.indexOf(ownerPhrase),
    end: fullText.indexOf(ownerPhrase) + ownerPhrase.length,
    quote: ownerPhrase,
    themeIds: [theme.id],
  });
  const owner = await db.user.findUniqueOrThrow({ where: { id: scenario.userIds.owner }, select: { name: true } });

  await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  const body = page.getByRole("region", { name: "全文" });
  const phrase = middlePhrase(fullText);
  await body.locator("p", { hasText: phrase }).evaluate((paragraph) => paragraph.scrollIntoView({ block: "center" }));
  await expect.poll(() => scrollY(page)).toBeGreaterThan(1000);
  const before = await scrollY(page);

  // Selecting offers to code right there; the form opens beside the selection, not at the top of the text.
  await selectText(body, phrase);
  // Where the selection is (before the popover's field takes the focus, and with it the document's selection).
  const selectionBox = await page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left };
  });
  await page.getByRole("button", { name: `为所选的 ${phrase.length} 字编码` }).click();
  const popover = page.getByRole("dialog", { name: "为所选文字编码" });
  const form = popover.getByRole("form", { name: "为所选文字编码" });
  await expect(form.locator("blockquote")).toHaveText(phrase);
  await page.screenshot({ path: testInfo.outputPath("code-popover.png") });
  const popoverBox = (await popover.boundingBox())!;
  // Just under the selection (or just above it, where there is no room below), inside the viewport.
  const gap = Math.min(
    Math.abs(popoverBox.y - selectionBox.bottom),
    Math.abs(popoverBox.y + popoverBox.height - selectionBox.top),
  );
  expect(gap).toBeLessThan(24);
  expect(Math.abs(popoverBox.x - selectionBox.left)).toBeLessThan(420);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(4);

  // Type to filter; a name that matches nothing becomes a new theme, chosen at once.
  // The picker is a combobox: typing filters its list, ↓ and Enter choose.
  const filter = form.getByRole("combobox", { name: "查找或新建主题" });
  await filter.fill("韧性");
  await expect(form.getByRole("option")).toHaveText(["韧性治理", "新建主题「韧性」"]);
  await filter.press("Enter");
  await expect(filter).toHaveValue("");
  await expect(form.getByRole("option", { name: "韧性治理" })).toHaveAttribute("aria-selected", "true");
  await filter.fill("网格动员");
  await expect(form.getByText("没有匹配的主题。")).toBeVisible();
  await form.getByRole("option", { name: "新建主题「网格动员」" }).click();
  await expect(form.getByRole("status")).toHaveText("已新建主题「网格动员」并选中。");
  await expect(form.getByRole("option", { name: "网格动员" })).toHaveAttribute("aria-selected", "true");
  await expect(form.getByRole("option", { name: "韧性治理" })).toHaveAttribute("aria-selected", "true");
  await form.getByLabel("备忘（可选）").fill("中段的关键论断");
  await form.getByRole("button", { name: "保存编码" }).click();

  await expect(body.getByText("已编码。")).toBeVisible();
  await expect(popover).toHaveCount(0);
  const mark = body.locator("mark", { hasText: phrase });
  await expect(mark).toHaveAttribute("title", /网格动员/);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(4);
  // And the coded words are where they were on the screen.
  const markTop = await mark.evaluate((element) => element.getClientRects()[0]!.top);
  expect(Math.abs(markTop - selectionBox.top)).toBeLessThan(4);
  await page.screenshot({ path: testInfo.outputPath("after-save.png") });
  const created = await db.theme.findFirstOrThrow({ where: { reviewId: scenario.reviewId, nameZh: "网格动员" } });
  expect(created.color).toMatch(/^#[0-9a-f]{6}$/);

  // Recently used themes come first the next time.
  await selectText(body, ownerPhrase);
  await body.getByRole("button", { name: "为所选文字编码 · 全文" }).click();
  const recent = page.getByRole("form", { name: "为所选文字编码" }).getByRole("group", { name: "最近使用" });
  await expect(recent.getByRole("option")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("form", { name: "为所选文字编码" })).toHaveCount(0);
  await mark.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const atHighlight = await scrollY(page);

  // Clicking the highlight opens its coding: who, when, memo; edit the memo there.
  // A real click on the highlight's first line (a phrase may wrap, and the centre of its box may be between lines).
  const line = await mark.evaluate((element) => {
    const rect = element.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(line.x, line.y);
  const codings = page.getByRole("dialog", { name: "此处的编码" });
  await expect(codings).toContainText("陈同学 (Member)");
  await expect(codings).toContainText("中段的关键论断");
  await codings.getByRole("button", { name: /^编辑编码：/ }).click();
  await codings.getByLabel("备忘（可选）").fill("改写后的备忘");
  await codings.getByRole("button", { name: "保存", exact: true }).click();
  await expect(codings).toContainText("改写后的备忘");
  await expect
    .poll(async () => (await db.coding.findFirst({ where: { quote: phrase, itemId: scenario.itemIds[0] } }))?.memo)
    .toBe("改写后的备忘");
  await page.screenshot({ path: testInfo.outputPath("highlight-popover.png") });

  // Delete it, asked in the app's own dialog.
  await codings.getByRole("button", { name: /^删除编码：/ }).click();
  const ask = page.getByRole("alertdialog", { name: "确定删除这处编码？" });
  await page.screenshot({ path: testInfo.outputPath("delete-dialog.png") });
  await ask.getByRole("button", { name: "删除" }).click();
  await expect(mark).toHaveCount(0);
  await expect(codings).toHaveCount(0);
  expect(await db.coding.count({ where: { quote: phrase, itemId: scenario.itemIds[0] } })).toBe(0);
  expect(Math.abs((await scrollY(page)) - atHighlight)).toBeLessThan(4);

  // Filters: by coder, then by theme.
  await selectText(body, phrase);
  await body.getByRole("button", { name: "为所选文字编码 · 全文" }).click();
  await page.getByRole("form", { name: "为所选文字编码" }).getByRole("option", { name: "网格动员" }).click();
  await page.getByRole("form", { name: "为所选文字编码" }).getByRole("button", { name: "保存编码" }).click();
  await expect(mark).toHaveCount(1);
  const ownerMark = body.locator("mark", { hasText: ownerPhrase });
  await expect(ownerMark).toHaveCount(1);
  await body.getByLabel("按编码者筛选").selectOption({ label: owner.name });
  await expect(mark).toHaveCount(0);
  await expect(ownerMark).toHaveCount(1);
  await expect(body.getByText("当前筛选下显示 1 / 2 处编码。")).toBeVisible();
  await body.getByLabel("按编码者筛选").selectOption({ label: "所有编码者" });
  await body.getByLabel("按主题筛选").selectOption({ label: "网格动员" });
  await expect(mark).toHaveCount(1);
  await expect(ownerMark).toHaveCount(0);
});
