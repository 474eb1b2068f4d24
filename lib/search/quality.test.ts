// Every labelled query of fixtures/quality.ts must find exactly its papers: a change that loses precision
// (王华 finding 李华), a variant (韌性, kan daoyuan), a typo correction or a field (23BKS051, type:thesis) fails here.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { QUALITY_QUERIES } from "./fixtures/quality";
import { searchIndexJob } from "./jobs";
import { evaluateQuality, loadQualityCorpus, type QueryOutcome } from "./quality";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let outcomes: QueryOutcome[];

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  const team = await createReviewWithTeam(db, "quality");
  await db.reviewItem.delete({ where: { id: team.itemId } });
  const keys = await loadQualityCorpus(db, team.reviewId);
  await runDueJobs(url, db, [searchIndexJob]);
  outcomes = await evaluateQuality(await accessTo(team.users.VIEWER.id, team.reviewId), keys);
}, 120_000);

describe("search quality on the labelled corpus", () => {
  it("holds at least 40 queries of every kind", () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(40);
  });

  for (const query of QUALITY_QUERIES) {
    it(`${query.kind}: ${query.q} → ${query.expect.join(", ") || "nothing"}`, () => {
      const outcome = outcomes.find((o) => o.q === query.q)!;
      expect([...outcome.found].sort()).toEqual([...query.expect].sort());
    });
  }
});
