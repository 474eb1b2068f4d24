// The demo review: five papers from seeds/*.txt with their curated metadata (papers.json), the
// team's themes and the demo accounts. Idempotent: it only creates what is not there yet, so a
// second run — or a run after the team has edited the seeded items — changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import type { Database, Transaction } from "@/lib/db/client";
import { refreshItemReferences } from "@/lib/references/sync";
import { createReviewIn } from "@/lib/reviews/commands";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { extractFullText } from "./full-text";
import { papersFileSchema, type PaperSeed, type PapersFile } from "./papers-schema";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };
export const DEMO_REVIEW_KEY = "party-building-grassroots-governance";

const seedsDir = path.resolve(import.meta.dirname);

export function loadPapersFile(): PapersFile {
  return papersFileSchema.parse(JSON.parse(readFileSync(path.join(seedsDir, "papers.json"), "utf8")));
}

export function readSeedDocument(file: string): string {
  return readFileSync(path.join(seedsDir, file), "utf8");
}

export function fullTextOf(paper: PaperSeed): string | null {
  return paper.fullText ? extractFullText(readSeedDocument(paper.file), paper.fullText) : null;
}

export interface SeedReport {
  reviewId: string;
  created: { users: number; items: number; themes: number; memberships: number; review: boolean };
}

export async function seedDemo(database: Database): Promise<SeedReport> {
  const papers = loadPapersFile();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.$transaction(
    async (tx) => {
      const created = { users: 0, items: 0, themes: 0, memberships: 0, review: false };
      const userIds = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS) {
        const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } });
        if (existing) {
          userIds.set(account.email, existing.id);
          continue;
        }
        const user = await tx.user.create({
          data: { email: account.email, name: account.name, passwordHash },
          select: { id: true },
        });
        userIds.set(account.email, user.id);
        created.users++;
      }

      const ownerId = userIds.get(DEMO_ACCOUNTS[0]!.email)!;
      let review = await tx.review.findUnique({ where: { seedKey: DEMO_REVIEW_KEY }, select: { id: true } });
      if (!review) {
        review = await createReviewIn(tx, ownerId, {
          seedKey: DEMO_REVIEW_KEY,
          titleZh: "党建引领基层治理文献综述",
          titleEn: "Party-building-led grassroots governance: a literature review",
          descriptionZh: "围绕党建引领基层治理、区域化党建、韧性治理与城乡融合的中文政治学文献综述。",
          descriptionEn:
            "A review of Chinese political-science scholarship on Party-building-led grassroots governance, regional Party building, resilience and urban–rural integration.",
        });
        created.review = true;
      }
      const reviewId = review.id;

      for (const account of DEMO_ACCOUNTS) {
        const userId = userIds.get(account.email)!;
        const membership = await tx.membership.findUnique({ where: { reviewId_userId: { reviewId, userId } } });
        if (membership) continue;
        await tx.membership.create({ data: { reviewId, userId, role: account.role } });
        created.memberships++;
      }

      const themeIds = await seedThemes(tx, reviewId, papers, created);
      const firstStage = await tx.reviewStage.findFirstOrThrow({
        where: { reviewId, kind: "ACTIVE" },
        orderBy: { position: "asc" },
      });
      for (const paper of papers.papers) {
        const seedKey = paper.file.replace(/\.txt$/, "");
        const existing = await tx.reviewItem.findUnique({
          where: { reviewId_seedKey: { reviewId, seedKey } },
          select: { id: true, fullText: true, _count: { select: { citedReferences: true } } },
        });
        if (existing) {
          // Demo data seeded before references were parsed gets its lists now.
          if (existing.fullText && existing._count.citedReferences === 0) {
            await refreshItemReferences(tx, { id: existing.id, reviewId, fullText: existing.fullText });
          }
          continue;
        }
        await createSeedItem(tx, { reviewId, seedKey, stageId: firstStage.id, ownerId, paper, themeIds });
        created.items++;
      }
      return { reviewId, created };
    },
    { timeout: 60_000 },
  );
}

async function seedThemes(
  tx: Transaction,
  reviewId: string,
  papers: PapersFile,
  created: SeedReport["created"],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, theme] of papers.themes.entries()) {
    const existing = await tx.theme.findUnique({
      where: { reviewId_nameZh: { reviewId, nameZh: theme.nameZh } },
      select: { id: true },
    });
    if (existing) {
      ids.set(theme.nameZh, existing.id);
      continue;
    }
    const row = await tx.theme.create({ data: { reviewId, position, ...theme }, select: { id: true } });
    ids.set(theme.nameZh, row.id);
    created.themes++;
  }
  return ids;
}

async function createSeedItem(
  tx: Transaction,
  args: {
    reviewId: string;
    seedKey: string;
    stageId: string;
    ownerId: string;
    paper: PaperSeed;
    themeIds: Map<string, string>;
  },
): Promise<void> {
  const { paper } = args;
  const item = await tx.reviewItem.create({
    data: {
      reviewId: args.reviewId,
      seedKey: args.seedKey,
      stageId: args.stageId,
      titleZh: paper.titleZh,
      titleEn: paper.titleEn,
      journalZh: paper.journalZh,
      journalEn: paper.journalEn,
      year: paper.year,
      volume: paper.volume,
      issue: paper.issue,
      pages: paper.pages,
      doi: paper.doi,
      keywordsZh: paper.keywordsZh,
      keywordsEn: paper.keywordsEn,
      abstractZh: paper.abstractZh,
      abstractEn: paper.abstractEn,
      funding: paper.funding,
      identifiers: paper.identifiers,
      dates: paper.dates,
      sourceKind: paper.source.kind,
      sourceName: paper.source.name,
      sourceNote: paper.source.note,
      sourceFile: paper.file,
      fullText: fullTextOf(paper),
      createdById: args.ownerId,
      authors: {
        create: paper.authors.map((author, position) => ({ position, ...author })),
      },
      themes: {
        create: paper.themes.map((name) => {
          const themeId = args.themeIds.get(name);
          if (!themeId) throw new Error(`papers.json: ${paper.file} names unknown theme ${name}`);
          return { themeId, taggedById: args.ownerId };
        }),
      },
    },
    select: { id: true },
  });
  await tx.statusChange.create({
    data: { itemId: item.id, fromStageId: null, toStageId: args.stageId, changedById: args.ownerId, note: null },
  });
  await refreshItemReferences(tx, { id: item.id, reviewId: args.reviewId, fullText: fullTextOf(paper) });
  await tx.activityEvent.create({
    data: {
      reviewId: args.reviewId,
      actorId: args.ownerId,
      kind: "item.created",
      subjectType: "item",
      subjectId: item.id,
      data: { source: "seed", file: paper.file },
    },
  });
}
