// Stage changes with reasons, undo, assignment, My queue and the owner's stage/reason configuration,
// against a real database: what succeeds, what is refused, and that refusals change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { assignItems } from "@/lib/assignments/commands";
import type { Database } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import {
  createExclusionReason,
  createStage,
  deleteStage,
  moveStage,
  renameStage,
  updateExclusionReason,
} from "@/lib/stages/commands";
import { getWorkflowSettings } from "@/lib/stages/queries";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { bulkChangeStage, changeStage, undoStageChange } from "./commands";
import { getItemWorkflow, listMyQueue } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "wa");
  b = await createReviewWithTeam(db, "wb");
});

async function newItem(team = a, title = "文献") {
  const item = await db.reviewItem.create({
    data: { reviewId: team.reviewId, stageId: team.stages[0]!.id, titleZh: title, sourceKind: "MANUAL" },
  });
  await db.statusChange.create({ data: { itemId: item.id, toStageId: team.stages[0]!.id } });
  return item.id;
}

const excluded = (team = a) => team.stages.find((stage) => stage.kind === "EXCLUDED")!;
const reasonsOf = (team = a) =>
  db.exclusionReason.findMany({ where: { reviewId: team.reviewId }, orderBy: { position: "asc" } });

async function snapshot() {
  const [items, changes, assignments, stages, reasons, events] = await Promise.all([
    db.reviewItem.findMany({ select: { id: true, stageId: true, exclusionReasonId: true }, orderBy: { id: "asc" } }),
    db.statusChange.count(),
    db.itemAssignment.count(),
    db.reviewStage.findMany({ select: { id: true, nameZh: true, position: true }, orderBy: { id: "asc" } }),
    db.exclusionReason.findMany({ select: { id: true, labelZh: true, archivedAt: true }, orderBy: { id: "asc" } }),
    db.activityEvent.count(),
  ]);
  return { items, changes, assignments, stages, reasons, events };
}

describe("new reviews", () => {
  it("start with the default exclusion reasons", async () => {
    const reasons = await reasonsOf();
    expect(reasons.map((r) => r.labelZh)).toEqual([
      "主题不相关",
      "非学术文献",
      "研究设计不符",
      "无法获取全文",
      "语言或时间范围不符",
    ]);
  });
});

describe("changing stage", () => {
  it("records who, from, to, note and reason, and refuses excluding without a reason", async () => {
    const itemId = await newItem();
    const before = await snapshot();
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        changeStage(access, {
          reviewId: a.reviewId,
          itemId,
          stageId: excluded().id,
        }),
      ),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then(async (access) =>
        changeStage(access, {
          reviewId: a.reviewId,
          itemId,
          stageId: excluded().id,
          exclusionReasonId: (await reasonsOf(b))[0]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });
    expect(await snapshot()).toEqual(before);

    const reason = (await reasonsOf())[1]!;
    await changeStage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      stageId: excluded().id,
      exclusionReasonId: reason.id,
      note: "  书评  ",
    });
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ stageId: excluded().id, exclusionReasonId: reason.id, version: 1 });
    const latest = await db.statusChange.findFirstOrThrow({ where: { itemId }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({
      fromStageId: a.stages[0]!.id,
      toStageId: excluded().id,
      changedById: a.users.EDITOR.id,
      note: "书评",
      exclusionReasonId: reason.id,
    });

    // Leaving the excluded stage drops the reason; a reason sent along for an ordinary stage is ignored.
    await changeStage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      stageId: a.stages[1]!.id,
      exclusionReasonId: reason.id,
    });
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      stageId: a.stages[1]!.id,
      exclusionReasonId: null,
    });
  });

  it("refuses a stage that does not exist, and a viewer's or supervisor's forged request", async () => {
    const itemId = await newItem();
    const before = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        changeStage(access, {
          reviewId: a.reviewId,
          itemId,
          stageId: "no-such-stage",
        }),
      ),
    ).rejects.toMatchObject({ code: "STAGE_NOT_FOUND" });
    for (const role of ["VIEWER", "SUPERVISOR"] as const) {
      await expect(
        accessTo(a.users[role].id, a.reviewId).then((access) =>
          changeStage(access, {
            reviewId: a.reviewId,
            itemId,
            stageId: a.stages[2]!.id,
          }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) => changeStage(access, { reviewId: a.reviewId, itemId })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("moves many items at once, all or nothing", async () => {
    const ids = [await newItem(), await newItem(), await newItem()];
    const foreign = await newItem(b);
    const before = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        bulkChangeStage(access, {
          reviewId: a.reviewId,
          itemIds: [...ids, foreign],
          stageId: a.stages[2]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        bulkChangeStage(access, {
          reviewId: a.reviewId,
          itemIds: ids,
          stageId: excluded().id,
        }),
      ),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });
    expect(await snapshot()).toEqual(before);
    await changeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId: ids[0],
      stageId: a.stages[2]!.id,
    });
    const result = await bulkChangeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: ids,
      stageId: a.stages[2]!.id,
    });
    expect(result).toEqual({ changed: 2 });
  });
});

describe("undoing the last change", () => {
  it("moves the item back, restores its reason, and refuses anything but the latest change", async () => {
    const itemId = await newItem();
    const reason = (await reasonsOf())[0]!;
    await changeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      stageId: excluded().id,
      exclusionReasonId: reason.id,
    });
    await changeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      stageId: a.stages[1]!.id,
    });
    const view = await getItemWorkflow(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    const [latest, previous] = view.item.statusChanges;
    expect(view.item.undoableChangeId).toBe(latest!.id);

    const before = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        undoStageChange(access, {
          reviewId: a.reviewId,
          itemId,
          changeId: previous!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOTHING_TO_UNDO" });
    await expect(
      accessTo(a.users.VIEWER.id, a.reviewId).then((access) =>
        undoStageChange(access, {
          reviewId: a.reviewId,
          itemId,
          changeId: latest!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(b.users.OWNER.id, b.reviewId).then((access) =>
        undoStageChange(access, {
          reviewId: b.reviewId,
          itemId,
          changeId: latest!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);

    await undoStageChange(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      changeId: latest!.id,
    });
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      stageId: excluded().id,
      exclusionReasonId: reason.id,
    });
    const undo = await db.statusChange.findFirstOrThrow({ where: { revertsId: latest!.id } });
    expect(undo).toMatchObject({ changedById: a.users.EDITOR.id, toStageId: excluded().id });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        undoStageChange(access, {
          reviewId: a.reviewId,
          itemId,
          changeId: latest!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOTHING_TO_UNDO" });
  });

  it("cannot undo an item's creation", async () => {
    const itemId = await newItem();
    const view = await getItemWorkflow(await accessTo(a.users.OWNER.id, a.reviewId), itemId);
    expect(view.item.undoableChangeId).toBeNull();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        undoStageChange(access, {
          reviewId: a.reviewId,
          itemId,
          changeId: view.item.statusChanges[0]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOTHING_TO_UNDO" });
  });
});

describe("assignment and My queue", () => {
  it("assigns owners and editors, lists them in their queue by stage, and unassigns", async () => {
    const [first, second] = [await newItem(a, "甲"), await newItem(a, "乙")];
    await changeStage(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId: second,
      stageId: a.stages[2]!.id,
    });
    const result = await assignItems(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: [first, second],
      userIds: [a.users.EDITOR.id],
      mode: "add",
    });
    expect(result).toEqual({ added: 2, removed: 0 });
    const queue = await listMyQueue(await accessTo(a.users.EDITOR.id, a.reviewId));
    const byStage = Object.fromEntries(queue.map((group) => [group.stage.id, group.items.map((i) => i.titleZh)]));
    expect(byStage[a.stages[0]!.id]).toContain("甲");
    expect(byStage[a.stages[2]!.id]).toContain("乙");
    expect(byStage[a.stages[0]!.id]).not.toContain("乙");

    await assignItems(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: [second],
      userIds: [a.users.EDITOR.id],
      mode: "remove",
    });
    const after = await listMyQueue(await accessTo(a.users.EDITOR.id, a.reviewId));
    expect(after.flatMap((group) => group.items.map((i) => i.id))).not.toContain(second);
  });

  it("refuses assigning viewers, supervisors, outsiders, or by roles without the right", async () => {
    const itemId = await newItem();
    const foreignItem = await newItem(b);
    const before = await snapshot();
    for (const assignee of [a.users.VIEWER.id, a.users.SUPERVISOR.id, b.users.EDITOR.id]) {
      await expect(
        accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
          assignItems(access, { reviewId: a.reviewId, itemIds: [itemId], userIds: [assignee], mode: "add" }),
        ),
      ).rejects.toMatchObject({ code: "ASSIGNEE_INVALID" });
    }
    for (const role of ["VIEWER", "SUPERVISOR"] as const) {
      await expect(
        accessTo(a.users[role].id, a.reviewId).then((access) =>
          assignItems(access, {
            reviewId: a.reviewId,
            itemIds: [itemId],
            userIds: [a.users.EDITOR.id],
            mode: "add",
          }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        assignItems(access, {
          reviewId: a.reviewId,
          itemIds: [foreignItem],
          userIds: [a.users.EDITOR.id],
          mode: "add",
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("configuring stages and exclusion reasons", () => {
  it("lets only the owner add, rename, reorder and delete unused stages", async () => {
    const team = await createReviewWithTeam(db, "stages");
    for (const role of ["EDITOR", "SUPERVISOR", "VIEWER"] as ReviewRole[]) {
      await expect(
        accessTo(team.users[role].id, team.reviewId).then((access) =>
          createStage(access, {
            reviewId: team.reviewId,
            nameZh: "精读",
            nameEn: "Close reading",
          }),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const { id } = await createStage(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      nameZh: "精读",
      nameEn: "Close reading",
    });
    let settings = await getWorkflowSettings(await accessTo(team.users.VIEWER.id, team.reviewId));
    expect(settings.stages.map((s) => s.nameZh)).toEqual([
      "待筛选",
      "待阅读",
      "阅读中",
      "已编码",
      "已综合",
      "精读",
      "已排除",
    ]);

    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        createStage(access, {
          reviewId: team.reviewId,
          nameZh: "精读",
          nameEn: "Other",
        }),
      ),
    ).rejects.toMatchObject({ code: "DUPLICATE_NAME" });
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        renameStage(access, {
          reviewId: team.reviewId,
          stageId: id,
          nameZh: "待阅读",
          nameEn: "x",
        }),
      ),
    ).rejects.toMatchObject({ code: "DUPLICATE_NAME" });
    await renameStage(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      stageId: id,
      nameZh: "细读",
      nameEn: "Deep read",
    });
    await moveStage(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      stageId: id,
      direction: "up",
    });
    await moveStage(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      stageId: id,
      direction: "up",
    });
    settings = await getWorkflowSettings(await accessTo(team.users.OWNER.id, team.reviewId));
    expect(settings.stages.map((s) => s.nameZh)).toEqual([
      "待筛选",
      "待阅读",
      "阅读中",
      "细读",
      "已编码",
      "已综合",
      "已排除",
    ]);
    expect(new Set(settings.stages.map((s) => s.position)).size).toBe(7);

    // The first stage holds the fixture's item: it stays.
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        deleteStage(access, {
          reviewId: team.reviewId,
          stageId: team.stages[0]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "STAGE_IN_USE" });
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        deleteStage(access, {
          reviewId: team.reviewId,
          stageId: excluded(team).id,
        }),
      ),
    ).rejects.toMatchObject({ code: "STAGE_IN_USE" });
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        deleteStage(access, { reviewId: a.reviewId, stageId: id }),
      ),
    ).rejects.toMatchObject({
      code: "STAGE_NOT_FOUND",
    });
    settings = await getWorkflowSettings(await accessTo(team.users.OWNER.id, team.reviewId));
    expect(settings.stages.filter((s) => s.deletable).map((s) => s.nameZh)).toEqual([
      "待阅读",
      "阅读中",
      "细读",
      "已编码",
      "已综合",
    ]);
    await deleteStage(await accessTo(team.users.OWNER.id, team.reviewId), { reviewId: team.reviewId, stageId: id });
    settings = await getWorkflowSettings(await accessTo(team.users.OWNER.id, team.reviewId));
    expect(settings.stages).toHaveLength(6);
  });

  it("edits, archives and restores exclusion reasons, keeping at least one on offer", async () => {
    const team = await createReviewWithTeam(db, "reasons");
    await expect(
      accessTo(team.users.EDITOR.id, team.reviewId).then((access) =>
        createExclusionReason(access, {
          reviewId: team.reviewId,
          labelZh: "综述类",
          labelEn: "A review",
        }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await createExclusionReason(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      labelZh: "综述类",
      labelEn: "A review",
    });
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        createExclusionReason(access, {
          reviewId: team.reviewId,
          labelZh: "综述类",
          labelEn: "x",
        }),
      ),
    ).rejects.toMatchObject({ code: "DUPLICATE_NAME" });
    const reasons = await reasonsOf(team);
    expect(reasons.at(-1)).toMatchObject({ id, position: 5 });

    // Archived reasons are no longer accepted for new exclusions.
    await updateExclusionReason(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      reasonId: id,
      labelZh: "综述类文献",
      labelEn: "Review article",
      archived: "true",
    });
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        changeStage(access, {
          reviewId: team.reviewId,
          itemId: team.itemId,
          stageId: excluded(team).id,
          exclusionReasonId: id,
        }),
      ),
    ).rejects.toMatchObject({ code: "EXCLUSION_REASON_REQUIRED" });

    for (const reason of reasons.slice(0, -2)) {
      await updateExclusionReason(await accessTo(team.users.OWNER.id, team.reviewId), {
        ...reason,
        reasonId: reason.id,
        archived: "true",
      });
    }
    const last = reasons.at(-2)!;
    await expect(
      accessTo(team.users.OWNER.id, team.reviewId).then((access) =>
        updateExclusionReason(access, {
          reviewId: team.reviewId,
          reasonId: last.id,
          labelZh: last.labelZh,
          labelEn: last.labelEn,
          archived: "true",
        }),
      ),
    ).rejects.toMatchObject({ code: "LAST_EXCLUSION_REASON" });
    await updateExclusionReason(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      reasonId: id,
      labelZh: "综述类文献",
      labelEn: "Review article",
      archived: "false",
    });
    expect((await reasonsOf(team)).find((r) => r.id === id)).toMatchObject({ labelZh: "综述类文献", archivedAt: null });
  });
});
