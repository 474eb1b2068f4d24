// Screening joined to the rest of the review, against a real database: the owner's ruling starts with no decision
// and with the reason the voters agree on; excluded papers leave the matrix and the citation picker unless asked
// for; citations of excluded or unscreened papers are flagged; papers added from reference lists count as
// citation searching in PRISMA; highlight words and the stored full text reach the desk.
import { accessTo } from "@/lib/testing/access";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { getMatrix } from "@/lib/coding/queries";
import { createItem } from "@/lib/items/commands";
import { addCitedReference } from "@/lib/references/commands";
import { listItemReferences } from "@/lib/references/queries";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { searchCitableItems } from "@/lib/synthesis/queries";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { castVote, resolveConflict, setScreeningHighlights } from "./commands";
import { getPrismaFlow } from "./prisma-flow";
import { getHighlightTerms, getScreeningDesk, listScreeningConflicts } from "./queries";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let reasons: { id: string; labelZh: string }[];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "link");
  reasons = await db.exclusionReason.findMany({ where: { reviewId: team.reviewId }, orderBy: { position: "asc" } });
});

const owner = () => team.users.OWNER.id;
const editor = () => team.users.EDITOR.id;

async function newItem(title: string, fullText?: string) {
  return (
    await createItem(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      fields: { titleZh: title, fullText },
    })
  ).itemId;
}

async function screen(itemId: string, ownerVote: "INCLUDE" | "EXCLUDE" | "MAYBE", editorVote: typeof ownerVote) {
  const reasonId = reasons[0]!.id;
  await castVote(await accessTo(owner(), team.reviewId), {
    reviewId: team.reviewId,
    itemId,
    choice: ownerVote,
    reasonId,
  });
  await castVote(await accessTo(editor(), team.reviewId), {
    reviewId: team.reviewId,
    itemId,
    choice: editorVote,
    reasonId,
  });
}

describe("conflict ruling", () => {
  it("offers no decision, pre-fills only an agreed exclusion reason, and refuses a ruling without a decision", async () => {
    const agreed = await newItem("理由一致的分歧");
    await castVote(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: agreed,
      choice: "EXCLUDE",
      reasonId: reasons[1]!.id,
    });
    await castVote(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: agreed,
      choice: "MAYBE",
    });
    const open = await newItem("纳入与待定");
    await castVote(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      itemId: open,
      choice: "INCLUDE",
    });
    await castVote(await accessTo(editor(), team.reviewId), { reviewId: team.reviewId, itemId: open, choice: "MAYBE" });

    const { conflicts } = await listScreeningConflicts(await accessTo(owner(), team.reviewId));
    const byId = new Map(conflicts.map((item) => [item.id, item]));
    expect(byId.get(agreed)?.agreedReasonId).toBe(reasons[1]!.id);
    expect(byId.get(agreed)?.screeningVotes.map((vote) => [vote.choice, vote.reason?.labelZh ?? null])).toEqual([
      ["EXCLUDE", reasons[1]!.labelZh],
      ["MAYBE", null],
    ]);
    expect(byId.get(open)?.agreedReasonId).toBeNull();

    const decisions = await db.screeningDecision.count();
    await expect(
      resolveConflict(await accessTo(owner(), team.reviewId), { reviewId: team.reviewId, itemId: agreed }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      resolveConflict(await accessTo(owner(), team.reviewId), { reviewId: team.reviewId, itemId: agreed, choice: "" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.screeningDecision.count()).toBe(decisions);
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: agreed } })).screeningState).toBe("CONFLICT");
  });
});

describe("excluded papers outside screening", () => {
  it("leaves excluded papers out of the matrix and the citation picker unless asked, then marks them", async () => {
    const kept = await newItem("保留的韧性研究");
    const excluded = await newItem("被排除的韧性研究");
    const laterExcluded = await newItem("全文阶段排除的韧性研究");
    const unscreened = await newItem("未筛选的韧性研究");
    await screen(kept, "INCLUDE", "INCLUDE");
    await screen(excluded, "EXCLUDE", "EXCLUDE");
    // Included at screening, then moved to the excluded stage after reading the full text.
    await screen(laterExcluded, "INCLUDE", "INCLUDE");
    const excludedStage = team.stages.find((stage) => stage.kind === "EXCLUDED")!;
    await db.reviewItem.update({
      where: { id: laterExcluded },
      data: { stageId: excludedStage.id, exclusionReasonId: reasons[3]!.id },
    });

    const hidden = await getMatrix(await accessTo(team.users.VIEWER.id, team.reviewId));
    const hiddenIds = hidden.items.map((item) => item.id);
    expect(hiddenIds).toEqual(expect.arrayContaining([kept, unscreened]));
    expect(hiddenIds).not.toContain(excluded);
    expect(hiddenIds).not.toContain(laterExcluded);
    expect(hidden.hiddenExcluded).toBe(2);
    expect(hidden.items.every((item) => !item.excluded)).toBe(true);

    const shown = await getMatrix(await accessTo(team.users.VIEWER.id, team.reviewId), { showExcluded: true });
    const marked = new Map(shown.items.map((item) => [item.id, item.excluded]));
    expect([marked.get(kept), marked.get(excluded), marked.get(laterExcluded)]).toEqual([false, true, true]);
    expect(shown.hiddenExcluded).toBe(0);

    const picked = await searchCitableItems(await accessTo(editor(), team.reviewId), "韧性研究");
    expect(Object.fromEntries(picked.map((item) => [item.id, item.standing]))).toEqual({
      [kept]: "screened",
      [unscreened]: "unscreened",
    });
    const all = await searchCitableItems(await accessTo(editor(), team.reviewId), "韧性研究", {
      includeExcluded: true,
    });
    expect(Object.fromEntries(all.map((item) => [item.id, item.standing]))).toMatchObject({
      [excluded]: "excluded",
      [laterExcluded]: "excluded",
    });

    const { sectionId } = await createSection(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      title: "讨论",
    });
    const rendered = await renderSynthesisCitations(await accessTo(editor(), team.reviewId), {
      locale: "zh-CN",
      live: {
        sectionId,
        citations: [kept, excluded, unscreened].map((itemId) => ({ itemId, locator: null })),
      },
    });
    expect(Object.fromEntries(rendered.bibliography.map((entry) => [entry.itemId, entry.standing]))).toEqual({
      [kept]: "screened",
      [excluded]: "excluded",
      [unscreened]: "unscreened",
    });
  });
});

describe("PRISMA other methods", () => {
  it("counts a paper added from a reference list under citation searching, not as added by hand", async () => {
    const before = await getPrismaFlow(await accessTo(owner(), team.reviewId));
    const citing = await newItem(
      "带参考文献的论文",
      ["正文。", "参考文献", "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87."].join(
        "\n",
      ),
    );
    const [reference] = await listItemReferences(await accessTo(editor(), team.reviewId), citing);
    const { itemId } = await addCitedReference(await accessTo(editor(), team.reviewId), {
      reviewId: team.reviewId,
      referenceId: reference!.id,
    });
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).sourceKind).toBe("CITATION_SEARCH");

    const after = await getPrismaFlow(await accessTo(owner(), team.reviewId));
    const manual = (flow: typeof after) => flow.identifiedBySource.find((row) => row.source === "MANUAL")?.count ?? 0;
    expect(after.identifiedByOtherMethods).toBe(before.identifiedByOtherMethods + 1);
    expect(manual(after)).toBe(manual(before) + 1); // the citing paper itself was added by hand
    expect(after.identifiedBySource.some((row) => row.source === "CITATION_SEARCH")).toBe(false);
    expect(after.identified).toBe(before.identified + 2);
  });
});

describe("the desk reads with highlight words and knows about the full text", () => {
  it("saves the review's highlight words for everyone, refuses viewers, and flags the full-text reason", async () => {
    await expect(
      setScreeningHighlights(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        terms: "韧性、 基层治理,resilience\n韧性",
      }),
    ).resolves.toEqual({ terms: ["韧性", "基层治理", "resilience"] });
    await expect(
      setScreeningHighlights(await accessTo(team.users.VIEWER.id, team.reviewId), {
        reviewId: team.reviewId,
        terms: "别的",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setScreeningHighlights(await accessTo(editor(), team.reviewId), {
        reviewId: team.reviewId,
        terms: "x".repeat(41),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const withText = await newItem("有全文的论文", "第一段。\n第二段讲韧性。");
    const desk = await getScreeningDesk(await accessTo(owner(), team.reviewId), { itemId: withText });
    expect(desk.highlights).toEqual(["韧性", "基层治理", "resilience"]);
    // The same words reach every reader of the review's papers (the PDF page marks them too), viewers included.
    expect(await getHighlightTerms(await accessTo(team.users.VIEWER.id, team.reviewId))).toEqual([
      "韧性",
      "基层治理",
      "resilience",
    ]);
    expect(desk.current?.hasFullText).toBe(true);
    expect(desk.reasons.filter((reason) => reason.fullTextUnavailable).map((reason) => reason.labelZh)).toEqual([
      "无法获取全文",
    ]);
    const bare = await newItem("没有全文的论文");
    expect(
      (await getScreeningDesk(await accessTo(owner(), team.reviewId), { itemId: bare })).current?.hasFullText,
    ).toBe(false);
  });
});
