import { beforeAll, describe, expect, it } from "vitest";
import { assignItems } from "@/lib/assignments/commands";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { BOARD_COLUMN_SIZE, getBoard } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "board");
  await db.reviewItem.createMany({
    data: Array.from({ length: BOARD_COLUMN_SIZE + 5 }, (_, i) => ({
      reviewId: team.reviewId,
      stageId: team.stages[1]!.id,
      titleZh: `文献 ${i}`,
      sourceKind: "MANUAL" as const,
    })),
  });
});

describe("board", () => {
  it("shows every stage with its exact count and caps each column unless expanded", async () => {
    const board = await getBoard(await accessTo(team.users.VIEWER.id, team.reviewId));
    expect(board.columns.map((column) => column.count)).toEqual([1, BOARD_COLUMN_SIZE + 5, 0, 0, 0, 0]);
    expect(board.columns[1]!.cards).toHaveLength(BOARD_COLUMN_SIZE);
    const expanded = await getBoard(await accessTo(team.users.VIEWER.id, team.reviewId), {
      expanded: [team.stages[1]!.id],
    });
    expect(expanded.columns[1]!.cards).toHaveLength(BOARD_COLUMN_SIZE + 5);
  });

  it("narrows to the reader's own items and refuses outsiders", async () => {
    await assignItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      itemIds: [team.itemId],
      userIds: [team.users.EDITOR.id],
      mode: "add",
    });
    const mine = await getBoard(await accessTo(team.users.EDITOR.id, team.reviewId), { mine: true });
    expect(mine.columns.map((column) => column.count)).toEqual([1, 0, 0, 0, 0, 0]);
    const outsider = await createReviewWithTeam(db, "outsider");
    await expect(
      accessTo(outsider.users.OWNER.id, team.reviewId).then((access) => getBoard(access)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
