// Who is told what, as a table against a real database: for every kind, the people who hear about it, and
// that the actor, members of other reviews and people who have left the review never do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignItems } from "@/lib/assignments/commands";
import { decideSuggestions, replyToThread, startThread } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { runDueJobs } from "@/lib/jobs/worker";
import { remindRoundDueJob } from "@/lib/rounds/jobs";
import { closeRound, openRound } from "@/lib/rounds/rounds";
import { resolveConflict } from "@/lib/screening/commands";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { changeStage } from "@/lib/workflow/commands";
import { notificationKinds } from "./rules";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;
/** Everyone who could conceivably be told, by the name the table uses. */
let people: Record<"owner" | "sectionOwner" | "writer" | "supervisor" | "viewer" | "leaver" | "stranger", string>;
let sectionId: string;

const anchor = (quote: string) => ({
  start: '{"type":{"client":1,"clock":0},"tname":null,"item":{"client":1,"clock":3},"assoc":0}',
  end: '{"item":{"client":1,"clock":6},"assoc":-1}',
  quote,
});

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  team = await createReviewWithTeam(db, "rt");
  other = await createReviewWithTeam(db, "ro");
  const writer = await createUser(db, "rt-writer");
  const leaver = await createUser(db, "rt-leaver");
  for (const user of [writer, leaver]) {
    await db.membership.create({ data: { reviewId: team.reviewId, userId: user.id, role: "EDITOR" } });
  }
  people = {
    owner: team.users.OWNER.id,
    sectionOwner: team.users.EDITOR.id,
    writer: writer.id,
    supervisor: team.users.SUPERVISOR.id,
    viewer: team.users.VIEWER.id,
    leaver: leaver.id,
    stranger: other.users.EDITOR.id,
  };
  ({ sectionId } = await createSection(await accessTo(people.sectionOwner, team.reviewId), {
    reviewId: team.reviewId,
    title: "韧性治理",
    ownerId: people.sectionOwner,
  }));
  // The writer and the leaver have written versions of the section; the leaver then leaves the review.
  for (const author of [writer.id, leaver.id]) {
    await db.sectionVersion.create({
      data: {
        sectionId,
        kind: "NAMED",
        name: "v",
        state: Buffer.from([0]),
        content: {},
        text: "",
        createdById: author,
      },
    });
  }
  await db.membership.deleteMany({ where: { reviewId: team.reviewId, userId: leaver.id } });
  // A stranger (member of another review) also wrote here once, through data a restore could produce.
  await db.sectionVersion.create({
    data: {
      sectionId,
      kind: "NAMED",
      name: "x",
      state: Buffer.from([0]),
      content: {},
      text: "",
      createdById: people.stranger,
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
});

/** Who got a notification of this kind since the mark, by table name. */
async function toldSince(mark: Date, kind: NotificationKind): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { kind, createdAt: { gte: mark } }, select: { userId: true } });
  const names = Object.entries(people);
  return rows.map((row) => names.find(([, id]) => id === row.userId)?.[0] ?? row.userId).sort();
}

async function step<T>(action: () => Promise<T>): Promise<{ mark: Date; result: T }> {
  const mark = new Date(Date.now() - 1);
  const result = await action();
  return { mark, result };
}

const covered = new Set<NotificationKind>();
function expectTold(kind: NotificationKind, told: string[], expected: string[]) {
  covered.add(kind);
  expect(told, kind).toEqual([...expected].sort());
}

describe("who is told what", () => {
  let threadId: string;
  let suggestionId: string;

  it("a comment: the section's owner and writers; a mention takes precedence; never the actor", async () => {
    const { mark, result } = await step(async () =>
      startThread(await accessTo(people.supervisor, team.reviewId), {
        reviewId: team.reviewId,
        sectionId,
        anchor: anchor("基层"),
        body: "@rt-viewer 这里需要引用",
      }),
    );
    threadId = result.threadId;
    expectTold("COMMENT", await toldSince(mark, "COMMENT"), ["sectionOwner", "writer"]);
    expectTold("MENTION", await toldSince(mark, "MENTION"), ["viewer"]);
  });

  it("a comment mentioning a section writer tells them once, as a mention", async () => {
    const { mark } = await step(async () =>
      startThread(await accessTo(people.supervisor, team.reviewId), {
        reviewId: team.reviewId,
        sectionId,
        body: "@rt-editor 结构再调整",
      }),
    );
    expect(await toldSince(mark, "MENTION")).toEqual(["sectionOwner"]);
    expect(await toldSince(mark, "COMMENT")).toEqual(["writer"]);
  });

  it("a suggestion: the section's owner and writers", async () => {
    const { mark, result } = await step(async () =>
      startThread(await accessTo(people.supervisor, team.reviewId), {
        reviewId: team.reviewId,
        sectionId,
        anchor: anchor("恢复力"),
        suggestion: "韧性",
      }),
    );
    suggestionId = result.threadId;
    expectTold("SUGGESTION", await toldSince(mark, "SUGGESTION"), ["sectionOwner", "writer"]);
  });

  it("a reply: the comment's author, the section's owner and writers, not the one replying", async () => {
    const { mark } = await step(async () =>
      replyToThread(await accessTo(people.sectionOwner, team.reviewId), {
        reviewId: team.reviewId,
        threadId,
        body: "已补充",
        addressed: true,
      }),
    );
    // The viewer was mentioned in the thread but has not written in it: replies are not theirs to hear.
    expectTold("REPLY", await toldSince(mark, "REPLY"), ["supervisor", "writer"]);
    const second = await step(async () =>
      replyToThread(await accessTo(people.owner, team.reviewId), { reviewId: team.reviewId, threadId, body: "好的" }),
    );
    expect(await toldSince(second.mark, "REPLY")).toEqual(["sectionOwner", "supervisor", "writer"]);
  });

  it("a decision: the suggestion's author and the section's owner and writers, not the one deciding", async () => {
    const { mark } = await step(async () =>
      decideSuggestions(await accessTo(people.sectionOwner, team.reviewId), {
        reviewId: team.reviewId,
        threadIds: [suggestionId],
        decision: "REJECTED",
      }),
    );
    expectTold("SUGGESTION_DECIDED", await toldSince(mark, "SUGGESTION_DECIDED"), ["supervisor", "writer"]);
  });

  it("assignment: only the members newly given the items", async () => {
    const { mark } = await step(async () =>
      assignItems(await accessTo(people.owner, team.reviewId), {
        reviewId: team.reviewId,
        itemIds: [team.itemId],
        userIds: [people.sectionOwner, people.writer, people.owner],
        mode: "add",
      }),
    );
    expectTold("ITEM_ASSIGNED", await toldSince(mark, "ITEM_ASSIGNED"), ["sectionOwner", "writer"]);
    const again = await step(async () =>
      assignItems(await accessTo(people.owner, team.reviewId), {
        reviewId: team.reviewId,
        itemIds: [team.itemId],
        userIds: [people.sectionOwner],
        mode: "add",
      }),
    );
    expect(await toldSince(again.mark, "ITEM_ASSIGNED")).toEqual([]);
  });

  it("a stage move: the item's assignees, not the one moving it", async () => {
    const { mark } = await step(async () =>
      changeStage(await accessTo(people.writer, team.reviewId), {
        reviewId: team.reviewId,
        itemId: team.itemId,
        stageId: team.stages[1]!.id,
      }),
    );
    expectTold("STAGE_CHANGED", await toldSince(mark, "STAGE_CHANGED"), ["owner", "sectionOwner"]);
  });

  it("a screening conflict ruled: the item's assignees, not the one ruling", async () => {
    await db.reviewItem.update({ where: { id: team.itemId }, data: { screeningState: "CONFLICT" } });
    const { mark } = await step(async () =>
      resolveConflict(await accessTo(people.owner, team.reviewId), {
        reviewId: team.reviewId,
        itemId: team.itemId,
        choice: "INCLUDE",
      }),
    );
    expectTold("CONFLICT_RULED", await toldSince(mark, "CONFLICT_RULED"), ["sectionOwner", "writer"]);
  });

  it("rounds opening, falling due and closing: the writers of the round's sections", async () => {
    const due = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const { mark, result } = await step(async () =>
      openRound(await accessTo(people.supervisor, team.reviewId), {
        reviewId: team.reviewId,
        title: "第一轮",
        dueAt: due,
        sectionIds: [sectionId],
      }),
    );
    expectTold("ROUND_OPENED", await toldSince(mark, "ROUND_OPENED"), ["sectionOwner", "writer"]);

    // The reminder waits until a day before the due date; bring that moment forward and run the queue.
    const [job] = await db.$queryRaw<{ id: bigint; run_at: Date }[]>`
      SELECT id, run_at FROM graphile_worker.jobs WHERE task_identifier = 'rounds.remindDue'`;
    const round = await db.commentRound.findUniqueOrThrow({ where: { id: result.roundId } });
    expect(job!.run_at.getTime()).toBe(round.dueAt!.getTime() - 24 * 60 * 60 * 1000);
    await runDueJobs(url, db, [remindRoundDueJob]);
    expect(await toldSince(mark, "ROUND_DUE")).toEqual([]);
    await db.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${job!.id}]::bigint[], run_at => now())`;
    const dueMark = new Date(Date.now() - 1);
    await runDueJobs(url, db, [remindRoundDueJob]);
    expectTold("ROUND_DUE", await toldSince(dueMark, "ROUND_DUE"), ["sectionOwner", "writer"]);

    const closing = await step(async () =>
      closeRound(await accessTo(people.supervisor, team.reviewId), {
        reviewId: team.reviewId,
        roundId: result.roundId,
      }),
    );
    expectTold("ROUND_CLOSED", await toldSince(closing.mark, "ROUND_CLOSED"), ["sectionOwner", "writer"]);
  });

  it("a due reminder for a round closed meanwhile tells nobody", async () => {
    const before = await db.notification.count({ where: { kind: "ROUND_DUE" } });
    const rounds = await db.commentRound.findMany({ where: { reviewId: team.reviewId } });
    await remindRoundDueJob.run(
      { roundId: rounds[0]!.id, dueAt: rounds[0]!.dueAt!.toISOString() },
      { db, jobId: "t", attempt: 1, maxAttempts: 1, log: () => {} },
    );
    expect(await db.notification.count({ where: { kind: "ROUND_DUE" } })).toBe(before);
  });

  it("covers every kind, and never told a stranger or a leaver", async () => {
    expect(notificationKinds.filter((kind) => !covered.has(kind))).toEqual([]);
    const wrong = await db.notification.count({
      where: { userId: { in: [people.stranger, people.leaver] } },
    });
    expect(wrong).toBe(0);
  });
});
