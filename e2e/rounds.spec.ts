// A supervisor's comment round: opened on a section, a comment on a Chinese phrase that the member sees live,
// the anchor following the member's edits, the answer marked addressed and accepted, the round closed with
// its summary.
import { expect, test } from "@playwright/test";
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

test("a supervisor's round: comment on a phrase, the member answers, the round closes with its summary", async ({
  browser,
}) => {
  const scenario = await createScenario("意见", { members: { member: "EDITOR", supervisor: "SUPERVISOR" } });
  const { sectionId } = await createSection(scenario.userIds.owner, { reviewId: scenario.reviewId, title: "引言" });
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
  await supervisor.getByLabel("新批注").fill("这里需要补充文献依据。");
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

  await memberThread.getByLabel("回复批注：基层治理").fill("已补充两篇文献。");
  await memberThread.getByRole("button", { name: "回复并标记已处理" }).click();
  await expect(memberThread).toContainText("已回应");
  await expect(supervisorThread).toContainText("已补充两篇文献。");
  await expect(supervisorThread).toContainText("已回应");
  await supervisorThread.getByRole("button", { name: "接受" }).click();
  // Accepted means resolved: it leaves the unresolved list and is found under 已解决.
  await expect(supervisorThread).toHaveCount(0);
  await expect(supervisor.getByRole("tab", { name: "批注（0）" })).toBeVisible();
  await supervisor.getByLabel("显示").selectOption("resolved");
  await expect(supervisorThread).toContainText("已接受");
  await supervisor.getByLabel("按轮次筛选").selectOption({ label: "第 1 轮" });
  await expect(supervisorThread).toBeVisible();

  // Close the round: the summary has the counts, the answer and the text comparison.
  await supervisor.goto(scenario.url("rounds"));
  supervisor.once("dialog", (dialog) => void dialog.accept());
  await supervisor.getByRole("button", { name: "结束本轮" }).click();
  // Closing leads straight to the round's summary.
  await expect(supervisor.getByRole("heading", { level: 1, name: "第 1 轮 · 第二轮意见" })).toBeVisible();
  await expect(supervisor.getByText(/^已结束 · /)).toBeVisible();
  await expect(supervisor.getByText("未处理 0 · 已回应 0 · 已接受 1").first()).toBeVisible();
  const section = supervisor.getByRole("region", { name: "引言" });
  await expect(section).toContainText("这里需要补充文献依据。");
  await expect(section).toContainText("已补充两篇文献。");
  await expect(section.getByRole("insertion").first()).toBeVisible();
  await expect(section).toContainText("新时代，");
  await supervisorContext.close();
  await memberContext.close();
});
