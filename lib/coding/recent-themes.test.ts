// The coding popover's "recently used" themes come from the person's own codings in the review, on the server: the
// same list in every browser they sign in from, never another member's, never an archived theme.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createItem } from "@/lib/items/commands";
import { accessTo } from "@/lib/testing/access";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { archiveTheme, createTheme } from "@/lib/themes/codebook";
import { codePassage } from "./commands";
import { listRecentThemeIds } from "./queries";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let itemId: string;
const themes: Record<string, string> = {};

const fullText =
  "党建引领基层治理是新时代的重要命题。韧性治理强调在风险冲击下保持基本功能。城乡融合发展要求打破城乡二元结构。";

/** Codes a phrase as `userId` with the themes, at a given minute (so the order does not hang on the clock). */
async function code(userId: string, phrase: string, themeNames: string[], minute: number) {
  const start = fullText.indexOf(phrase);
  const { codingId } = await codePassage(await accessTo(userId, a.reviewId), {
    reviewId: a.reviewId,
    itemId,
    field: "FULL_TEXT",
    start,
    end: start + phrase.length,
    quote: phrase,
    themeIds: themeNames.map((name) => themes[name]!),
  });
  await db.coding.update({
    where: { id: codingId },
    data: { createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)) },
  });
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "ra");
  b = await createReviewWithTeam(db, "rb");
  itemId = (
    await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: { titleZh: "最近的主题", fullText },
    })
  ).itemId;
  for (const name of ["韧性", "治理", "融合", "旧主题"]) {
    themes[name] = (
      await createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: name,
        color: "#0f766e",
      })
    ).themeId;
  }
  await code(a.users.EDITOR.id, "党建引领", ["韧性"], 1);
  await code(a.users.EDITOR.id, "基层治理", ["治理"], 2);
  await code(a.users.EDITOR.id, "城乡融合", ["融合"], 3);
  await code(a.users.EDITOR.id, "韧性治理", ["韧性"], 4);
  // Someone else coding later changes nothing in the editor's list.
  await code(a.users.OWNER.id, "二元结构", ["治理", "旧主题"], 5);
  // The editor's latest theme is archived afterwards: it is no longer offered.
  await code(a.users.EDITOR.id, "基本功能", ["旧主题"], 6);
  await archiveTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
    reviewId: a.reviewId,
    themeId: themes["旧主题"],
    archived: true,
  });
});

describe("recently used themes", () => {
  it("lists the themes the member coded with, newest first, each once, without archived ones", async () => {
    expect(await listRecentThemeIds(await accessTo(a.users.EDITOR.id, a.reviewId))).toEqual([
      themes["韧性"],
      themes["融合"],
      themes["治理"],
    ]);
    expect(await listRecentThemeIds(await accessTo(a.users.EDITOR.id, a.reviewId), 2)).toEqual([
      themes["韧性"],
      themes["融合"],
    ]);
  });

  it("is the member's own: another member has theirs, one who never coded has none", async () => {
    expect(await listRecentThemeIds(await accessTo(a.users.OWNER.id, a.reviewId))).toEqual([themes["治理"]]);
    expect(await listRecentThemeIds(await accessTo(a.users.VIEWER.id, a.reviewId))).toEqual([]);
  });

  it("stays inside the review the access was resolved for", async () => {
    // The editor of review b is another person; the owner of b has coded nothing there.
    expect(await listRecentThemeIds(await accessTo(b.users.OWNER.id, b.reviewId))).toEqual([]);
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
