// A supervisor's comment round: opened on a section, a comment on a Chinese phrase that the member sees live,
// the anchor following the member's edits, a suggested edit the member accepts, the answer marked addressed
// and accepted, the round closed with its summary and exported to Word, and both inboxes.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { caretToEnd, expectSaved, sectionEditor, selectInEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";

test("a supervisor's round: comment on a phrase, the member answers, the round closes with its summary", async ({
  browser,
}) => {
  test.setTimeout(180_000); // a long journey with two browsers on a two-core runner
  const scenario = await createScenario("意见", { members: { member: "EDITOR", supervisor: "SUPERVISOR" } });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "引言",
  });
  e2eDatabase(); // the section's text is written straight to the database, as the collaboration server would
  const content: DocNode = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "党建引领基层治理是重要命题。" }] }],
  };
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });

  const supervisorContext = await browser.newContext({ storageState: storageStateOf("supervisor"), locale: "zh-CN" });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto(scenario.url("rounds"));
  await supervisor.getByLabel("标题").fill("第二轮意见");
  await supervisor.getByLabel("截止日期（可选）").fill("2026-12-05");
  await supervisor.getByRole("checkbox", { name: "引言" }).check();
  await supervisor.getByRole("button", { name: "开启" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "已开启第 1 轮。" })).toBeVisible();
  await expect(supervisor.getByRole("link", { name: "第 1 轮 · 第二轮意见" })).toBeVisible();

  // The member has the section open while the supervisor comments.
  const memberContext = await browser.newContext({ storageState: storageStateOf("member"), locale: "zh-CN" });
  const member = await memberContext.newPage();
  await member.goto(scenario.url(`synthesis/${sectionId}`));
  await expect(sectionEditor(member)).toBeVisible({ timeout: 30_000 });
  await expectSaved(member);

  await supervisor.goto(scenario.url(`synthesis/${sectionId}`));
  await expect(sectionEditor(supervisor)).toContainText("党建引领基层治理是重要命题。", { timeout: 30_000 });
  await expect(supervisor.getByText("您的角色可以阅读和批注本节")).toBeVisible();
  await supervisor.getByRole("tab", { name: /批注/ }).click();
  await selectInEditor(supervisor, "基层治理");
  await expect(supervisor.getByText("已选：基层治理")).toBeVisible();
  // "@" offers the review's members; picking one writes the mention in.
  const draft = supervisor.getByLabel("新批注");
  await draft.fill("这里需要补充文献依据。");
  await draft.pressSequentially(" @陈");
  await supervisor.getByRole("option", { name: "@陈同学 (Member)" }).click();
  await expect(draft).toHaveValue("这里需要补充文献依据。 @陈同学 (Member) ");
  await supervisor.getByRole("button", { name: "批注所选文字" }).click();
  const supervisorThread = supervisor.getByRole("listitem", { name: "批注：基层治理" });
  await expect(supervisorThread).toContainText("这里需要补充文献依据。");

  // Live on the member's screen, highlighted in the text.
  await member.getByRole("tab", { name: /批注/ }).click();
  const memberThread = member.getByRole("listitem", { name: "批注：基层治理" });
  await expect(memberThread).toContainText("这里需要补充文献依据。");
  await expect(sectionEditor(member).getByTitle("有批注的文字（点击查看）")).toHaveText("基层治理");

  // The member edits around the phrase: the anchor follows it.
  await sectionEditor(member).click();
  await member.keyboard.press("Control+Home");
  await member.keyboard.type("新时代，");
  await caretToEnd(member);
  await member.keyboard.type("韧性是其关键。");
  await expectSaved(member);
  await expect(sectionEditor(member).getByTitle("有批注的文字（点击查看）")).toHaveText("基层治理");
  await expect(sectionEditor(supervisor).getByTitle("有批注的文字（点击查看）")).toHaveText("基层治理");

  // The supervisor suggests an edit rather than making it; the member accepts it as their own change.
  await selectInEditor(supervisor, "重要命题");
  await supervisor.getByLabel("建议的文字（留空即删除所选文字）").fill("核心命题");
  await supervisor.getByLabel("理由（可选）").fill("@陈同学 (Member) 用词更准确");
  await supervisor.getByRole("button", { name: "提出建议" }).click();
  const suggestion = member.getByRole("listitem", { name: "批注：重要命题" });
  await expect(suggestion).toContainText("建议把「重要命题」改为「核心命题」");
  await expect(suggestion).toContainText("用词更准确");
  await expect(sectionEditor(member).getByRole("insertion")).toHaveText("核心命题");
  await expect(sectionEditor(supervisor).getByRole("insertion")).toHaveText("核心命题");
  await suggestion.getByRole("button", { name: "采纳: 重要命题" }).click();
  await expect(sectionEditor(member)).toContainText("党建引领基层治理是核心命题。");
  await expectSaved(member);
  await expect(sectionEditor(supervisor)).toContainText("党建引领基层治理是核心命题。");
  await expect(sectionEditor(supervisor).getByRole("insertion")).toHaveCount(0);
  await expect(sectionEditor(member).getByTitle("有批注的文字（点击查看）")).toHaveText("基层治理");

  await memberThread.getByLabel("回复批注：基层治理").fill("已补充两篇文献。");
  await memberThread.getByRole("button", { name: "回复并标记已处理" }).click();
  await expect(memberThread).toContainText("已回应");
  // The answer points at the change that addressed the comment.
  await memberThread.getByText("查看这次处理对正文的改动").click();
  await expect(memberThread.getByRole("insertion").filter({ hasText: "核心" })).toBeVisible();
  await expect(supervisorThread).toContainText("已补充两篇文献。");
  await expect(supervisorThread).toContainText("已回应");
  await supervisorThread.getByRole("button", { name: "接受" }).click();
  // Accepted means resolved: it leaves the unresolved list and is found under 已解决.
  await expect(supervisorThread).toHaveCount(0);
  await expect(supervisor.getByRole("tab", { name: "批注（0）" })).toBeVisible();
  await supervisor.getByLabel("显示", { exact: true }).selectOption("resolved");
  await expect(supervisorThread).toContainText("已接受");
  await supervisor.getByLabel("按轮次筛选").selectOption({ label: "第 1 轮" });
  await expect(supervisorThread).toBeVisible();

  // Close the round: the summary has the counts, the answer and the text comparison.
  await supervisor.goto(scenario.url("rounds"));
  await supervisor.getByRole("button", { name: "结束本轮" }).click();
  // The app's own dialog says what is still open before the round closes.
  const closing = supervisor.getByRole("alertdialog", { name: "结束第 1 轮「第二轮意见」？" });
  await expect(closing).toContainText("本轮所有批注和建议都已处理完毕。");
  await closing.getByRole("button", { name: "结束本轮" }).click();
  // Closing leads straight to the round's summary.
  await expect(supervisor.getByRole("heading", { level: 1, name: "第 1 轮 · 第二轮意见" })).toBeVisible();
  await expect(supervisor.getByText(/^已结束 · /)).toBeVisible();
  await expect(supervisor.getByText("未处理 0 · 已回应 0 · 已接受 1").first()).toBeVisible();
  const section = supervisor.getByRole("region", { name: "引言" });
  await expect(section).toContainText("这里需要补充文献依据。");
  await expect(section).toContainText("已补充两篇文献。");
  await expect(section.getByRole("insertion").first()).toBeVisible();
  await expect(section).toContainText("新时代，");

  // The round in Word: the comment is a Word comment on its phrase, with the answer threaded under it.
  const downloading = supervisor.waitForEvent("download");
  await supervisor.getByRole("link", { name: "导出 Word（含批注与修订）" }).click();
  const zip = await JSZip.loadAsync(readFileSync((await (await downloading).path())!));
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const commentsXml = await zip.file("word/comments.xml")!.async("string");
  expect(commentsXml).toContain("这里需要补充文献依据。");
  expect(commentsXml).toContain("已补充两篇文献。");
  const commented = [
    ...documentXml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>(.*?)<w:commentRangeEnd w:id="\1"\/>/g),
  ];
  expect(commented.map((match) => match[2]!.replace(/<[^>]+>/g, ""))).toContain("基层治理");
  expect(documentXml).toContain("核心命题");

  // Inboxes: the member was mentioned in the suggestion; the supervisor hears it was accepted.
  await member.goto("/inbox");
  await expect(member.getByRole("link", { name: /^通知（\d+ 条未读）$/ })).toBeVisible();
  const mentions = member.getByRole("listitem").filter({ hasText: scenario.title }).filter({ hasText: "提到了你" });
  await expect(mentions).toHaveCount(2);
  const mention = mentions.filter({ hasText: "用词更准确" });
  await mention.getByRole("button", { name: /^查看/ }).click();
  await expect(member).toHaveURL(new RegExp(`/synthesis/${sectionId}\\?thread=`));
  await expect(member.getByRole("listitem", { name: "批注：重要命题" })).toContainText("已采纳");

  await supervisor.goto("/inbox");
  const decided = supervisor.getByRole("listitem").filter({ hasText: scenario.title });
  await expect(decided.filter({ hasText: "采纳了「引言」中的修改建议" })).toContainText("重要命题 → 核心命题");
  await expect(decided.filter({ hasText: "回应并处理了「引言」上的批注" })).toContainText("已补充两篇文献。");
  await supervisor.getByRole("button", { name: "全部标为已读" }).click();
  await expect(supervisor.getByRole("link", { name: "通知", exact: true })).toBeVisible();
  await supervisorContext.close();
  await memberContext.close();
});
