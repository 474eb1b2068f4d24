import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_ACCOUNTS, loadPapersFile, seedDemo } from "./seed";

let db: Database;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

async function everything() {
  return {
    users: await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, updatedAt: true } }),
    reviews: await db.review.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    items: await db.reviewItem.findMany({ orderBy: { id: "asc" } }),
    authors: await db.itemAuthor.findMany({ orderBy: { id: "asc" } }),
    themes: await db.theme.findMany({ orderBy: { id: "asc" } }),
    links: await db.itemTheme.findMany({ orderBy: [{ itemId: "asc" }, { themeId: "asc" }] }),
    changes: await db.statusChange.count(),
    events: await db.activityEvent.count(),
  };
}

describe("the demo seed", () => {
  it("creates the review, four accounts, five items and the themes, and a second run changes nothing", async () => {
    const first = await seedDemo(db);
    expect(first.created).toMatchObject({ review: true, users: 4, items: 5, themes: 6, memberships: 3 });
    const afterFirst = await everything();
    const second = await seedDemo(db);
    expect(second.created).toEqual({ review: false, users: 0, items: 0, themes: 0, memberships: 0 });
    expect(await everything()).toEqual(afterFirst);
  });

  it("keeps the team's edits to seeded items", async () => {
    const item = await db.reviewItem.findFirstOrThrow({ where: { seedKey: "000_6f94644bbdf33c2d" } });
    await db.reviewItem.update({ where: { id: item.id }, data: { pages: "edited" } });
    await seedDemo(db);
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: item.id } })).pages).toBe("edited");
  });

  it("gives each demo account its role", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { memberships: true } });
      expect(user.memberships.map((m) => m.role)).toEqual([account.role]);
    }
  });

  it("creates the team's three themes plus the shared ones", async () => {
    const names = (await db.theme.findMany()).map((t) => t.nameZh);
    expect(names).toEqual(expect.arrayContaining(["韧性治理", "城乡融合", "跨域治理"]));
  });

  it("records what the documents support and leaves the rest missing", async () => {
    const untitled = await db.reviewItem.findFirstOrThrow({
      where: { seedKey: "002_24433d9f670e2f75" },
      include: { authors: true },
    });
    expect(untitled.titleZh).toBeNull();
    expect(untitled.titleEn).toBeNull();
    expect(untitled.journalZh).toBeNull();
    expect(untitled.year).toBeNull();
    expect(untitled.authors.map((a) => a.nameZh)).toEqual(["孙肖远"]);

    const reposted = await db.reviewItem.findFirstOrThrow({
      where: { seedKey: "003_77c6651b61511a25" },
      include: { authors: true },
    });
    expect(reposted.titleZh).toBe("党建引领基层韧性治理的行动逻辑与实践样本");
    expect(reposted.sourceKind).toBe("REPOST_SITE");
    expect(reposted.authors).toEqual([]);
    expect(reposted.fullText).toMatch(/^基层治理是国家治理的基石/);
    expect(reposted.fullText).toMatch(/\[22\]徐柳怡,汪涛.*领导科学论坛,2021,\(09\):89-95\.$/);
    for (const noise of ["开云", "上一篇", "下一篇", "产品中心", "产品详情", "当前位置"]) {
      expect(reposted.fullText).not.toContain(noise);
    }

    const journal = await db.reviewItem.findFirstOrThrow({
      where: { seedKey: "000_6f94644bbdf33c2d" },
      include: { authors: { orderBy: { position: "asc" } } },
    });
    expect(journal).toMatchObject({
      journalZh: "治理研究",
      year: 2024,
      volume: "40",
      issue: "3",
      pages: "edited",
      fullText: null,
    });
    expect(journal.authors.map((a) => [a.nameZh, a.nameEn, a.corresponding])).toEqual([
      ["阚道远", "Kan Daoyuan", false],
      ["杨宁", "Yang Ning", true],
    ]);
  });

  it("every curated string comes from its source document", () => {
    for (const paper of loadPapersFile().papers) {
      const source = readFileSync(path.join(import.meta.dirname, paper.file), "utf8").replace(/\s+/g, "");
      for (const value of [paper.titleZh, paper.titleEn, paper.journalZh, paper.funding, ...paper.keywordsZh]) {
        if (value) expect(source, `${paper.file}: ${value}`).toContain(value.replace(/\s+/g, ""));
      }
    }
  });
});

describe("seed documents", () => {
  const shared = path.resolve(import.meta.dirname, "../../shared/seeds");
  it.skipIf(!existsSync(shared))("are byte-identical to ../shared/seeds", () => {
    for (const paper of loadPapersFile().papers) {
      expect(
        readFileSync(path.join(import.meta.dirname, paper.file)).equals(readFileSync(path.join(shared, paper.file))),
      ).toBe(true);
    }
  });
});
