// Suggestions and the inbox against a real database: who may suggest and decide, what each decision
// changes, and which events reach whose inbox (never the actor's own, never another member's inbox).
import { beforeAll, describe, expect, it } from "vitest";
import { assignItems } from "@/lib/assignments/commands";
import { decideSuggestions, editComment, replyToThread, startThread } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import { closeRound, openRound } from "@/lib/rounds/rounds";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { changeStage } from "@/lib/workflow/commands";
import { countUnread, listNotifications, markAllRead, markRead } from "./inbox";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;

const anchor = (quote: string) => ({
  start: '{"type":{"client":1,"clock":0},"tname":null,"item":{"client":1,"clock":3},"assoc":0}',
  end: '{"item":{"client":1,"clock":6},"assoc":-1}',
  quote,
});

async function inbox(userId: string) {
  return (await listNotifications(userId)).map((entry) => ({ kind: entry.kind, link: entry.link, data: entry.data }));
}

async function threadsAndInboxes() {
  const [threads, notifications] = await Promise.all([
    db.commentThread.findMany({ orderBy: { id: "asc" } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { threads, notifications };
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "na");
  b = await createReviewWithTeam(db, "nb");
  ({ sectionId } = await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
    reviewId: a.reviewId,
    title: "韧性治理",
    ownerId: a.users.EDITOR.id,
  }));
});

describe("suggestions", () => {
  it("refuses suggestions that change nothing or have no place, and writes nothing", async () => {
    const before = await threadsAndInboxes();
    const base = { reviewId: a.reviewId, sectionId };
    for (const input of [
      { ...base, suggestion: "基层治理", anchor: anchor("基层治理") },
      { ...base, suggestion: "", anchor: anchor("") },
      { ...base, suggestion: "新的说法" },
      { ...base, body: "  ", anchor: anchor("基层治理") },
      { ...base, body: "评论", anchor: anchor("  ") },
    ]) {
      await expect(
        accessTo(a.users.SUPERVISOR.id, input.reviewId).then((access) => startThread(access, input)),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(
      accessTo(a.users.VIEWER.id, a.reviewId).then((access) =>
        startThread(access, { ...base, suggestion: "新", anchor: anchor("旧") }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await threadsAndInboxes()).toEqual(before);
  });

  it("lets an editor apply or reject a supervisor's suggestion, once, and tells the supervisor", async () => {
    const replace = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      anchor: anchor("恢复力"),
      suggestion: "韧性",
      body: "统一术语",
    });
    const remove = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      anchor: anchor("非常"),
      suggestion: "",
    });
    expect(remove.commentId).toBeNull();
    const stored = await db.commentThread.findUniqueOrThrow({ where: { id: replace.threadId } });
    expect(stored).toMatchObject({ suggestion: "韧性", suggestionState: "PENDING", quote: "恢复力", state: "OPEN" });

    const before = await threadsAndInboxes();
    for (const role of ["SUPERVISOR", "VIEWER"] as const) {
      await expect(
        accessTo(a.users[role].id, a.reviewId).then((access) =>
          decideSuggestions(access, {
            reviewId: a.reviewId,
            threadIds: [replace.threadId],
            decision: "APPLIED",
          }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) =>
        decideSuggestions(access, { reviewId: a.reviewId, threadIds: [replace.threadId], decision: "APPLIED" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await threadsAndInboxes()).toEqual(before);

    await decideSuggestions(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadIds: [replace.threadId, remove.threadId],
      decision: "APPLIED",
    });
    const decided = await db.commentThread.findUniqueOrThrow({ where: { id: replace.threadId } });
    expect(decided).toMatchObject({ suggestionState: "APPLIED", state: "ACCEPTED", decidedById: a.users.EDITOR.id });
    expect(decided.decidedAt).not.toBeNull();

    const plain = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      body: "整体意见",
    });
    const after = await threadsAndInboxes();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        decideSuggestions(access, {
          reviewId: a.reviewId,
          threadIds: [replace.threadId],
          decision: "REJECTED",
        }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_STATE" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        decideSuggestions(access, { reviewId: a.reviewId, threadIds: [plain.threadId], decision: "APPLIED" }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_STATE" });
    expect((await threadsAndInboxes()).notifications).toEqual(after.notifications);

    // A batch decides what is still pending and says which; the rest stay as they were.
    const late = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      anchor: anchor("重要"),
      suggestion: "关键",
    });
    expect(
      await decideSuggestions(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        threadIds: [replace.threadId, late.threadId],
        decision: "REJECTED",
      }),
    ).toEqual({ decided: [late.threadId] });
    expect((await db.commentThread.findUniqueOrThrow({ where: { id: replace.threadId } })).suggestionState).toBe(
      "APPLIED",
    );

    const told = (await inbox(a.users.SUPERVISOR.id)).filter((entry) => entry.kind === "SUGGESTION_DECIDED");
    expect(told).toHaveLength(3);
    expect(told[0]!.link).toContain(`/synthesis/${sectionId}?thread=`);
    expect(told.map((entry) => (entry.data as { decision: string }).decision)).toEqual([
      "REJECTED",
      "APPLIED",
      "APPLIED",
    ]);
  });
});

describe("inbox", () => {
  it("tells mentioned members and earlier participants, never the author", async () => {
    await markAllRead(a.users.EDITOR.id);
    await markAllRead(a.users.OWNER.id);
    const { threadId } = await startThread(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      anchor: anchor("基层"),
      body: "@na-editor 这里需要引用",
    });
    expect(await inbox(a.users.SUPERVISOR.id)).not.toContainEqual(expect.objectContaining({ kind: "MENTION" }));
    const editorInbox = await inbox(a.users.EDITOR.id);
    expect(editorInbox[0]).toMatchObject({
      kind: "MENTION",
      link: `/reviews/${a.reviewId}/synthesis/${sectionId}?thread=${threadId}`,
      data: { sectionTitle: "韧性治理", quote: "基层", excerpt: "@na-editor 这里需要引用" },
    });

    await replyToThread(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      body: "已补充",
      addressed: true,
    });
    const replies = (await inbox(a.users.SUPERVISOR.id)).filter((entry) => entry.kind === "REPLY");
    expect(replies[0]).toMatchObject({ data: { excerpt: "已补充", addressed: true } });

    const { commentId } = await replyToThread(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      threadId,
      body: "同意",
    });
    const unreadBefore = await countUnread(a.users.VIEWER.id);
    await editComment(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      commentId,
      body: "同意 @na-viewer 看看",
    });
    expect(await countUnread(a.users.VIEWER.id)).toBe(unreadBefore + 1);
    // Editing again without a new mention tells nobody again.
    await editComment(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      commentId,
      body: "同意 @na-viewer 请看",
    });
    expect(await countUnread(a.users.VIEWER.id)).toBe(unreadBefore + 1);
    // The owner's reply reached both earlier participants as a reply.
    expect((await inbox(a.users.EDITOR.id)).filter((entry) => entry.kind === "REPLY")).toHaveLength(1);
  });

  it("tells section owners about rounds and assignees about stage moves", async () => {
    const { roundId } = await openRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "第二轮意见",
      dueAt: "2026-12-05",
      sectionIds: [sectionId],
    });
    expect((await inbox(a.users.EDITOR.id))[0]).toMatchObject({
      kind: "ROUND_OPENED",
      link: `/reviews/${a.reviewId}/rounds/${roundId}`,
      data: { number: 1, title: "第二轮意见" },
    });
    await closeRound(await accessTo(a.users.SUPERVISOR.id, a.reviewId), { reviewId: a.reviewId, roundId });
    expect((await inbox(a.users.EDITOR.id))[0]).toMatchObject({ kind: "ROUND_CLOSED" });
    expect(await inbox(a.users.SUPERVISOR.id)).not.toContainEqual(expect.objectContaining({ kind: "ROUND_OPENED" }));

    await assignItems(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: [a.itemId],
      userIds: [a.users.EDITOR.id],
      mode: "add",
    });
    await changeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId: a.itemId,
      stageId: a.stages[1]!.id,
    });
    expect((await inbox(a.users.EDITOR.id))[0]).toMatchObject({
      kind: "STAGE_CHANGED",
      link: `/reviews/${a.reviewId}/items/${a.itemId}`,
      data: { itemTitle: "na 文献", to: { zh: a.stages[1]!.nameZh } },
    });
    // Their own move does not notify them.
    const count = await countUnread(a.users.EDITOR.id);
    await changeStage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId: a.itemId,
      stageId: a.stages[0]!.id,
    });
    expect(await countUnread(a.users.EDITOR.id)).toBe(count);
  });

  it("marks read only the caller's own notifications, and hides reviews they left", async () => {
    const mine = await listNotifications(a.users.EDITOR.id, { unread: true });
    expect(mine.length).toBeGreaterThan(0);
    expect(await markRead(b.users.OWNER.id, { ids: mine.map((entry) => entry.id) })).toEqual({ marked: 0 });
    expect(await countUnread(a.users.EDITOR.id)).toBe(mine.length);
    await expect(markRead(a.users.EDITOR.id, { ids: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await markRead(a.users.EDITOR.id, { ids: [mine[0]!.id] })).toEqual({ marked: 1 });
    expect(await countUnread(a.users.EDITOR.id)).toBe(mine.length - 1);
    expect(await markAllRead(a.users.EDITOR.id)).toEqual({ marked: mine.length - 1 });
    expect(await countUnread(a.users.EDITOR.id)).toBe(0);

    expect(await countUnread(a.users.VIEWER.id)).toBeGreaterThan(0);
    await db.membership.deleteMany({ where: { reviewId: a.reviewId, userId: a.users.VIEWER.id } });
    expect(await countUnread(a.users.VIEWER.id)).toBe(0);
    expect(await listNotifications(a.users.VIEWER.id)).toEqual([]);
  });
});
