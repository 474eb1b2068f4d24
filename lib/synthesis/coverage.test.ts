// Coverage against a real database: a quoted passage, a passage from a cited paper, an unused one.
import { beforeAll, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { codePassage } from "@/lib/coding/commands";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTheme } from "@/lib/themes/codebook";
import { getCoverage } from "./coverage";
import type { DocNode } from "./document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "./document-schema";
import { storeSectionState } from "./document-store";
import { createSection, setSectionTrashed } from "./sections";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "cov");
});

async function store(sectionId: string, content: DocNode) {
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
}

it("tells quoted, cited and unused passages apart, per theme, gaps first", async () => {
  const owner = team.users.OWNER.id;
  const fullText = "韧性治理强调恢复。城乡融合需要协同。跨域治理需要合作。";
  await db.reviewItem.update({ where: { id: team.itemId }, data: { fullText } });
  const other = await db.reviewItem.create({
    data: { reviewId: team.reviewId, stageId: team.stages[0]!.id, titleZh: "另一篇", sourceKind: "MANUAL", fullText },
  });
  const { themeId } = await createTheme(await accessTo(owner, team.reviewId), {
    reviewId: team.reviewId,
    nameZh: "韧性",
    color: "#0f766e",
  });
  const code = async (itemId: string, start: number, end: number) =>
    codePassage(await accessTo(owner, team.reviewId), {
      reviewId: team.reviewId,
      itemId,
      field: "FULL_TEXT",
      start,
      end,
      quote: fullText.slice(start, end),
      themeIds: [themeId],
    });
  const quoted = await code(team.itemId, 0, 9);
  const fromCitedPaper = await code(team.itemId, 9, 18);
  const unused = await code(other.id, 18, 27);

  const before = await getCoverage(await accessTo(team.users.VIEWER.id, team.reviewId));
  expect(before.themes.find((row) => row.theme.id === themeId)).toMatchObject({
    total: 3,
    quoted: 0,
    cited: 0,
    unused: 3,
  });

  const { sectionId } = await createSection(await accessTo(owner, team.reviewId), {
    reviewId: team.reviewId,
    title: "韧性一节",
  });
  await store(sectionId, {
    type: "doc",
    content: [
      {
        type: "blockquote",
        attrs: { codingId: quoted.codingId, itemId: team.itemId },
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "韧性治理强调恢复。" },
              { type: "citation", attrs: { itemId: team.itemId, locator: null } },
            ],
          },
        ],
      },
    ],
  });
  const after = await getCoverage(await accessTo(team.users.VIEWER.id, team.reviewId));
  const row = after.themes.find((entry) => entry.theme.id === themeId)!;
  expect(row).toMatchObject({ total: 3, quoted: 1, cited: 1, unused: 1 });
  expect(row.passages.map((passage) => [passage.id, passage.use])).toEqual([
    [unused.codingId, "unused"],
    [fromCitedPaper.codingId, "cited"],
    [quoted.codingId, "quoted"],
  ]);
  expect(row.passages.at(-1)!.sections).toEqual([{ id: sectionId, title: "韧性一节" }]);

  // A trashed section no longer counts.
  await setSectionTrashed(await accessTo(owner, team.reviewId), { reviewId: team.reviewId, sectionId, trashed: true });
  const trashed = await getCoverage(await accessTo(owner, team.reviewId));
  expect(trashed.themes.find((entry) => entry.theme.id === themeId)).toMatchObject({ quoted: 0, cited: 0, unused: 3 });
});

it("shows another review nothing", async () => {
  const outsider = await createReviewWithTeam(db, "cov-out");
  await expect(accessTo(outsider.users.OWNER.id, team.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
});
