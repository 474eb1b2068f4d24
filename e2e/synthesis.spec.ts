// Writing the synthesis together: two people typing at once, citations in GB/T 7714, a reader who cannot
// write (not even through a raw socket), history, quotes from coded passages, and the Word export. (Nothing
// lost when the collaboration server dies: collab-restart.spec.ts, run on its own.)
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { mintCollabToken } from "@/lib/collab/token";
import type { DocNode } from "@/lib/synthesis/document-model";
import { codePassage } from "@/lib/coding/commands";
import { connectSection } from "@/lib/testing/collab-client";
import { createTheme } from "@/lib/themes/codebook";
import { e2eDatabase, type Scenario } from "./support/scenario";
import { caretToEnd, editorText, expectSaved, sectionEditor } from "./support/synthesis";
import { openAs, storedText, synthesisScenario } from "./support/synthesis-scenario";
import { accessTo } from "@/lib/testing/access";

test("two members type into one section at once and end with the same text", async ({ browser }) => {
  test.setTimeout(120_000); // two browsers and two saves on a two-core runner
  const { sectionId, path } = await synthesisScenario("合写");
  const owner = await openAs(browser, "owner", path);
  const member = await openAs(browser, "member", path);
  await expectSaved(owner);
  await expectSaved(member);
  await caretToEnd(owner);
  await owner.keyboard.type("党建引领基层治理");
  await owner.keyboard.press("Enter");
  await expect.poll(() => editorText(member)).toBe("党建引领基层治理\n");
  // The member writes the second paragraph while the owner goes on with the first.
  await caretToEnd(member);
  await owner.keyboard.press("ArrowUp");
  await owner.keyboard.press("End");
  await Promise.all([
    owner.keyboard.type("：韧性与协同", { delay: 30 }),
    member.keyboard.type("Resilience and coordination", { delay: 30 }),
  ]);
  await expectSaved(owner);
  await expectSaved(member);
  const expected = "党建引领基层治理：韧性与协同\nResilience and coordination";
  await expect.poll(() => editorText(owner)).toBe(expected);
  await expect.poll(() => editorText(member)).toBe(expected);
  const text = expected;
  // Each sees the other's named caret, and the database holds what both see.
  await expect(owner.getByRole("list", { name: "正在本节的成员" })).toContainText("陈同学");
  await expect.poll(() => storedText(sectionId)).toBe(text);
  await owner.context().close();
  await member.context().close();
});

test("Chinese typed through an input method, then a citation in GB/T 7714 with its bibliography entry", async ({
  browser,
}) => {
  const { path } = await synthesisScenario("引用");
  const page = await openAs(browser, "owner", path);
  await expectSaved(page);
  await caretToEnd(page);
  // An input method composes pinyin first and commits the characters at the end.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "renxing", selectionStart: 7, selectionEnd: 7 });
  await cdp.send("Input.imeSetComposition", { text: "韧性", selectionStart: 2, selectionEnd: 2 });
  await cdp.send("Input.insertText", { text: "韧性治理" });
  await page.keyboard.type("是风险社会的回应");
  await page.keyboard.type("@朱正威");
  const suggestions = page.getByRole("listbox", { name: "引用建议" });
  const suggested = suggestions.getByRole("option", { name: /韧性治理:风险与应急管理的新路径/ });
  await expect(suggested).toBeVisible();
  // The text keeps the focus; a screen reader follows the option the arrow keys point at.
  const suggestedId = await suggested.getAttribute("id");
  expect(suggestedId).toBeTruthy();
  await expect(sectionEditor(page)).toHaveAttribute("aria-activedescendant", suggestedId!);
  await expect(sectionEditor(page)).toHaveAttribute("aria-controls", (await suggestions.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(sectionEditor(page)).toContainText("韧性治理是风险社会的回应[1]");
  await expect(sectionEditor(page)).not.toHaveAttribute("aria-activedescendant", /.*/);
  const bibliography = page.getByRole("list", { name: "参考文献" });
  await expect(bibliography.getByRole("listitem")).toHaveText([
    "[1] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.",
  ]);

  // The toolbar's dialog cites with a page locator; the same paper keeps its number.
  await page.getByRole("button", { name: "@ 插入引用" }).click();
  const dialog = page.getByRole("dialog", { name: "插入引用" });
  await dialog.getByLabel("按标题或作者搜索文献").fill("韧性治理");
  await dialog.getByLabel("页码（可选）").fill("83");
  await dialog.getByRole("button", { name: "插入" }).click();
  await expect(sectionEditor(page)).toContainText("[1][1]83");
  // Clicking a citation changes its page.
  await sectionEditor(page)
    .getByLabel(/^引用 \[1\]83：/)
    .click();
  const locator = page.getByRole("dialog", { name: "页码（可选）" });
  await locator.getByLabel("页码（可选）").fill("85");
  await locator.getByRole("button", { name: "保存" }).click();
  await expect(sectionEditor(page)).toContainText("[1][1]85");
  await expectSaved(page);

  // The synthesis page lists the same bibliography, and switching to APA re-renders it.
  await page.getByRole("link", { name: "全部章节" }).first().click();
  await expect(page.getByRole("list", { name: "参考文献" })).toContainText("朱正威, 刘莹莹. 韧性治理");
  await page.getByLabel("引文格式").selectOption("APA");
  // Switching the style renders every citation and the bibliography again: slow on a loaded two-core runner.
  await expect(page.getByRole("status").filter({ hasText: "引文格式已更新" })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("list", { name: "参考文献" })).toContainText("(2020)");
  await page.context().close();
});

test("a viewer reads but cannot write, neither in the editor nor through a raw socket update", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000); // two browsers, a raw socket and a reload on a two-core runner
  const { scenario, sectionId, path } = await synthesisScenario("只读");
  const owner = await openAs(browser, "owner", path);
  await expectSaved(owner);
  await caretToEnd(owner);
  await owner.keyboard.type("负责人写的正文");
  await expectSaved(owner);

  const viewer = await openAs(browser, "viewer", path);
  await expect(viewer.getByText("您的角色可以阅读本节，不能修改正文。")).toBeVisible();
  await expect(sectionEditor(viewer)).toContainText("负责人写的正文");
  await expect(sectionEditor(viewer)).toHaveAttribute("contenteditable", "false");
  await expect(viewer.getByRole("toolbar", { name: "格式工具栏" })).toHaveCount(0);
  await sectionEditor(viewer).click();
  await viewer.keyboard.type("viewer typing");
  await expect(sectionEditor(viewer)).not.toContainText("viewer typing");

  // A ticket from the viewer's own session, then a hand-made document update on the socket.
  const ticket = await viewer.request.get(`${scenario.url(`synthesis/${sectionId}`)}/collab-token`);
  expect(ticket.ok()).toBe(true);
  const { token } = (await ticket.json()) as { token: string };
  const socket = connectSection({ url: `${baseURL!.replace(/^http/, "ws")}/collab`, sectionId, token });
  expect(await socket.authenticated).toBe("readonly");
  await socket.synced;
  const refused = socket.nextRefusal();
  socket.appendParagraph("forged by the viewer");
  // The server answers the forged update on the same connection: refused, not applied.
  await refused;
  // A forged ticket is refused outright.
  const forged = connectSection({
    url: `${baseURL!.replace(/^http/, "ws")}/collab`,
    sectionId,
    token: mintCollabToken({ userId: scenario.userIds.viewer, sectionId }, "not-the-secret"),
  });
  await expect(forged.authenticated).rejects.toThrow(/authentication failed/);
  socket.close();
  forged.close();
  expect(await storedText(sectionId)).toBe("负责人写的正文");
  await owner.reload();
  await expect(sectionEditor(owner)).toContainText("负责人写的正文");
  expect(await editorText(owner)).not.toContain("forged");
  await owner.context().close();
  await viewer.context().close();
});

test("paste from Word keeps headings, emphasis, lists and links and drops the rest", async ({ browser }) => {
  const { sectionId, path } = await synthesisScenario("粘贴");
  const page = await openAs(browser, "member", path);
  await expectSaved(page);
  await caretToEnd(page);
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><h1>一、引言</h1><h2>二、文献回顾</h2><p class="MsoNormal" style="font-family:SimSun"><b>韧性治理</b>强调<i>适应</i>能力<o:p></o:p></p>
<ul><li>城乡融合</li><li>跨域治理</li></ul><p class="MsoNormal"><a href="https://example.org/paper">原文链接</a><span style="color:red">红字</span></p>
<table><tr><td>表格内容</td></tr></table><!--EndFragment--></body></html>`;
  await sectionEditor(page).evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "二、文献回顾 韧性治理强调适应能力");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);
  const editor = sectionEditor(page);
  await expect(editor.getByRole("heading", { name: "一、引言", level: 2 })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "二、文献回顾" })).toBeVisible();
  await expect(editor.getByRole("listitem")).toHaveText(["城乡融合", "跨域治理"]);
  await expect(editor.getByRole("link", { name: "原文链接" })).toHaveAttribute("href", "https://example.org/paper");
  await expect(editor).toContainText("表格内容");
  await expectSaved(page);
  // What was stored is the schema's own: bold and italic marks, no Word classes, styles or tables.
  const content = (await e2eDatabase().sectionDocument.findUniqueOrThrow({ where: { sectionId } }))
    .content as unknown as DocNode;
  const marked: string[] = [];
  const walk = (node: DocNode) => {
    if (node.type === "text" && node.marks?.length)
      marked.push(`${node.marks.map((mark) => mark.type).join("+")}:${node.text}`);
    node.content?.forEach(walk);
  };
  walk(content);
  expect(marked).toEqual(expect.arrayContaining(["bold:韧性治理", "italic:适应", "link:原文链接"]));
  expect(JSON.stringify(content)).not.toMatch(/MsoNormal|SimSun|color:red|o:p|table/);
  await page.context().close();
});

test("history: a named version, the comparison, a restore that can be undone", async ({ browser }) => {
  const { path } = await synthesisScenario("历史");
  const page = await openAs(browser, "owner", path);
  await expectSaved(page);
  await caretToEnd(page);
  await page.keyboard.type("第一稿：基层治理需要韧性。");
  await expectSaved(page);
  await page.getByRole("tab", { name: "历史版本" }).click();
  await page.getByLabel("版本名称").fill("初稿");
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.getByText("已保存版本。")).toBeVisible();
  await expect(page.getByText("初稿", { exact: true })).toBeVisible();

  await sectionEditor(page).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("第二稿：城乡融合需要协同。");
  await expectSaved(page);

  // Compare: what the current text added and what it deleted since the version.
  await page.getByRole("link", { name: "查看并比较: 初稿" }).click();
  await expect(page.getByRole("heading", { name: "版本：初稿" })).toBeVisible();
  const comparison = page.getByRole("region", { name: "与当前正文比较" });
  await expect(comparison.locator("ins")).not.toHaveCount(0);
  await expect(comparison.locator("del")).not.toHaveCount(0);
  await expect(comparison).toContainText("城乡融合");
  await expect(comparison).toContainText("基层治理");
  await page.getByRole("link", { name: /返回编辑器/ }).click();

  // Restore, then undo the restore.
  await expectSaved(page);
  await page.getByRole("tab", { name: "历史版本" }).click();
  await page.getByRole("button", { name: "恢复此版本: 初稿" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "恢复此版本" }).click();
  await expect(sectionEditor(page)).toHaveText("第一稿：基层治理需要韧性。");
  await expect(page.getByText("恢复前 ·")).toBeVisible();
  await page.getByRole("button", { name: "撤销恢复" }).click();
  await expect(sectionEditor(page)).toHaveText("第二稿：城乡融合需要协同。");
  await expectSaved(page);
  await page.context().close();
});

async function codeFirstItem(scenario: Scenario, themeId: string) {
  const db = e2eDatabase();
  const fullText = "韧性治理强调在风险冲击下保持基本功能。";
  await db.reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { fullText } });
  return codePassage(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    itemId: scenario.itemIds[0],
    field: "FULL_TEXT",
    start: 0,
    end: fullText.length,
    quote: fullText,
    themeIds: [themeId],
  });
}

test("a coded passage becomes a cited quote that links back to the paper; the Word export carries it", async ({
  browser,
}) => {
  const { scenario, sectionId, path } = await synthesisScenario("引文");
  const { themeId } = await createTheme(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    nameZh: "韧性",
    color: "#0f766e",
  });
  await e2eDatabase().synthesisSection.update({ where: { id: sectionId }, data: { themeId } });
  const { codingId } = await codeFirstItem(scenario, themeId);

  const page = await openAs(browser, "owner", path);
  await expectSaved(page);
  await expect(page.getByRole("heading", { name: "「韧性」的编码段落" })).toBeVisible();
  await page.getByRole("button", { name: /把这段引文插入正文：韧性治理强调/ }).click();
  const quote = sectionEditor(page).locator("blockquote");
  await expect(quote).toContainText("韧性治理强调在风险冲击下保持基本功能。[1]");
  await expect(quote.getByRole("link", { name: "↗ 原文" })).toHaveAttribute(
    "href",
    scenario.url(`items/${scenario.itemIds[0]}#passage-${codingId}`),
  );
  await expect(page.getByText("已引用", { exact: true })).toBeVisible();
  await expectSaved(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出本节 Word" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${scenario.title} · 韧性治理.docx`);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain("韧性治理强调在风险冲击下保持基本功能。");
  expect(xml).toContain("朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.");
  expect(xml).toMatch(/w:eastAsia="SimSun"/);
  expect(xml).toContain(">[1]<");

  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出本节 Markdown" }).click(),
  ]);
  const text = await readFile((await markdown.path())!, "utf8");
  // Brackets are escaped Markdown: the file renders "[1]".
  expect(text).toContain("> 韧性治理强调在风险冲击下保持基本功能。\\[1\\]");

  // Coverage: the passage now counts as quoted in this section (issue 4: gaps a writer should look at).
  await page.goto(scenario.url("synthesis/coverage"));
  const theme = page.getByRole("region", { name: "韧性" });
  await expect(theme).toContainText("1 处编码 · 引文 1 · 文献已引用 0 · 未使用 0");
  await expect(theme.getByRole("listitem")).toContainText(["已作为引文韧性治理强调在风险冲击下保持基本功能。"]);
  await expect(theme.getByRole("listitem")).toContainText(["见：韧性治理"]);
  await page.context().close();
});
