// Search against a real database holding the five seeded papers: Chinese, English and mixed queries, phrases,
// exclusions, filters, the index following edits, and a member of another review who must see nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { codePassage, deleteCoding } from "@/lib/coding/commands";
import { startThread, deleteComment } from "@/lib/comments/threads";
import { createItem, restoreItems, trashItems, updateItem } from "@/lib/items/commands";
import { getItemForEdit } from "@/lib/items/queries";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTheme } from "@/lib/themes/codebook";
import { DEMO_REVIEW_KEY, seedDemo } from "@/seeds/seed";
import { runDueJobs } from "@/lib/jobs/worker";
import { drainSearchQueue, reindexAll } from "./indexer";
import { searchIndexJob } from "./jobs";
import { parseSearchParams, searchReview, type SearchHit } from "./search";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let reviewId: string;
let owner: string;
let editor: string;
let papers: Record<string, string>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  await seedDemo(db);
  const review = await db.review.findUniqueOrThrow({ where: { seedKey: DEMO_REVIEW_KEY } });
  reviewId = review.id;
  owner = (await db.user.findUniqueOrThrow({ where: { email: "owner@huitong.demo" } })).id;
  editor = (await db.user.findUniqueOrThrow({ where: { email: "member@huitong.demo" } })).id;
  const items = await db.reviewItem.findMany({ where: { reviewId }, select: { id: true, seedKey: true } });
  // The seed file names start with the paper's number: 000 … 004.
  papers = Object.fromEntries(items.map((item) => [item.seedKey!.slice(0, 3), item.id]));
  other = await createReviewWithTeam(db, "外部综述");
}, 60_000);

/** Runs the index job the writes scheduled (as the worker of `npm start` does), then searches. */
async function search(q: string, extra: Record<string, string> = {}, userId = owner, review = reviewId) {
  await runDueJobs(url, db, [searchIndexJob]);
  return searchReview(await accessTo(userId, review), parseSearchParams({ q, limit: "50", ...extra }));
}
const ids = (hits: SearchHit[], kind = "PAPER") => hits.filter((h) => h.kind === kind).map((h) => h.id);
const marked = (hit: SearchHit) => hit.fragment.filter((s) => s.hit).map((s) => s.text);

describe("search over the seeded papers", () => {
  it("indexes every seeded paper in the background job the seed's writes scheduled", async () => {
    expect(await db.searchEntry.count({ where: { reviewId, kind: "PAPER" } })).toBe(0);
    await runDueJobs(url, db, [searchIndexJob]);
    expect(await db.searchEntry.count({ where: { reviewId, kind: "PAPER" } })).toBe(5);
  });

  it("「韧性」 finds the paper on resilient governance, inside longer words, and marks the word", async () => {
    const result = await search("韧性");
    expect(ids(result.hits)).toEqual([papers["003"]]);
    const hit = result.hits.find((h) => h.id === papers["003"])!;
    expect(marked(hit)).toContain("韧性");
    // The link names the hit and the words after it, so the browser scrolls to this occurrence.
    const [path, textFragment] = hit.href.split("#:~:text=");
    expect(path).toBe(`/reviews/${reviewId}/items/${papers["003"]}`);
    expect(decodeURIComponent(textFragment!)).toMatch(/^韧性.{2,}/);
  });

  it("「城乡融合」 finds the urban–rural paper first, and the exact phrase finds only it", async () => {
    const words = await search("城乡融合");
    expect(ids(words.hits)[0]).toBe(papers["002"]);
    const phrase = await search('"城乡融合发展"');
    expect(ids(phrase.hits)).toEqual([papers["002"]]);
  });

  it("a Chinese word jieba keeps whole still matches as a substring, and so does a single character", async () => {
    // 区域化党建 is one word in paper 004's keywords; 域化 is only a part of it.
    expect(ids((await search("域化")).hits)).toContain(papers["004"]);
    const single = await search("疏");
    expect(ids(single.hits)).toContain(papers["004"]);
  });

  it("English words are stemmed: governance and governing find the same English-titled papers", async () => {
    const governance = ids((await search("governance")).hits).sort();
    expect(governance).toEqual(expect.arrayContaining([papers["000"], papers["001"], papers["004"]]));
    expect(governance).not.toContain(papers["002"]);
    expect(ids((await search("governing")).hits).sort()).toEqual(governance);
    expect(ids((await search("GOVERNANCE")).hits).sort()).toEqual(governance);
  });

  it("a mixed query needs both languages: 过疏化 governance", async () => {
    expect(ids((await search("过疏化 governance")).hits)).toEqual([papers["004"]]);
    expect(ids((await search("城乡融合 governance")).hits)).not.toContain(papers["002"]);
  });

  it("an English phrase keeps its words in order", async () => {
    const hits = ids((await search('"effective governance"')).hits);
    expect(hits).toContain(papers["004"]);
    expect(ids((await search('"governance effective"')).hits)).not.toContain(papers["004"]);
  });

  it("minus excludes: 党建 -韧性 leaves out the resilience paper and keeps the others", async () => {
    const all = ids((await search("党建")).hits);
    expect(all).toContain(papers["003"]);
    const without = ids((await search("党建 -韧性")).hits);
    expect(without).not.toContain(papers["003"]);
    expect(without.length).toBe(all.length - 1);
    expect(ids((await search("governance -yangtze")).hits)).not.toContain(papers["000"]);
  });

  it("filters by year and stage, and counts per kind", async () => {
    const y2025 = await search("党建", { yearFrom: "2025", yearTo: "2025" });
    expect(ids(y2025.hits)).toEqual([papers["004"]]);
    const stage = await db.reviewItem.findUniqueOrThrow({ where: { id: papers["002"]! }, select: { stageId: true } });
    const inStage = await search("党建", { stage: stage.stageId });
    expect(inStage.hits.every((h) => h.stageId === stage.stageId)).toBe(true);
    expect(ids(inStage.hits)).toContain(papers["002"]);
    expect(inStage.counts.PAPER).toBe(inStage.hits.length);
  });

  it("an empty or stop-word-only query returns nothing instead of everything", async () => {
    expect((await search("")).total).toBe(0);
    expect((await search("-党建")).total).toBe(0);
    expect((await search("the")).total).toBe(0);
  });
});

describe("the index follows the content", () => {
  it("an edited title is found at once, and a paper in the trash is not", async () => {
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "黔东南苗寨的协商治理" },
    });
    expect(ids((await search("苗寨")).hits)).toEqual([itemId]);
    const stored = await getItemForEdit(await accessTo(editor, reviewId), itemId);
    await updateItem(await accessTo(editor, reviewId), {
      reviewId,
      itemId,
      version: stored.version,
      fields: { ...stored.fields, titleZh: "侗族鼓楼议事的治理逻辑", fullText: "鼓楼议事嵌入村寨治理。" },
    });
    expect(ids((await search("苗寨")).hits)).toEqual([]);
    expect(ids((await search("鼓楼议事")).hits)).toEqual([itemId]);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
    expect(ids((await search("鼓楼议事")).hits)).toEqual([]);
  });

  it("a coded passage is found by its words and its memo, filtered by theme, and gone once deleted", async () => {
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: papers["003"]! }, select: { fullText: true } });
    const quote = "韧性治理";
    const start = item.fullText!.indexOf(quote);
    const { themeId } = await createTheme(await accessTo(editor, reviewId), {
      reviewId,
      nameZh: "风险应对",
      color: "#C2410C",
    });
    const { codingId } = await codePassage(await accessTo(editor, reviewId), {
      reviewId,
      itemId: papers["003"],
      field: "FULL_TEXT",
      start,
      end: start + quote.length,
      quote,
      themeIds: [themeId],
      memo: "应急管理视角下的 resilience 概念",
    });
    const byMemo = await search("应急管理", { kind: "PASSAGE" });
    expect(byMemo.hits.map((h) => h.id)).toEqual([codingId]);
    expect(byMemo.hits[0]!.href).toBe(`/reviews/${reviewId}/items/${papers["003"]}#passage-${codingId}`);
    expect(ids((await search("resilience", { theme: themeId })).hits, "PASSAGE")).toEqual([codingId]);
    await deleteCoding(await accessTo(editor, reviewId), { reviewId, codingId });
    expect(ids((await search("应急管理")).hits, "PASSAGE")).toEqual([]);
  });

  it("synthesis text and comments are found and link to the paragraph and the thread", async () => {
    const { sectionId } = await createSection(await accessTo(editor, reviewId), { reviewId, title: "研究述评" });
    await storeSectionState({
      sectionId,
      state: new Uint8Array(),
      updatedById: editor,
      content: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "第一段讨论党建。" }] },
          { type: "paragraph", content: [{ type: "text", text: "第二段讨论治理共同体的形成。" }] },
        ],
      },
    });
    const sections = await search("治理共同体", { kind: "SECTION" });
    expect(sections.hits.map((h) => h.id)).toEqual([sectionId]);
    expect(sections.hits[0]!.href).toBe(
      `/reviews/${reviewId}/synthesis/${sectionId}#para=${encodeURIComponent("第二段讨论治理共同体的形成。")}`,
    );
    const { threadId, commentId } = await startThread(await accessTo(editor, reviewId), {
      reviewId,
      sectionId,
      body: "请补充滕尼斯共同体理论的来源",
    });
    const comments = await search("共同体", { kind: "COMMENT" });
    expect(comments.hits.map((h) => h.href)).toEqual([
      `/reviews/${reviewId}/synthesis/${sectionId}?thread=${threadId}`,
    ]);
    expect(comments.counts.SECTION).toBe(1);
    await deleteComment(await accessTo(editor, reviewId), { reviewId, commentId });
    expect((await search("滕尼斯")).total).toBe(0);
  });

  it("reindexAll rebuilds the same entries from scratch", async () => {
    await drainSearchQueue(db);
    const before = await db.searchEntry.findMany({
      select: { kind: true, sourceId: true, body: true },
      orderBy: { sourceId: "asc" },
    });
    await db.$executeRaw`UPDATE "SearchEntry" SET "body" = 'stale'`;
    await reindexAll(db);
    const after = await db.searchEntry.findMany({
      select: { kind: true, sourceId: true, body: true },
      orderBy: { sourceId: "asc" },
    });
    expect(after).toEqual(before);
  });
});

describe("precision: what was asked, and nothing silently dropped", () => {
  it("an unknown two-character name matches only as written, never its characters apart", async () => {
    const { itemId: wang } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "王华论社区协商" },
    });
    const { itemId: li } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "李华与王昊论社区协商" },
    });
    const result = await search("王华");
    // Paper 003 cites 王华 in its references; 李华 and 王昊 are never 王华.
    expect(ids(result.hits).sort()).toEqual([wang, papers["003"]].sort());
    expect(ids(result.hits)).not.toContain(li);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [wang, li] });
  });

  it("non-words made of a word's characters find nothing", async () => {
    expect((await search("韧乡")).total).toBe(0);
    expect((await search("性韧")).total).toBe(0);
  });

  it("元治理 keeps 元: only text holding 元治理 matches", async () => {
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "元治理视角下的跨域协同" },
    });
    const result = await search("元治理");
    // Papers 001–003 discuss 元治理; 000 and 004 only 治理, which no longer counts.
    expect(ids(result.hits).sort()).toEqual([itemId, papers["001"], papers["002"], papers["003"]].sort());
    for (const hit of result.hits) {
      const titleMarks = hit.titleSegments.zh.filter((s) => s.hit).map((s) => s.text);
      expect([...marked(hit), ...titleMarks].join("")).toContain("元治理");
    }
    expect(result.query.include).toEqual([{ type: "han", text: "元治理" }]);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
  });

  it("says how a query was read: split into words, function characters left out", async () => {
    const result = await search("韧性与治理");
    expect(result.query.notes).toEqual(
      expect.arrayContaining([
        { type: "ignored", text: "韧性与治理", chars: ["与"] },
        { type: "split", text: "韧性与治理", words: ["韧性", "治理"] },
      ]),
    );
  });
});

describe("variants: traditional characters, full width, pinyin", () => {
  it("traditional characters find simplified text, and are marked in it", async () => {
    const simplified = ids((await search("韧性")).hits);
    const traditional = await search("韌性");
    expect(ids(traditional.hits)).toEqual(simplified);
    expect(traditional.query.notes).toContainEqual({ type: "folded", from: "韌性", to: "韧性" });
    expect(marked(traditional.hits[0]!)).toContain("韧性");
    expect(ids((await search("城鄉融合")).hits)[0]).toBe(papers["002"]);
  });

  it("text stored in traditional characters is found by simplified ones and marked as stored", async () => {
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "臺灣社區營造與鄉村振興" },
    });
    const result = await search("乡村振兴");
    expect(ids(result.hits)).toContain(itemId);
    const hit = result.hits.find((h) => h.id === itemId)!;
    expect(hit.titleSegments.zh.filter((s) => s.hit).map((s) => s.text)).toEqual(["鄉村振興"]);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
  });

  it("full-width letters and digits fold to half-width", async () => {
    expect(ids((await search("２３ＢＫＳ０５１")).hits)).toEqual([papers["000"]]);
  });

  it("authors are found by their English name and by pinyin, in either order and case", async () => {
    for (const q of ["Kan Daoyuan", "kan daoyuan", "阚道远", "daoyuan kan"]) {
      expect(ids((await search(q)).hits), q).toEqual([papers["000"]]);
    }
    // 孙肖远 has no English name stored: the pinyin comes from the characters.
    expect(ids((await search("sun xiaoyuan")).hits)).toEqual([papers["002"]]);
  });
});

describe("forgiveness: typos corrected from the review's own words", () => {
  it("a misspelt word shows the corrected word's results and says so", async () => {
    const exact = ids((await search("governance")).hits).sort();
    const typo = await search("govrnance");
    expect(typo.corrected).toEqual({ q: "governance", words: [{ from: "govrnance", to: "governance" }] });
    expect(ids(typo.hits).sort()).toEqual(exact);
  });

  it("a misspelt pinyin name is corrected too", async () => {
    const result = await search("kan daoyaun");
    expect(result.corrected?.q).toBe("kan daoyuan");
    expect(ids(result.hits)).toEqual([papers["000"]]);
  });

  it("exact results are never replaced: a rare spelling that exists is kept, with a suggestion", async () => {
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "拼写测试", titleEn: "Notes on governence" },
    });
    const result = await search("governence");
    expect(result.corrected).toBeNull();
    expect(ids(result.hits)).toContain(itemId);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
  });

  it("never suggests a word that only another review holds", async () => {
    await createItem(await accessTo(other.users.OWNER.id, other.reviewId), {
      reviewId: other.reviewId,
      fields: { titleZh: "外部词汇", titleEn: "Xylographic prints" },
    });
    const foreign = await search("xylographc", {}, other.users.OWNER.id, other.reviewId);
    expect(foreign.corrected?.q).toBe("xylographic");
    const ours = await search("xylographc");
    expect(ours.corrected).toBeNull();
    expect(ours.suggestion).toBeNull();
  });

  it("an unknown word with nothing similar finds nothing and suggests nothing", async () => {
    const result = await search("xylophone");
    expect(result.total).toBe(0);
    expect(result.corrected).toBeNull();
    expect(result.suggestion).toBeNull();
  });
});

describe("every visible field, and field filters", () => {
  it("finds funding numbers, identifiers, affiliations and funders", async () => {
    expect(ids((await search("23BKS051")).hits)).toEqual([papers["000"]]);
    expect(ids((await search("24CGL117")).hits)).toEqual([papers["003"]]);
    expect(ids((await search("1004-0544")).hits)).toEqual([papers["004"]]);
    expect(ids((await search("202410.02256V1")).hits)).toEqual([papers["001"]]);
    expect(ids((await search("西北农林科技大学")).hits)).toEqual([papers["004"]]);
    expect(ids((await search("上海市党建研究会")).hits)).toEqual([papers["000"]]);
  });

  it("author:, journal:, year: and type: narrow the results, alone or with words", async () => {
    expect(ids((await search("author:阚道远")).hits)).toEqual([papers["000"]]);
    expect(ids((await search('author:"kan daoyuan" 党建')).hits)).toEqual([papers["000"]]);
    expect(ids((await search("党建 author:陈靖")).hits)).toEqual([papers["004"]]);
    expect(ids((await search("journal:理论月刊")).hits)).toEqual([papers["004"]]);
    const y = await search("党建 year:2025..2026");
    expect(ids(y.hits)).toEqual([papers["004"]]);
    expect(y.query.notes).toContainEqual({ type: "filter", field: "year", value: "2025..2026" });
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "基层党建研究", genre: "博士学位论文" },
    });
    await db.reviewItem.update({ where: { id: itemId }, data: { itemType: "THESIS" } });
    expect(ids((await search("党建 type:thesis")).hits)).toEqual([itemId]);
    expect(ids((await search("type:学位论文")).hits)).toEqual([itemId]);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
  });

  it("a filter that means nothing finds nothing and says which", async () => {
    const result = await search("党建 type:poem");
    expect(result.total).toBe(0);
    expect(result.query.notes).toContainEqual({ type: "badFilter", field: "type", value: "poem" });
    const theme = await search("党建 theme:不存在的主题");
    expect(theme.total).toBe(0);
    expect(theme.query.notes).toContainEqual({ type: "badFilter", field: "theme", value: "不存在的主题" });
  });

  it("theme: finds passages coded with a theme named so", async () => {
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: papers["003"]! }, select: { fullText: true } });
    const quote = "韧性治理";
    const start = item.fullText!.indexOf(quote);
    const { themeId } = await createTheme(await accessTo(editor, reviewId), {
      reviewId,
      nameZh: "人口流失",
      color: "#0F766E",
    });
    const { codingId } = await codePassage(await accessTo(editor, reviewId), {
      reviewId,
      itemId: papers["003"],
      field: "FULL_TEXT",
      start,
      end: start + quote.length,
      quote,
      themeIds: [themeId],
      memo: null,
    });
    expect(ids((await search("韧性 theme:人口流失")).hits, "PASSAGE")).toEqual([codingId]);
    await deleteCoding(await accessTo(editor, reviewId), { reviewId, codingId });
  });
});

describe("indexing in the background", () => {
  it("a search never indexes: an edit waits for the job, and the result says how many changes wait", async () => {
    await search("党建");
    const { itemId } = await createItem(await accessTo(editor, reviewId), {
      reviewId,
      fields: { titleZh: "畲族村寨的议事传统" },
    });
    const before = await searchReview(await accessTo(owner, reviewId), parseSearchParams({ q: "畲族" }));
    expect(before.total).toBe(0);
    expect(before.pendingChanges).toBeGreaterThan(0);
    const after = await search("畲族");
    expect(ids(after.hits)).toEqual([itemId]);
    expect(after.pendingChanges).toBe(0);
    await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [itemId] });
  });
});

describe("permissions inside the query", () => {
  it("a member of another review finds none of this review's content, and cannot search it", async () => {
    const outsider = other.users.OWNER.id;
    const own = await search("党建 韧性 governance", {}, outsider, other.reviewId);
    expect(own.total).toBe(0);
    expect((await search("外部综述", {}, outsider, other.reviewId)).hits.map((h) => h.id)).toEqual([other.itemId]);
    await expect(search("韧性", {}, outsider, reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // And the demo team does not find the other review's paper.
    expect((await search("外部综述")).total).toBe(0);
  });
});

describe("counts at scale", () => {
  it("counts a kind too small to estimate within a few percent outright, and checks trash once", async () => {
    const paper = papers["000"]!;
    const extra = 1_050;
    // Entries written as the indexer would for a passage holding the word 琤璁, more than a page counts cheaply.
    await db.$executeRaw`
      INSERT INTO "SearchEntry" ("id", "reviewId", "kind", "sourceId", "itemId", "title", "body", "tsv", "headTsv", "fold", "updatedAt")
      SELECT 'estimate-' || n, ${reviewId}, 'PASSAGE', 'estimate-' || n, ${paper}, '琤璁', '', '''琤璁'':1A'::tsvector,
             '''琤璁'':1A'::tsvector, '琤璁', CURRENT_TIMESTAMP
        FROM generate_series(1, ${extra}) AS n`;
    try {
      const few = await searchReview(await accessTo(owner, reviewId), parseSearchParams({ q: "琤璁", kind: "PAPER" }));
      // Too few for a share of the index to estimate within a few percent: counted outright.
      expect(few.approximate).toBe(false);
      expect(few.counts.PASSAGE).toBe(extra);
      expect(few.total).toBe(0);
      const all = await searchReview(await accessTo(owner, reviewId), parseSearchParams({ q: "琤璁" }));
      expect(all.total).toBe(extra);
      expect(all.hits).toHaveLength(20);
      // Trashing the paper takes its passages out of the counts too (checked once per statement, not per entry).
      await trashItems(await accessTo(editor, reviewId), { reviewId, itemIds: [paper] });
      const trashed = await searchReview(await accessTo(owner, reviewId), parseSearchParams({ q: "琤璁" }));
      expect(trashed).toMatchObject({ total: 0, approximate: false, hits: [] });
      await restoreItems(await accessTo(editor, reviewId), { reviewId, itemIds: [paper] });
    } finally {
      await db.$executeRaw`DELETE FROM "SearchEntry" WHERE "sourceId" LIKE 'estimate-%'`;
    }
  });
});
