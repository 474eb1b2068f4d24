// Supervisor feedback nobody misses: in a round, the section's owner (not mentioned) gets the supervisor's
// comment in the inbox and by e-mail (read here from an SMTP server this spec runs), rejects a suggestion
// with a reason the supervisor then reads; the round summary compares the section as a document (a citation
// by its label, a quote); and the round's Word file, annotated offline, comes back with a preview.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import type { ParsedMail } from "mailparser";
import * as Y from "yjs";
import { openRound } from "@/lib/rounds/rounds";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { DEMO_USERS, storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { expectSaved, sectionEditor, selectInEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";
import { startMailCatcher, type MailCatcher } from "@/lib/testing/mail-catcher";

// One SMTP server on one port for this file: its journeys run in one worker, one after the other, so a second
// worker never tries to listen on the same port.
test.describe.configure({ mode: "serial" });

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 25);
const received: ParsedMail[] = [];
let smtp: MailCatcher;

test.beforeAll(async () => {
  smtp = await startMailCatcher({ into: received, port: smtpPort });
});
test.afterAll(async () => {
  await smtp.close();
});

/** Screenshots for reviewing the screens by eye, when a folder is given. */
async function shoot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS_DIR;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

const paragraph = (text: string): DocNode => ({ type: "paragraph", content: [{ type: "text", text }] });

async function writeSection(sectionId: string, content: DocNode) {
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
}

/** A review whose member owns a two-paragraph section, with the supervisor's first round open on it. */
async function roundOnTwoParagraphs(name: string) {
  const scenario = await createScenario(name, {
    members: { member: "EDITOR", supervisor: "SUPERVISOR" },
    items: ["城市社区韧性研究"],
  });
  e2eDatabase();
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "引言",
    ownerId: scenario.userIds.member,
  });
  await writeSection(sectionId, {
    type: "doc",
    content: [paragraph("党建引领基层治理是重要命题。"), paragraph("社区韧性需要多元主体协同。")],
  });
  const { roundId } = await openRound(await accessTo(scenario.userIds.supervisor, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "第一轮意见",
    sectionIds: [sectionId],
  });
  return { scenario, sectionId, roundId };
}

test("the section owner hears of a supervisor's comment by inbox and e-mail, and answers a suggestion with a reason", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { scenario, sectionId, roundId } = await roundOnTwoParagraphs("反馈");

  // The supervisor opens the section from the round: it opens on its comments.
  const supervisorContext = await browser.newContext({ storageState: storageStateOf("supervisor"), locale: "zh-CN" });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto(scenario.url(`rounds/${roundId}`));
  await supervisor.getByRole("link", { name: /打开章节/ }).click();
  await expect(supervisor.getByRole("tab", { name: /批注/ })).toHaveAttribute("aria-selected", "true");
  await expect(sectionEditor(supervisor)).toContainText("党建引领基层治理是重要命题。", { timeout: 30_000 });
  await selectInEditor(supervisor, "基层治理");
  await supervisor.getByLabel("新批注").fill("这里需要补充代表性文献。");
  await supervisor.getByRole("button", { name: "批注所选文字" }).click();
  await expect(supervisor.getByRole("listitem", { name: "批注：基层治理" })).toBeVisible();
  await selectInEditor(supervisor, "重要命题");
  await supervisor.getByLabel("建议的文字（留空即删除所选文字）").fill("核心命题");
  await supervisor.getByRole("button", { name: "提出建议" }).click();
  await expect(supervisor.getByRole("listitem", { name: "批注：重要命题" })).toContainText("核心命题");

  // The member owns the section and was not mentioned: the inbox has the comment…
  const memberContext = await browser.newContext({ storageState: storageStateOf("member"), locale: "zh-CN" });
  const member = await memberContext.newPage();
  await member.goto("/inbox");
  const lines = member.getByRole("listitem").filter({ hasText: scenario.title });
  await expect(lines.filter({ hasText: "在「引言」上写了批注" })).toContainText("这里需要补充代表性文献。");
  await expect(lines.filter({ hasText: "对「引言」提出了修改建议" })).toContainText("重要命题 → 核心命题");

  // …and so does their mailbox, with a link straight to the thread.
  await expect
    .poll(
      () =>
        received.filter(
          (mail) =>
            mail.text?.includes("这里需要补充代表性文献。") &&
            JSON.stringify(mail.to).includes(DEMO_USERS.member) &&
            mail.text.includes(scenario.title),
        ).length,
      { timeout: 60_000 },
    )
    .toBe(1);
  const mail = received.find((entry) => entry.text?.includes("这里需要补充代表性文献。"))!;
  expect(mail.subject).toContain("在「引言」上写了批注");
  const threadLink = new RegExp(
    `http://localhost:\\d+/reviews/${scenario.reviewId}/synthesis/${sectionId}\\?thread=\\w+`,
  );
  const link = threadLink.exec(mail.text ?? "")![0];
  await member.goto(new URL(link).pathname + new URL(link).search);
  await expect(member.getByRole("listitem", { name: "批注：基层治理" })).toContainText("这里需要补充代表性文献。", {
    timeout: 30_000,
  });

  // The member rejects the suggestion with a reason, in the app's own dialog.
  await expect(sectionEditor(member)).toBeVisible({ timeout: 30_000 });
  await expectSaved(member);
  await member.getByRole("button", { name: "拒绝: 重要命题" }).click();
  const dialog = member.getByRole("alertdialog", { name: "拒绝这条修改建议？" });
  await dialog.getByLabel("拒绝理由（可选）").fill("“重要命题”是政策文件原文，应保留。");
  await dialog.getByRole("button", { name: "确认拒绝" }).click();
  // Decided, it leaves the open list; under 全部 it shows the rejection and the reason as the member's reply.
  await expect(member.getByRole("listitem", { name: "批注：重要命题" })).toHaveCount(0);
  await member.getByLabel("显示", { exact: true }).selectOption("all");
  const rejected = member.getByRole("listitem", { name: "批注：重要命题" });
  await expect(rejected).toContainText("已拒绝");
  await expect(rejected).toContainText("“重要命题”是政策文件原文，应保留。");

  // The supervisor reads why, in the inbox and under the suggestion.
  await supervisor.goto("/inbox");
  const told = supervisor
    .getByRole("listitem")
    .filter({ hasText: scenario.title })
    .filter({ hasText: "拒绝了「引言」中的修改建议" });
  await expect(told).toContainText("“重要命题”是政策文件原文，应保留。");
  await told.getByRole("button", { name: /^查看/ }).click();
  await expect(supervisor.getByRole("tab", { name: /批注/ })).toHaveAttribute("aria-selected", "true");
  await supervisor.getByLabel("显示", { exact: true }).selectOption("all");
  await expect(supervisor.getByRole("listitem", { name: "批注：重要命题" })).toContainText(
    "“重要命题”是政策文件原文，应保留。",
  );

  // The member's e-mail settings.
  await member.goto("/account");
  await expect(member.getByRole("heading", { name: "邮件通知" })).toBeVisible();
  await expect(member.getByText("本站尚未配置邮件服务器")).toHaveCount(0);
  await shoot(member, "profile");
  await supervisorContext.close();
  await memberContext.close();
});

test("the round summary compares the section as a document, and the round's Word file comes back with a preview", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { scenario, sectionId, roundId } = await roundOnTwoParagraphs("导入");
  // Since the round opened, the member added a citation and an interview quote.
  await writeSection(sectionId, {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "党建引领基层治理是重要命题" },
          { type: "citation", attrs: { itemId: scenario.itemIds[0], locator: null } },
          { type: "text", text: "。" },
        ],
      },
      paragraph("社区韧性需要多元主体协同。"),
      { type: "blockquote", content: [paragraph("受访者：社区就是我们的家。")] },
    ],
  });

  const supervisorContext = await browser.newContext({ storageState: storageStateOf("supervisor"), locale: "zh-CN" });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto(scenario.url(`rounds/${roundId}`));
  const section = supervisor.getByRole("region", { name: "引言" });
  await expect(section.getByRole("insertion").filter({ hasText: "[1]" })).toBeVisible();
  await expect(section.getByRole("insertion").filter({ hasText: "受访者：社区就是我们的家。" })).toBeVisible();
  await expect(section.getByText("+引文")).toBeVisible();
  await shoot(supervisor, "rich-comparison");

  // Closing asks in the app's own dialog and says what is open; cancelled here.
  await supervisor.getByRole("button", { name: "结束本轮" }).click();
  await expect(supervisor.getByRole("alertdialog")).toContainText("本轮所有批注和建议都已处理完毕。");
  await supervisor.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();

  // The Word file, annotated offline: a comment with a reply, a comment on a phrase ending in a citation's
  // label (as the export prints it), a replacement, and a comment on a sentence since deleted.
  const author = "王老师";
  const date = new Date().toISOString();
  const later = new Date(Date.now() + 60_000);
  const file = await Packer.toBuffer(
    new Document({
      comments: {
        children: [
          { id: 1, author, date: new Date(date), children: [new Paragraph("请补充出处")] },
          { id: 2, author, date: new Date(date), children: [new Paragraph("这句还需要吗？")] },
          // A reply, kept as Word 2010 and LibreOffice keep one: a later comment on the same phrase.
          { id: 3, author, date: later, children: [new Paragraph("最好是 2020 年以后的")] },
          { id: 4, author, date: new Date(date), children: [new Paragraph("这条文献的页码？")] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun("党建引领基层治理是"),
                new CommentRangeStart(4),
                new CommentRangeStart(1),
                new CommentRangeStart(3),
                new TextRun("重要命题"),
                new CommentRangeEnd(1),
                new CommentRangeEnd(3),
                new TextRun({ children: [new CommentReference(1)] }),
                new TextRun({ children: [new CommentReference(3)] }),
                new TextRun({ text: "[1]", superScript: true }),
                new CommentRangeEnd(4),
                new TextRun({ children: [new CommentReference(4)] }),
                new TextRun("。"),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun("社区韧性需要"),
                new DeletedTextRun({ text: "多元主体", id: 7, author, date }),
                new InsertedTextRun({ text: "政府、市场与社会", id: 8, author, date }),
                new TextRun("协同。"),
              ],
            }),
            new Paragraph({
              children: [
                new CommentRangeStart(2),
                new TextRun("这一句后来被删掉了"),
                new CommentRangeEnd(2),
                new TextRun({ children: [new CommentReference(2)] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
  await supervisor.getByLabel("Word 文件（.docx）").setInputFiles({
    name: "第一轮意见.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: file,
  });
  await supervisor.getByRole("button", { name: "预览" }).click();
  const preview = supervisor.getByRole("list", { name: "文件中的批注和修订" });
  const entry = (text: string) => preview.locator(":scope > li").filter({ hasText: text });
  await expect(preview.locator(":scope > li")).toHaveCount(4);
  await expect(entry("请补充出处")).toContainText("将新增");
  // The reply travels under its comment.
  await expect(entry("请补充出处").getByRole("list", { name: "1 条回复" })).toContainText("最好是 2020 年以后的");
  // Found although the section holds a citation node where the file reads "[1]".
  await expect(entry("这条文献的页码？")).toContainText("将新增");
  await expect(entry("这条文献的页码？")).toContainText("「重要命题[1]」");
  await expect(entry("政府、市场与社会")).toContainText("将新增");
  await expect(entry("这句还需要吗？")).toContainText("原文已找不到");
  await expect(supervisor.getByText("新增 3 条 · 已在应用中 0 条 · 原文已找不到 1 条")).toBeVisible();
  await shoot(supervisor, "reimport-preview");
  await supervisor.getByRole("button", { name: "导入 3 条" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "已导入 3 条批注和修改建议。" })).toBeVisible();
  const threads = await e2eDatabase().commentThread.findMany({
    where: { roundId, deletedAt: null },
    include: { comments: { orderBy: { createdAt: "asc" }, select: { body: true } } },
  });
  expect(threads.map((thread) => [thread.quote, thread.suggestion]).sort()).toEqual(
    [
      ["多元主体", "政府、市场与社会"],
      ["重要命题", null],
      ["重要命题[1]", null],
    ].sort(),
  );
  expect(threads.find((thread) => thread.quote === "重要命题")!.comments.map((comment) => comment.body)).toEqual([
    "请补充出处",
    "最好是 2020 年以后的",
  ]);
  await supervisorContext.close();
});
