// Cited references against a real database: the seeded paper's list, references cited by two items, adding one
// as an item (and the refusals that change nothing), and the list following edits of the full text.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createItem, updateItem } from "@/lib/items/commands";
import { getItemForEdit } from "@/lib/items/queries";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_REVIEW_KEY, seedDemo } from "@/seeds/seed";
import { addCitedReference } from "./commands";
import { listItemReferences, listSharedReferences } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;

const LIST_A = [
  "正文引用了两篇文献[1][2]。",
  "",
  "参考文献",
  "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.",
  "[2]王五.基层治理研究[D].北京:北京大学,2019.",
  "[3]这一条无法解析",
].join("\n");
// The same work printed another way: full-width punctuation and spaces.
const LIST_B = [
  "另一篇正文。",
  "参考文献：",
  "［1］朱正威，刘莹莹．韧性治理：风险与应急管理的新路径［J］．行政论坛，2020，27（05）：81-87．",
].join("\n");

async function addWithText(title: string, fullText: string) {
  return (
    await createItem(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      fields: { titleZh: title, fullText },
    })
  ).itemId;
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "refs");
});

describe("cited references", () => {
  it("lists the parsed references of the seeded paper that carries a reference list", async () => {
    await seedDemo(db);
    const review = await db.review.findUniqueOrThrow({ where: { seedKey: DEMO_REVIEW_KEY } });
    const owner = await db.membership.findFirstOrThrow({ where: { reviewId: review.id, role: "OWNER" } });
    const paper = await db.reviewItem.findFirstOrThrow({
      where: { reviewId: review.id, seedKey: "003_77c6651b61511a25" },
    });
    const references = await listItemReferences(await accessTo(owner.userId, review.id), paper.id);
    expect(references).toHaveLength(18);
    expect(references[0]!.parsed).toMatchObject({
      number: 1,
      type: "journal",
      authors: ["朱正威", "刘莹莹"],
      title: "韧性治理:风险与应急管理的新路径",
      container: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "05",
      pages: "81-87",
    });
    // The paper without a printed list has none, and seeding again adds nothing.
    const other = await db.reviewItem.findFirstOrThrow({
      where: { reviewId: review.id, seedKey: "002_24433d9f670e2f75" },
    });
    expect(await listItemReferences(await accessTo(owner.userId, review.id), other.id)).toEqual([]);
    await seedDemo(db);
    expect(await db.itemReference.count({ where: { reviewId: review.id } })).toBe(18);
  });

  it("marks a work cited by two items, with both items, however each prints it", async () => {
    const a = await addWithText("甲文", LIST_A);
    const b = await addWithText("乙文", LIST_B);
    const refsA = await listItemReferences(await accessTo(team.users.VIEWER.id, team.reviewId), a);
    expect(refsA.map((ref) => ref.parsed.type)).toEqual(["journal", "thesis", "unknown"]);
    expect(refsA[0]!.citedBy.map((item) => item.id).sort()).toEqual([a, b].sort());
    expect(refsA[1]!.citedBy).toEqual([]);
    expect(refsA[2]!.parsed).toMatchObject({ raw: "这一条无法解析", title: null, authors: [] });
    const { shared, total } = await listSharedReferences(await accessTo(team.users.VIEWER.id, team.reviewId));
    expect(shared).toHaveLength(1);
    expect(total).toBe(1);
    expect(shared[0]!.citedBy.map((item) => item.titleZh).sort()).toEqual(["乙文", "甲文"]);
    expect(shared[0]!.inReview).toBeNull();
  });

  it("adds a cited reference as an item with only the printed fields, then shows it as already in the review", async () => {
    const a = await addWithText("丙文", LIST_A.replace("朱正威,刘莹莹", "朱正威,刘莹莹,等"));
    const [first, , unreadable] = await listItemReferences(await accessTo(team.users.EDITOR.id, team.reviewId), a);
    const eventsBefore = await db.activityEvent.count({ where: { reviewId: team.reviewId } });
    const { itemId } = await addCitedReference(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      referenceId: first!.id,
    });
    const { fields } = await getItemForEdit(await accessTo(team.users.OWNER.id, team.reviewId), itemId);
    expect(fields).toMatchObject({
      titleZh: "韧性治理:风险与应急管理的新路径",
      titleEn: null,
      authors: [
        { nameZh: "朱正威", nameEn: null },
        { nameZh: "刘莹莹", nameEn: null },
      ],
      journalZh: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "05",
      pages: "81-87",
      doi: null,
      abstractZh: null,
      keywordsZh: [],
      fullText: null,
    });
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: itemId }, include: { stage: true } });
    expect(item.sourceNote).toBe("朱正威,刘莹莹,等.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.");
    expect(item.stage.position).toBe(0);
    const event = await db.activityEvent.findFirstOrThrow({ where: { subjectId: itemId, kind: "item.created" } });
    expect(event.data).toMatchObject({ source: "reference", citedBy: a, referenceNumber: 1 });
    expect(await db.activityEvent.count({ where: { reviewId: team.reviewId } })).toBe(eventsBefore + 1);

    const after = await listItemReferences(await accessTo(team.users.EDITOR.id, team.reviewId), a);
    expect(after[0]!.inReview?.id).toBe(itemId);

    // A second add of the same work, an unreadable entry, a viewer, another review: refused, nothing written.
    const other = await createReviewWithTeam(db, "refs-other");
    const items = await db.reviewItem.count();
    await expect(
      accessTo(team.users.EDITOR.id, team.reviewId).then((access) =>
        addCitedReference(access, { reviewId: team.reviewId, referenceId: first!.id }),
      ),
    ).rejects.toMatchObject({ code: "REFERENCE_IN_REVIEW", details: { itemId } });
    await expect(
      accessTo(team.users.EDITOR.id, team.reviewId).then((access) =>
        addCitedReference(access, { reviewId: team.reviewId, referenceId: unreadable!.id }),
      ),
    ).rejects.toMatchObject({ code: "REFERENCE_UNREADABLE" });
    const [, thesis] = after;
    await expect(
      accessTo(team.users.VIEWER.id, team.reviewId).then((access) =>
        addCitedReference(access, { reviewId: team.reviewId, referenceId: thesis!.id }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(other.users.OWNER.id, other.reviewId).then((access) =>
        addCitedReference(access, { reviewId: other.reviewId, referenceId: thesis!.id }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.reviewItem.count()).toBe(items);
  });

  it("follows the full text when it is edited", async () => {
    const a = await addWithText("丁文", LIST_A);
    expect(await db.itemReference.count({ where: { itemId: a } })).toBe(3);
    const { version, fields } = await getItemForEdit(await accessTo(team.users.EDITOR.id, team.reviewId), a);
    await updateItem(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      itemId: a,
      version,
      fields: { ...fields, fullText: LIST_B },
    });
    const refs = await listItemReferences(await accessTo(team.users.EDITOR.id, team.reviewId), a);
    expect(refs.map((ref) => ref.parsed.number)).toEqual([1]);
    await updateItem(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      itemId: a,
      version: version + 1,
      fields: { ...fields, fullText: "没有参考文献的正文。" },
    });
    expect(await db.itemReference.count({ where: { itemId: a } })).toBe(0);
  });
});
