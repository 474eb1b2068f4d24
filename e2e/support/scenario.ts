// Each spec that changes data builds its own review straight in the e2e database, so specs running in
// parallel never see each other's votes, moves or edits. The demo accounts are the members.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { embeddedPostgresPassword } from "@/lib/config/settings";
import { connectDatabase, type Database } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { createReviewIn } from "@/lib/reviews/commands";
import { DEMO_REVIEW_KEY } from "@/seeds/seed";
import { DEMO_USERS, type DemoRole } from "../accounts";

let database: Database | null = null;

/** The database the e2e server runs on (see playwright.config.ts). */
export function e2eDatabase(): Database {
  if (!database) {
    const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
    const port = process.env.E2E_PG_PORT ?? "54339";
    const password = encodeURIComponent(embeddedPostgresPassword(dataDir));
    database = connectDatabase(`postgresql://postgres:${password}@127.0.0.1:${port}/huitong`);
  }
  return database;
}

export interface ScenarioOptions {
  /** Demo accounts and the role each gets; the owner account is always OWNER. */
  members?: Partial<Record<Exclude<DemoRole, "owner">, ReviewRole>>;
  /** Item titles (Chinese); each becomes an item in the first stage. */
  items?: string[];
  screeningVotesRequired?: number;
}

export interface Scenario {
  reviewId: string;
  title: string;
  itemIds: string[];
  stages: { id: string; key: string; nameZh: string; nameEn: string }[];
  userIds: Record<DemoRole, string>;
  url(pathAfterReview: string): string;
}

export async function createScenario(label: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const db = e2eDatabase();
  const users = await db.user.findMany({ where: { email: { in: Object.values(DEMO_USERS) } } });
  const userIds = Object.fromEntries(
    (Object.keys(DEMO_USERS) as DemoRole[]).map((role) => {
      const user = users.find((u) => u.email === DEMO_USERS[role]);
      if (!user) throw new Error(`demo account ${role} is missing; is the seed on?`);
      return [role, user.id];
    }),
  ) as Record<DemoRole, string>;
  const title = `${label} ${randomBytes(3).toString("hex")}`;
  const review = await db.$transaction((tx) => createReviewIn(tx, userIds.owner, { titleZh: title, titleEn: null }));
  await db.review.update({
    where: { id: review.id },
    data: { screeningVotesRequired: options.screeningVotesRequired ?? 2 },
  });
  for (const [account, role] of Object.entries(options.members ?? {}) as [DemoRole, ReviewRole][]) {
    await db.membership.create({ data: { reviewId: review.id, userId: userIds[account], role } });
  }
  const stages = await db.reviewStage.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const itemIds: string[] = [];
  for (const titleZh of options.items ?? []) {
    const item = await db.reviewItem.create({
      data: { reviewId: review.id, stageId: stages[0]!.id, titleZh, sourceKind: "MANUAL", createdById: userIds.owner },
      select: { id: true },
    });
    await db.statusChange.create({
      data: { itemId: item.id, toStageId: stages[0]!.id, changedById: userIds.owner },
    });
    itemIds.push(item.id);
  }
  return { reviewId: review.id, title, itemIds, stages, userIds, url: (rest) => `/reviews/${review.id}/${rest}` };
}

/** A path inside the seeded demo review; other specs' reviews mean "/" may list several reviews. */
export async function demoReviewPath(rest: string): Promise<string> {
  const review = await e2eDatabase().review.findUniqueOrThrow({
    where: { seedKey: DEMO_REVIEW_KEY },
    select: { id: true },
  });
  return `/reviews/${review.id}/${rest}`;
}
