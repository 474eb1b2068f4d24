// Prioritised screening against a real PostgreSQL: decisions enqueue a retrain, the job scores undecided records
// from final decisions only (a pending vote changes nothing), the desk serves the most likely record first, and
// the stopping aid records a stop that PRISMA reports.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { castVote, updateScreeningRules } from "../commands";
import { getPrismaFlow } from "../prisma-flow";
import { getScreeningDesk } from "../queries";
import { retrainRankingJob } from "./jobs";
import { getStoppingStatus, recordScreeningStop, updateStoppingRule } from "./stopping";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let reasonId: string;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
const ids: Record<string, string> = {};

const RECORDS: Record<string, string> = {
  ruralA: "党建引领乡村振兴与基层治理",
  ruralB: "基层党组织引领乡村治理的实践",
  imageA: "深度学习图像识别网络",
  imageB: "卷积神经网络的图像分割",
  ruralCandidate: "乡村振兴中的基层党建与治理创新",
  imageCandidate: "图像分割网络的训练方法",
  pending: "城市社区治理中的党建引领",
};

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  team = await createReviewWithTeam(db, "rank");
  reasonId = (await db.exclusionReason.findFirstOrThrow({ where: { reviewId: team.reviewId } })).id;
  await updateScreeningRules(await accessTo(team.users.OWNER.id, team.reviewId), {
    reviewId: team.reviewId,
    screeningVotesRequired: 1,
  });
  for (const [key, title] of Object.entries(RECORDS)) {
    const item = await db.reviewItem.create({
      data: { reviewId: team.reviewId, stageId: team.stages[0]!.id, titleZh: title, sourceKind: "MANUAL" },
    });
    ids[key] = item.id;
  }
});

const owner = () => team.users.OWNER.id;
const reviewId = () => team.reviewId;
const queuedRetrains = () =>
  db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'screening.rank'`.then(([row]) =>
    Number(row?.n ?? 0),
  );
const retrain = async () => {
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
  await runDueJobs(url, db, [retrainRankingJob]);
};

describe("relevance ranking", () => {
  it("keeps import order until an inclusion and an exclusion exist", async () => {
    const desk = await getScreeningDesk(await accessTo(owner(), reviewId()));
    expect(desk.ranking).toMatchObject({ available: false, order: "added" });
    expect(await queuedRetrains()).toBe(0);
  });

  it("queues one debounced retrain for a burst of decisions and scores only the undecided records", async () => {
    await castVote(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      itemId: ids.ruralA,
      choice: "INCLUDE",
    });
    await castVote(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      itemId: ids.ruralB,
      choice: "INCLUDE",
    });
    await castVote(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      itemId: ids.imageA,
      choice: "EXCLUDE",
      reasonId,
    });
    await castVote(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      itemId: ids.imageB,
      choice: "EXCLUDE",
      reasonId,
    });
    expect(await queuedRetrains()).toBe(1);
    await retrain();
    expect(await queuedRetrains()).toBe(0);

    const ranking = await db.screeningRanking.findUniqueOrThrow({ where: { reviewId: reviewId() } });
    expect(ranking).toMatchObject({ includedCount: 2, excludedCount: 2 });
    const scores = await db.screeningScore.findMany({ where: { reviewId: reviewId() } });
    const scored = new Set(scores.map((s) => s.itemId));
    expect(scored.has(ids.ruralA!)).toBe(false);
    expect(scored.has(ids.ruralCandidate!)).toBe(true);
    // The seed item of the fixture and the three open records.
    expect(scores).toHaveLength(4);
    const score = (key: string) => scores.find((s) => s.itemId === ids[key])!.score;
    expect(score("ruralCandidate")).toBeGreaterThan(score("imageCandidate"));
    expect(scores.find((s) => s.itemId === ids.ruralCandidate)!.terms).toEqual(expect.arrayContaining(["乡村振兴"]));
  });

  it("serves the most likely record first, skips in the same order, and keeps import order on request", async () => {
    const editor = team.users.EDITOR.id;
    const first = await getScreeningDesk(await accessTo(editor, reviewId()));
    expect(first.ranking).toMatchObject({ available: true, order: "relevance" });
    const order = [first.current!.id];
    let after = first.current!.id;
    for (let i = 0; i < 3; i++) {
      const next = await getScreeningDesk(await accessTo(editor, reviewId()), { after });
      order.push(next.current!.id);
      after = next.current!.id;
    }
    expect(order[0]).toBe(ids.ruralCandidate);
    expect(order.indexOf(ids.imageCandidate!)).toBeGreaterThan(order.indexOf(ids.ruralCandidate!));
    // Four open records, then the skip wraps round to the first.
    expect(new Set(order).size).toBe(4);
    expect((await getScreeningDesk(await accessTo(editor, reviewId()), { after })).current!.id).toBe(order[0]);

    const added = await getScreeningDesk(await accessTo(editor, reviewId()), { order: "added" });
    expect(added.ranking.order).toBe("added");
    expect(added.current!.id).toBe(team.itemId);
  });

  it("never learns from a vote that is still hidden from other screeners", async () => {
    await updateScreeningRules(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      screeningVotesRequired: 2,
    });
    const before = await db.screeningScore.findMany({ where: { reviewId: reviewId() }, orderBy: { itemId: "asc" } });
    await castVote(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      itemId: ids.pending,
      choice: "INCLUDE",
    });
    expect(await queuedRetrains()).toBe(0);
    // Even a retrain run now reads final decisions only: the scores stay exactly as they were.
    await db.$transaction(
      (tx) =>
        tx.$executeRaw`SELECT graphile_worker.add_job('screening.rank', json_build_object('reviewId', ${reviewId()}::text))`,
    );
    await retrain();
    const after = await db.screeningScore.findMany({ where: { reviewId: reviewId() }, orderBy: { itemId: "asc" } });
    expect(after.map((s) => [s.itemId, s.score])).toEqual(before.map((s) => [s.itemId, s.score]));
  });
});

describe("stopping aid", () => {
  it("reports the estimate, the streak and the rule, and records a stop that PRISMA reports", async () => {
    const { status } = await getStoppingStatus(await accessTo(owner(), reviewId()));
    expect(status).toMatchObject({
      includedCount: 2,
      decidedCount: 4,
      sinceLastInclusion: 2,
      rule: "CONSECUTIVE_EXCLUSIONS",
      ruleValue: 100,
      ruleMet: false,
    });
    expect(status.estimatedRemaining).toBeGreaterThan(0);
    expect(status.estimatedRecall).toBeGreaterThan(0);

    await expect(
      updateStoppingRule(await accessTo(team.users.EDITOR.id, reviewId()), {
        reviewId: reviewId(),
        rule: "CONSECUTIVE_EXCLUSIONS",
        value: 2,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateStoppingRule(await accessTo(owner(), reviewId()), {
        reviewId: reviewId(),
        rule: "ESTIMATED_RECALL",
        value: 20,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await updateStoppingRule(await accessTo(owner(), reviewId()), {
      reviewId: reviewId(),
      rule: "CONSECUTIVE_EXCLUSIONS",
      value: 2,
    });
    expect((await getStoppingStatus(await accessTo(owner(), reviewId()))).status.ruleMet).toBe(true);

    await expect(
      recordScreeningStop(await accessTo(team.users.VIEWER.id, reviewId()), { reviewId: reviewId() }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await getPrismaFlow(await accessTo(owner(), reviewId()))).stoppedByRule).toBe(false);
    await recordScreeningStop(await accessTo(owner(), reviewId()), { reviewId: reviewId(), note: "规则满足" });
    const { stops } = await getStoppingStatus(await accessTo(team.users.VIEWER.id, reviewId()));
    expect(stops[0]).toMatchObject({
      rule: "CONSECUTIVE_EXCLUSIONS",
      ruleValue: 2,
      decidedCount: 4,
      undecidedCount: 4,
    });
    expect((await getPrismaFlow(await accessTo(owner(), reviewId()))).stoppedByRule).toBe(true);
  });
});
