// The dashboard's figures come from the data: stages, members' assignments, themes, screening, trash.
import { beforeAll, describe, expect, it } from "vitest";
import { listActivity } from "@/lib/activity/queries";
import { assignItems } from "@/lib/assignments/commands";
import type { Database } from "@/lib/db/client";
import { createItem, trashItems } from "@/lib/items/commands";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { changeStage } from "@/lib/workflow/commands";
import { accessTo } from "@/lib/testing/access";
import { openRound } from "@/lib/rounds/rounds";
import { createSection } from "@/lib/synthesis/sections";
import { getDashboard, getWritingProgress } from "./queries";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "da");
});

describe("the dashboard", () => {
  it("counts items per stage, per member and per theme, leaving trashed items out", async () => {
    const owner = a.users.OWNER.id;
    const ids: string[] = [];
    for (const title of ["一", "二", "三", "四"]) {
      ids.push(
        (await createItem(await accessTo(owner, a.reviewId), { reviewId: a.reviewId, fields: { titleZh: title } }))
          .itemId,
      );
    }
    await changeStage(await accessTo(owner, a.reviewId), {
      reviewId: a.reviewId,
      itemId: ids[0],
      stageId: a.stages[1]!.id,
    });
    await assignItems(await accessTo(owner, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: [ids[0], ids[1]],
      userIds: [a.users.EDITOR.id],
      mode: "add",
    });
    const theme = await db.theme.create({ data: { reviewId: a.reviewId, nameZh: "韧性", color: "#0f766e" } });
    await db.itemTheme.createMany({ data: ids.slice(0, 3).map((itemId) => ({ itemId, themeId: theme.id })) });
    await trashItems(await accessTo(owner, a.reviewId), { reviewId: a.reviewId, itemIds: [ids[2]] });

    const dashboard = await getDashboard(await accessTo(a.users.VIEWER.id, a.reviewId));
    // The fixture's own item plus the three still in the library.
    expect(dashboard.total).toBe(4);
    expect(dashboard.trashed).toBe(1);
    expect(dashboard.stages.find((s) => s.id === a.stages[0]!.id)!.count).toBe(3);
    expect(dashboard.stages.find((s) => s.id === a.stages[1]!.id)!.count).toBe(1);
    const editor = dashboard.members.find((m) => m.id === a.users.EDITOR.id)!;
    expect(editor.assigned).toBe(2);
    expect(editor.assignedByStage.filter((s) => s.count > 0)).toHaveLength(2);
    expect(dashboard.members.find((m) => m.id === owner)!.recentChanges).toBe(1);
    expect(dashboard.unassigned).toBe(2);
    expect(dashboard.themes.find((t) => t.id === theme.id)!.items).toBe(2);
    expect(dashboard.screening.unscreened).toBe(4);
  });

  it("names the items and stages in the activity feed", async () => {
    const feed = await listActivity(await accessTo(a.users.VIEWER.id, a.reviewId), 50);
    const move = feed.events.find((event) => event.kind === "item.stageChanged")!;
    expect(move.movesStage).toBe(true);
    expect(feed.items.get(move.subjectId)?.titleZh).toBe("一");
    expect(feed.stages.get((move.data as { to: string }).to)?.nameZh).toBe(a.stages[1]!.nameZh);
    const trashed = feed.events.find((event) => event.kind === "item.deleted")!;
    expect(feed.items.get(trashed.subjectId)?.deletedAt).not.toBeNull();
  });
});

describe("writing and round progress", () => {
  it("counts sections per status and the comments and suggestions still open in each open round", async () => {
    const b = await createReviewWithTeam(db, "dw");
    const editor = b.users.EDITOR.id;
    const [intro, method, result] = await Promise.all(
      ["引言", "方法", "结果"].map(
        async (title) =>
          (await createSection(await accessTo(editor, b.reviewId), { reviewId: b.reviewId, title })).sectionId,
      ),
    );
    await db.synthesisSection.update({ where: { id: method! }, data: { status: "READY_FOR_REVIEW" } });
    await db.synthesisSection.update({ where: { id: result! }, data: { status: "APPROVED" } });
    const { roundId } = await openRound(await accessTo(b.users.SUPERVISOR.id, b.reviewId), {
      reviewId: b.reviewId,
      title: "第一轮",
      sectionIds: [intro, method],
    });
    const thread = (data: Record<string, unknown>) =>
      db.commentThread.create({
        data: { reviewId: b.reviewId, sectionId: intro!, roundId, createdById: b.users.SUPERVISOR.id, ...data },
      });
    await thread({});
    await thread({});
    await thread({ state: "ADDRESSED" });
    await thread({ suggestion: "改为「韧性」", suggestionState: "PENDING" });
    await thread({ suggestion: "删去", suggestionState: "APPLIED", state: "ACCEPTED" });

    const progress = await getWritingProgress(await accessTo(b.users.VIEWER.id, b.reviewId));
    expect(progress.sections).toEqual([
      { status: "DRAFTING", count: 1 },
      { status: "READY_FOR_REVIEW", count: 1 },
      { status: "REVISED", count: 0 },
      { status: "APPROVED", count: 1 },
    ]);
    expect(progress.sectionTotal).toBe(3);
    expect(progress.rounds).toMatchObject([
      { id: roundId, number: 1, title: "第一轮", sections: 2, openComments: 2, pendingSuggestions: 1 },
    ]);
    await expect(accessTo(a.users.OWNER.id, b.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
