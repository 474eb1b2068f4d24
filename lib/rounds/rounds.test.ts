// Comment rounds and threads against a real database: opening and closing rounds with their snapshots,
// anchored threads, answers, the supervisor's accept and reopen, and every refusal changing nothing.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deleteComment, editComment, replyToThread, setThreadState, startThread } from "@/lib/comments/threads";
import { answeredChange, answeredChanges, listSectionThreads } from "@/lib/comments/queries";
import type { Database } from "@/lib/db/client";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { getRoundSummary, listRounds } from "./queries";
import { closeRound, openRound } from "./rounds";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let first: string;
let second: string;
let outside: string;

const paragraph = (text: string): DocNode => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function write(sectionId: string, text: string) {
  const content = paragraph(text);
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
}

async function snapshot() {
  const [rounds, roundSections, threads, comments] = await Promise.all([
    db.commentRound.findMany({ orderBy: { id: "asc" } }),
    db.roundSection.findMany({ orderBy: [{ roundId: "asc" }, { sectionId: "asc" }] }),
    db.commentThread.findMany({ orderBy: { id: "asc" } }),
    db.comment.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { rounds, roundSections, threads, comments };
}

const anchor = {
  start: '{"type":{"client":1,"clock":0},"tname":null,"item":{"client":1,"clock":3},"assoc":0}',
  end: '{"item":{"client":1,"clock":6},"assoc":-1}',
  quote: "基层治理",
};

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "ra");
  b = await createReviewWithTeam(db, "rb");
  const create = async (title: string) =>
    createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title });
  first = (await create("引言")).sectionId;
  second = (await create("韧性治理")).sectionId;
  outside = (await create("结语")).sectionId;
  await write(first, "党建引领基层治理是新时代的重要命题。");
  await write(second, "韧性治理强调恢复。");
});

describe("comment rounds", () => {
  let roundId: string;
  let threadId: string;

  it("lets a supervisor open a numbered round that keeps the sections' text; one open round per section", async () => {
    const before = await snapshot();
    for (const role of ["EDITOR", "VIEWER"] as const) {
      await expect(
        accessTo(a.users[role].id, a.reviewId).then((access) =>
          openRound(access, { reviewId: a.reviewId, title: "第一轮", sectionIds: [first] }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) =>
        openRound(access, { reviewId: a.reviewId, title: "x", sectionIds: [first] }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        openRound(access, { reviewId: a.reviewId, title: " ", sectionIds: [first] }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await snapshot()).toEqual(before);

    const opened = await openRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "第二轮意见",
      dueAt: "2026-12-05",
      note: "请重点看引言",
      sectionIds: [first, second],
    });
    roundId = opened.roundId;
    expect(opened.number).toBe(1);
    const stored = await db.roundSection.findMany({ where: { roundId }, orderBy: { snapshotText: "asc" } });
    expect(stored.map((entry) => entry.snapshotText).sort()).toEqual([
      "党建引领基层治理是新时代的重要命题。",
      "韧性治理强调恢复。",
    ]);

    const busy = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        openRound(access, { reviewId: a.reviewId, title: "又一轮", sectionIds: [second, outside] }),
      ),
    ).rejects.toMatchObject({ code: "ROUND_ALREADY_OPEN" });
    expect(await snapshot()).toEqual(busy);
    const listed = await listRounds(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(listed.rounds).toMatchObject([{ number: 1, title: "第二轮意见", state: "OPEN", open: 0 }]);
  });

  it("anchors a thread to a phrase in the round, and refuses a section outside it", async () => {
    const before = await snapshot();
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        startThread(access, { reviewId: a.reviewId, sectionId: outside, roundId, body: "这里？" }),
      ),
    ).rejects.toMatchObject({ code: "SECTION_NOT_IN_ROUND" });
    await expect(
      accessTo(a.users.VIEWER.id, a.reviewId).then((access) =>
        startThread(access, { reviewId: a.reviewId, sectionId: first, roundId, body: "读者" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) =>
        startThread(access, { reviewId: a.reviewId, sectionId: first, roundId, body: "外人" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);

    const started = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: first,
      roundId,
      anchor,
      body: "请 @ra-editor 补充文献依据",
    });
    threadId = started.threadId;
    const [thread] = await listSectionThreads(await accessTo(a.users.VIEWER.id, a.reviewId), first);
    expect(thread).toMatchObject({
      id: threadId,
      quote: "基层治理",
      anchorStart: anchor.start,
      state: "OPEN",
      round: { number: 1 },
      comments: [
        { body: "请 @ra-editor 补充文献依据", mentions: [a.users.EDITOR.id], author: { id: a.users.SUPERVISOR.id } },
      ],
    });
    // A comment on the section as a whole has no anchor.
    await startThread(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: second,
      roundId,
      body: "整体结构清楚。",
    });
  });

  it("moves a thread open → addressed (editor) → accepted or reopened (supervisor)", async () => {
    const before = await snapshot();
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        replyToThread(access, { reviewId: a.reviewId, threadId, body: "我自己处理", addressed: true }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        setThreadState(access, { reviewId: a.reviewId, threadId, state: "ACCEPTED" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    await write(first, "党建引领基层治理（张，2020；李，2021）是新时代的重要命题。");
    await replyToThread(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      body: "已补充两篇文献。",
      addressed: true,
    });
    expect((await db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).state).toBe("ADDRESSED");
    // The answer points at the change that addressed the comment.
    const [answered] = await listSectionThreads(await accessTo(a.users.VIEWER.id, a.reviewId), first);
    const answer = answered!.comments.find((comment) => comment.body === "已补充两篇文献。")!;
    const changes = await answeredChanges(await accessTo(a.users.VIEWER.id, a.reviewId), first, [answered!], "zh-CN");
    expect(changes[answer.id]).toEqual({
      kind: "document",
      blocks: [
        {
          block: "paragraph",
          change: "equal",
          runs: [
            { kind: "equal", piece: { type: "text", text: "党建引领基层治理", marks: [] } },
            { kind: "insert", piece: { type: "text", text: "（张，2020；李，2021）", marks: [] } },
            { kind: "equal", piece: { type: "text", text: "是新时代的重要命题。", marks: [] } },
          ],
        },
      ],
    });
    // Only answers that addressed the comment point to a change.
    expect(changes[answered!.comments[0]!.id]).toBeUndefined();
    // A thread kept before documents were (text only) still shows its change as text.
    const label = () => "[?]";
    expect(
      answeredChange(
        { textAtStart: "党建引领", contentAtStart: null },
        { id: "old", textAtAnswer: "党建引领基层", contentAtAnswer: null },
        label,
      ),
    ).toEqual({
      kind: "text",
      changes: [
        { kind: "equal", text: "党建引领" },
        { kind: "insert", text: "基层" },
      ],
    });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        replyToThread(access, { reviewId: a.reviewId, threadId, body: "再次", addressed: true }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_STATE" });
    await setThreadState(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      state: "OPEN",
    });
    await replyToThread(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      body: "又改了一处。",
      addressed: true,
    });
    await setThreadState(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      state: "ACCEPTED",
    });
    const kinds = await db.activityEvent.findMany({
      where: { reviewId: a.reviewId, kind: { startsWith: "comment." } },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(kinds.map((event) => event.kind)).toEqual([
      "comment.created",
      "comment.created",
      "comment.addressed",
      "comment.reopened",
      "comment.addressed",
      "comment.accepted",
    ]);
  });

  it("edits and deletes only one's own comments; a deleted thread takes no replies", async () => {
    const { threadId: doomed, commentId: firstComment } = await startThread(
      await accessTo(a.users.EDITOR.id, a.reviewId),
      {
        reviewId: a.reviewId,
        sectionId: second,
        roundId,
        body: "草稿批注",
      },
    );
    const commentId = firstComment!;
    const before = await snapshot();
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        editComment(access, { reviewId: a.reviewId, commentId, body: "改别人的" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        deleteComment(access, { reviewId: a.reviewId, commentId }),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await snapshot()).toEqual(before);

    await editComment(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      commentId,
      body: "修改后的批注",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).editedAt).not.toBeNull();
    expect(
      await deleteComment(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, commentId }),
    ).toEqual({
      threadDeleted: true,
    });
    const gone = await snapshot();
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        replyToThread(access, { reviewId: a.reviewId, threadId: doomed, body: "还在吗？" }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_DELETED" });
    expect(await snapshot()).toEqual(gone);
    expect(
      (await listSectionThreads(await accessTo(a.users.OWNER.id, a.reviewId), second)).map((thread) => thread.id),
    ).not.toContain(doomed);
  });

  it("closes the round with a summary: counts per section and author, answers, and the text comparison", async () => {
    await write(first, "党建引领基层治理是新时代的重要命题，韧性是其关键。");
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) => closeRound(access, { reviewId: a.reviewId, roundId })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await closeRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), { reviewId: a.reviewId, roundId });
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        closeRound(access, { reviewId: a.reviewId, roundId }),
      ),
    ).rejects.toMatchObject({
      code: "ROUND_CLOSED",
    });
    const before = await snapshot();
    await expect(
      accessTo(a.users.SUPERVISOR.id, a.reviewId).then((access) =>
        startThread(access, { reviewId: a.reviewId, sectionId: first, roundId, body: "迟到的意见" }),
      ),
    ).rejects.toMatchObject({ code: "ROUND_CLOSED" });
    expect(await snapshot()).toEqual(before);

    const summary = await getRoundSummary(await accessTo(a.users.VIEWER.id, a.reviewId), roundId);
    expect(summary.round).toMatchObject({ number: 1, state: "CLOSED", closedBy: { id: a.users.SUPERVISOR.id } });
    const [intro, resilience] = summary.sections;
    expect(intro).toMatchObject({ title: "引言", counts: { open: 0, addressed: 0, accepted: 1 } });
    expect(intro!.changes).toContainEqual({ kind: "insert", text: "，韧性是其关键" });
    expect(intro!.threads[0]!.comments.map((comment) => comment.body)).toEqual([
      "请 @ra-editor 补充文献依据",
      "已补充两篇文献。",
      "又改了一处。",
    ]);
    expect(resilience).toMatchObject({ title: "韧性治理", counts: { open: 1, addressed: 0, accepted: 0 } });
    expect(resilience!.changes.every((change) => change.kind === "equal")).toBe(true);
    expect(summary.authors).toEqual(
      expect.arrayContaining([
        { name: "ra-supervisor", threads: 1, replies: 0 },
        { name: "ra-owner", threads: 1, replies: 0 },
        { name: "ra-editor", threads: 0, replies: 2 },
      ]),
    );
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) => getRoundSummary(access, roundId)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("carries open threads into the next round", async () => {
    const next = await openRound(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "第三轮",
      sectionIds: [second, outside],
      carryOpenThreads: true,
    });
    expect(next.number).toBe(2);
    const threads = await listSectionThreads(await accessTo(a.users.OWNER.id, a.reviewId), second);
    expect(threads.map((thread) => [thread.comments[0]!.body, thread.round?.number])).toEqual([["整体结构清楚。", 2]]);
    // The accepted thread on the first section stays with round 1.
    expect((await listSectionThreads(await accessTo(a.users.OWNER.id, a.reviewId), first))[0]!.round?.number).toBe(1);
  });
});

describe("round summary as documents", () => {
  it("shows a citation and a quote added since the round opened, by label and as a quote", async () => {
    const { sectionId } = await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "文献依据",
    });
    await write(sectionId, "已有研究表明党建引领有效。");
    const { roundId } = await openRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "补充文献",
      sectionIds: [sectionId],
    });
    const content: DocNode = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "已有研究表明党建引领有效" },
            { type: "citation", attrs: { itemId: a.itemId, locator: null } },
            { type: "text", text: "。" },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "受访者：社区是家" }] }] },
      ],
    };
    const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
    await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
    const summary = await getRoundSummary(await accessTo(a.users.VIEWER.id, a.reviewId), roundId);
    const section = summary.sections.find((entry) => entry.id === sectionId)!;
    expect(section.changed).toBe(true);
    const inserted = section.blocks.flatMap((block) => block.runs.filter((run) => run.kind === "insert"));
    expect(inserted).toContainEqual({ kind: "insert", piece: { type: "citation", label: "[1]" } });
    expect(section.blocks.at(-1)).toMatchObject({ block: "blockquote", change: "insert" });
    // The plain-text comparison could not see the citation at all.
    expect(section.changes.filter((change) => change.kind === "insert").map((change) => change.text)).toEqual([
      "\n受访者：社区是家",
    ]);
  });

  it("shows the change that addressed a comment as documents: the added citation by its label, the new quote", async () => {
    const { sectionId } = await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "代表性文献",
    });
    await write(sectionId, "党建引领基层治理成效显著。");
    const { roundId } = await openRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "代表性文献",
      sectionIds: [sectionId],
    });
    const { threadId } = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      roundId,
      body: "请补充代表性文献。",
    });
    const content: DocNode = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "党建引领基层治理成效显著" },
            { type: "citation", attrs: { itemId: a.itemId, locator: "23" } },
            { type: "text", text: "。" },
          ],
        },
        {
          type: "blockquote",
          content: [{ type: "paragraph", content: [{ type: "text", text: "受访者：有事找网格" }] }],
        },
      ],
    };
    const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
    await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
    const { commentId } = await replyToThread(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      body: "已补充。",
      addressed: true,
    });
    const threads = await listSectionThreads(await accessTo(a.users.VIEWER.id, a.reviewId), sectionId);
    const changes = await answeredChanges(await accessTo(a.users.VIEWER.id, a.reviewId), sectionId, threads, "zh-CN");
    const change = changes[commentId]!;
    expect(change.kind).toBe("document");
    if (change.kind !== "document") return;
    const inserted = change.blocks.flatMap((block) => block.runs.filter((run) => run.kind === "insert"));
    expect(inserted).toContainEqual({ kind: "insert", piece: { type: "citation", label: "[1]23" } });
    expect(change.blocks.at(-1)).toMatchObject({ block: "blockquote", change: "insert" });
    // The round summary shows the same change under the answer.
    const summary = await getRoundSummary(await accessTo(a.users.VIEWER.id, a.reviewId), roundId);
    expect(summary.sections.find((entry) => entry.id === sectionId)!.answered[commentId]).toEqual(change);
    // Someone outside the review reads nothing.
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
