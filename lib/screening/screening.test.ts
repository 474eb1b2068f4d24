// Blind screening against a real database: votes, decisions, conflicts, rulings, stage moves, refusals, PRISMA.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { castVote, resolveConflict, SCREENING_NOTE, updateScreeningRules } from "./commands";
import { getPrismaFlow } from "./prisma-flow";
import { getScreeningDesk, listScreeningConflicts } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;
let reasons: { id: string }[];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "screen");
  other = await createReviewWithTeam(db, "other");
  reasons = await db.exclusionReason.findMany({ where: { reviewId: team.reviewId }, orderBy: { position: "asc" } });
});

async function newItem(title: string) {
  const item = await db.reviewItem.create({
    data: { reviewId: team.reviewId, stageId: team.stages[0]!.id, titleZh: title, sourceKind: "MANUAL" },
  });
  return item.id;
}

const owner = () => team.users.OWNER.id;
const editor = () => team.users.EDITOR.id;
const item = (id: string) => db.reviewItem.findUniqueOrThrow({ where: { id }, include: { screeningDecision: true } });

async function snapshot() {
  const [votes, decisions, items, events] = await Promise.all([
    db.screeningVote.findMany({ select: { id: true, choice: true }, orderBy: { id: "asc" } }),
    db.screeningDecision.count(),
    db.reviewItem.findMany({ select: { id: true, stageId: true, screeningState: true }, orderBy: { id: "asc" } }),
    db.activityEvent.count(),
  ]);
  return { votes, decisions, items, events };
}

describe("voting", () => {
  it("keeps votes blind until both are in, then decides agreeing votes and moves the item on", async () => {
    const id = await newItem("一致纳入");
    await castVote(await accessTo(owner(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "INCLUDE" });
    expect((await item(id)).screeningState).toBe("IN_PROGRESS");

    const editorView = await getScreeningDesk(await accessTo(editor(), team.reviewId), { itemId: id });
    expect(editorView.votes).toMatchObject({ count: 1, revealed: false, others: [], mine: null });
    const ownerView = await getScreeningDesk(await accessTo(owner(), team.reviewId), { itemId: id });
    expect(ownerView.votes?.mine?.choice).toBe("INCLUDE");
    expect(ownerView.votes?.others).toEqual([]);
    // The activity feed says someone screened, never how.
    const event = await db.activityEvent.findFirstOrThrow({ where: { kind: "screening.voted", subjectId: id } });
    expect(JSON.stringify(event.data)).not.toContain("INCLUDE");

    await castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "INCLUDE" });
    const decided = await item(id);
    expect(decided).toMatchObject({ screeningState: "INCLUDED", stageId: team.stages[1]!.id });
    expect(decided.screeningDecision).toMatchObject({ choice: "INCLUDE", resolvedById: null, wasConflict: false });
    const move = await db.statusChange.findFirstOrThrow({ where: { itemId: id }, orderBy: { createdAt: "desc" } });
    expect(move.note).toBe(SCREENING_NOTE);
    const revealed = await getScreeningDesk(await accessTo(editor(), team.reviewId), { itemId: id });
    expect(revealed.votes).toMatchObject({ revealed: true, count: 2 });
    expect(revealed.votes?.others.map((v) => v.user.id)).toEqual([owner()]);

    await expect(
      castVote(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "EXCLUDE",
        reasonId: reasons[0]!.id,
      }),
    ).rejects.toMatchObject({ code: "SCREENING_CLOSED" });
  });

  it("excludes on agreeing exclude votes with the reason, into the excluded stage", async () => {
    const id = await newItem("一致排除");
    await castVote(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: id,
      choice: "EXCLUDE",
      reasonId: reasons[1]!.id,
    });
    await castVote(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: id,
      choice: "EXCLUDE",
      reasonId: reasons[1]!.id,
    });
    const excludedStage = team.stages.find((s) => s.kind === "EXCLUDED")!;
    expect(await item(id)).toMatchObject({
      screeningState: "EXCLUDED",
      stageId: excludedStage.id,
      exclusionReasonId: reasons[1]!.id,
    });
  });

  it("lets a member change their vote before the decision", async () => {
    const id = await newItem("改票");
    await castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "MAYBE" });
    await castVote(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: id,
      choice: "INCLUDE",
      note: "再想想",
    });
    const votes = await db.screeningVote.findMany({ where: { itemId: id } });
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ choice: "INCLUDE", note: "再想想" });
  });

  it("refuses an exclude vote without a reason, viewers and supervisors, and foreign ids, changing nothing", async () => {
    const id = await newItem("拒绝");
    const before = await snapshot();
    await expect(
      castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "EXCLUDE" }),
    ).rejects.toMatchObject({
      code: "EXCLUSION_REASON_REQUIRED",
    });
    const foreignReason = await db.exclusionReason.findFirstOrThrow({ where: { reviewId: other.reviewId } });
    await expect(
      castVote(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "EXCLUDE",
        reasonId: foreignReason.id,
      }),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });
    for (const role of ["VIEWER", "SUPERVISOR"] as const) {
      await expect(
        castVote(await accessTo(team.users[role].id, team.reviewId), {
          reviewId: team.reviewId,
          itemId: id,
          choice: "INCLUDE",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      castVote(await accessTo(other.users.OWNER.id, other.reviewId), {
        reviewId: other.reviewId,
        itemId: id,
        choice: "INCLUDE",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const outsider = await createUser(db, "outsider");
    await expect(accessTo(outsider.id, team.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An access to one review does not reach another review's item, whatever review the input names.
    await expect(
      castVote(await accessTo(other.users.OWNER.id, other.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "INCLUDE",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "YES" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("conflicts", () => {
  it("lists disagreements, lets only the owner rule, and records the ruling", async () => {
    const id = await newItem("分歧");
    await castVote(await accessTo(owner(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "INCLUDE" });
    await castVote(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: id,
      choice: "EXCLUDE",
      reasonId: reasons[0]!.id,
      note: "书评",
    });
    expect((await item(id)).screeningState).toBe("CONFLICT");
    const { conflicts } = await listScreeningConflicts(await accessTo(team.users.VIEWER.id, team.reviewId));
    const listed = conflicts.find((c) => c.id === id)!;
    expect(listed.screeningVotes.map((v) => v.choice)).toEqual(["INCLUDE", "EXCLUDE"]);

    const before = await snapshot();
    await expect(
      resolveConflict(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "INCLUDE",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      resolveConflict(await accessTo(owner(), team.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "EXCLUDE",
      }),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });
    expect(await snapshot()).toEqual(before);

    await resolveConflict(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: id,
      choice: "EXCLUDE",
      reasonId: reasons[0]!.id,
      note: "同意编辑的判断",
    });
    expect((await item(id)).screeningDecision).toMatchObject({
      choice: "EXCLUDE",
      resolvedById: owner(),
      wasConflict: true,
      note: "同意编辑的判断",
    });
    await expect(
      resolveConflict(await accessTo(owner(), team.reviewId), {
        reviewId: team.reviewId,
        itemId: id,
        choice: "INCLUDE",
      }),
    ).rejects.toMatchObject({ code: "NO_SCREENING_CONFLICT" });
    const { rulings } = await listScreeningConflicts(await accessTo(owner(), team.reviewId));
    expect(rulings.map((r) => r.item.id)).toContain(id);
  });

  it("re-reads undecided items when the owner changes the required number of votes", async () => {
    const id = await newItem("一票即可");
    await castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: id, choice: "INCLUDE" });
    expect((await item(id)).screeningState).toBe("IN_PROGRESS");
    await expect(
      updateScreeningRules(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        screeningVotesRequired: 1,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateScreeningRules(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      screeningVotesRequired: 1,
    });
    expect((await item(id)).screeningState).toBe("INCLUDED");
    await updateScreeningRules(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      screeningVotesRequired: 2,
    });
  });
});

describe("PRISMA flow", () => {
  it("counts identified, duplicates, screened, excluded with reasons and included from the data", async () => {
    const t = await createReviewWithTeam(db, "prisma");
    const [r1, r2] = await db.exclusionReason.findMany({
      where: { reviewId: t.reviewId },
      orderBy: { position: "asc" },
    });
    const make = (title: string, sourceKind: "MANUAL" | "DATABASE_EXPORT" = "DATABASE_EXPORT") =>
      db.reviewItem.create({ data: { reviewId: t.reviewId, stageId: t.stages[0]!.id, titleZh: title, sourceKind } });
    const items = await Promise.all(["a", "b", "c", "d", "e"].map((x) => make(x)));
    const duplicate = await make("dup");
    await db.reviewItem.update({
      where: { id: duplicate.id },
      data: { deletedAt: new Date(), duplicateOfId: items[0]!.id },
    });
    const trashed = await make("mistake");
    await db.reviewItem.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    const vote = async (itemId: string, choice: "INCLUDE" | "EXCLUDE", reasonId?: string) => {
      for (const role of ["OWNER", "EDITOR"] as const) {
        await castVote(await accessTo(t.users[role].id, t.reviewId), {
          reviewId: t.reviewId,
          itemId,
          choice,
          reasonId,
        });
      }
    };
    await vote(items[0]!.id, "INCLUDE");
    await vote(items[1]!.id, "INCLUDE");
    await vote(items[2]!.id, "EXCLUDE", r1!.id);
    await vote(items[3]!.id, "EXCLUDE", r2!.id);
    // Included at screening, excluded after reading the full text.
    const excluded = t.stages.find((s) => s.kind === "EXCLUDED")!;
    await db.reviewItem.update({
      where: { id: items[1]!.id },
      data: { stageId: excluded.id, exclusionReasonId: r2!.id },
    });

    const flow = await getPrismaFlow(await accessTo(t.users.VIEWER.id, t.reviewId));
    expect(flow).toMatchObject({
      identified: 7, // five + the fixture's item + the duplicate
      duplicatesRemoved: 1,
      screened: 4,
      awaitingScreening: 2,
      excludedAtScreening: 2,
      assessedForEligibility: 2,
      excludedAfterScreening: 1,
      included: 1,
    });
    expect(flow.excludedAtScreeningByReason.map((r) => [r.labelZh, r.count])).toEqual([
      [r1!.labelZh, 1],
      [r2!.labelZh, 1],
    ]);
    expect(flow.excludedAfterScreeningByReason).toEqual([{ labelZh: r2!.labelZh, labelEn: r2!.labelEn, count: 1 }]);
    expect(flow.identifiedBySource).toEqual(
      expect.arrayContaining([
        { source: "DATABASE_EXPORT", count: 6 },
        { source: "MANUAL", count: 1 },
      ]),
    );
    await expect(accessTo(other.users.OWNER.id, t.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
