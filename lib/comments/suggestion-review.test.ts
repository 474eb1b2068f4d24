// Reviewing suggestions the way Word does: a rejection carries its reason (kept as a reply, told to the
// suggestion's author); the author may change or withdraw their suggestion until someone decides it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { decideSuggestions, editSuggestion, startThread, withdrawSuggestion } from "./threads";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
const anchor = {
  start: '{"type":{"client":1,"clock":0},"tname":null,"item":{"client":1,"clock":3},"assoc":0}',
  end: '{"item":{"client":1,"clock":6},"assoc":-1}',
  quote: "恢复力",
};

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "sr");
  ({ sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title: "韧性治理",
    ownerId: team.users.EDITOR.id,
  }));
});
afterAll(async () => {
  await db.$disconnect();
});

const suggest = async (text: string) =>
  startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
    reviewId: team.reviewId,
    sectionId,
    anchor,
    suggestion: text,
  });

describe("suggestion review", () => {
  it("keeps a rejection's reason as the editor's reply and tells the supervisor why", async () => {
    const { threadId } = await suggest("韧性");
    await decideSuggestions(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadIds: [threadId],
      decision: "REJECTED",
      reason: "  原文引用的是政策文件的用语，应保留  ",
    });
    const replies = await db.comment.findMany({ where: { threadId } });
    expect(replies).toEqual([
      expect.objectContaining({ authorId: team.users.EDITOR.id, body: "原文引用的是政策文件的用语，应保留" }),
    ]);
    const told = await db.notification.findFirstOrThrow({
      where: { userId: team.users.SUPERVISOR.id, kind: "SUGGESTION_DECIDED" },
    });
    expect(told.data).toMatchObject({ decision: "REJECTED", reason: "原文引用的是政策文件的用语，应保留" });
  });

  it("ignores a reason given with an acceptance and writes no empty reply", async () => {
    const { threadId } = await suggest("韧性治理");
    await decideSuggestions(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadIds: [threadId],
      decision: "APPLIED",
      reason: "好",
    });
    const second = await suggest("抗逆力");
    await decideSuggestions(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadIds: [second.threadId],
      decision: "REJECTED",
      reason: "   ",
    });
    expect(await db.comment.count({ where: { threadId: { in: [threadId, second.threadId] } } })).toBe(0);
  });

  it("lets only the author change or withdraw a pending suggestion", async () => {
    const { threadId } = await suggest("韧性");
    for (const other of [team.users.EDITOR.id, team.users.OWNER.id]) {
      await expect(
        accessTo(other, team.reviewId).then((access) =>
          editSuggestion(access, { reviewId: team.reviewId, threadId, suggestion: "别的" }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        accessTo(other, team.reviewId).then((access) =>
          withdrawSuggestion(access, { reviewId: team.reviewId, threadId }),
        ),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      accessTo(team.users.SUPERVISOR.id, team.reviewId).then((access) =>
        editSuggestion(access, { reviewId: team.reviewId, threadId, suggestion: "恢复力" }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await editSuggestion(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadId,
      suggestion: "韧性能力",
    });
    expect((await db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).suggestion).toBe("韧性能力");

    await withdrawSuggestion(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadId,
    });
    expect((await db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).deletedAt).not.toBeNull();
    await expect(
      accessTo(team.users.EDITOR.id, team.reviewId).then((access) =>
        decideSuggestions(access, { reviewId: team.reviewId, threadIds: [threadId], decision: "APPLIED" }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_DELETED" });
  });

  it("refuses to change or withdraw a suggestion that has been decided", async () => {
    const { threadId } = await suggest("韧性");
    await decideSuggestions(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadIds: [threadId],
      decision: "APPLIED",
    });
    await expect(
      accessTo(team.users.SUPERVISOR.id, team.reviewId).then((access) =>
        editSuggestion(access, { reviewId: team.reviewId, threadId, suggestion: "别的" }),
      ),
    ).rejects.toMatchObject({ code: "THREAD_STATE" });
    await expect(
      accessTo(team.users.SUPERVISOR.id, team.reviewId).then((access) =>
        withdrawSuggestion(access, { reviewId: team.reviewId, threadId }),
      ),
    ).rejects.toMatchObject({
      code: "THREAD_STATE",
    });
    expect(await db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).toMatchObject({
      suggestion: "韧性",
      deletedAt: null,
    });
  });
});
