// The codebook and passage coding against a real database: coding, anchors following corrected text, merges,
// imports, the matrix and the two-coder comparison — and the refusals that change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createItem, updateItem } from "@/lib/items/commands";
import { getItemForEdit } from "@/lib/items/queries";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { codebookToCsv } from "@/lib/themes/codebook-exchange";
import {
  archiveTheme,
  createTheme,
  exportCodebook,
  importCodebook,
  mergeThemes,
  updateTheme,
} from "@/lib/themes/codebook";
import { codePassage, deleteCoding, updateCoding } from "./commands";
import { compareCoders, getMatrix, listItemCodings, listThemePassages } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let itemId: string;
let resilience: string;
let integration: string;

const fullText =
  "党建引领基层治理是新时代的重要命题。\n韧性治理强调在风险冲击下保持基本功能，并在冲击后迅速恢复。\n城乡融合发展要求打破城乡二元结构，实现要素双向流动。";

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "ca");
  b = await createReviewWithTeam(db, "cb");
  itemId = (
    await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: { titleZh: "韧性与融合", fullText },
    })
  ).itemId;
  resilience = (
    await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      nameZh: "韧性",
      nameEn: "Resilience",
      color: "#C2410C",
    })
  ).themeId;
  integration = (
    await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      nameZh: "城乡融合",
      color: "#15803d",
    })
  ).themeId;
});

const select = (quote: string) => {
  const start = fullText.indexOf(quote);
  return { start, end: start + quote.length, quote };
};

async function snapshot() {
  const [themes, codings, links, tags, events] = await Promise.all([
    db.theme.findMany({ orderBy: { id: "asc" } }),
    db.coding.findMany({ orderBy: { id: "asc" } }),
    db.codingTheme.count(),
    db.itemTheme.count(),
    db.activityEvent.count(),
  ]);
  return { themes, codings, links, tags, events };
}

describe("the codebook", () => {
  it("refuses a name that exists in either language, any case, and a bad colour", async () => {
    const before = await snapshot();
    await expect(
      createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "韧性",
        color: "#000000",
      }),
    ).rejects.toMatchObject({ code: "DUPLICATE_NAME" });
    await expect(
      createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "新主题",
        nameEn: "resilience",
        color: "#000000",
      }),
    ).rejects.toMatchObject({ code: "DUPLICATE_NAME" });
    await expect(
      createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "新主题",
        color: "red",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      createTheme(await accessTo(a.users.VIEWER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "新主题",
        color: "#000000",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to put a theme under its own child", async () => {
    const child = (
      await createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "组织韧性",
        color: "#7c3aed",
        parentId: resilience,
      })
    ).themeId;
    const before = await snapshot();
    await expect(
      updateTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        themeId: resilience,
        nameZh: "韧性",
        color: "#c2410c",
        parentId: child,
      }),
    ).rejects.toMatchObject({ code: "THEME_CYCLE" });
    expect(await snapshot()).toEqual(before);
    await archiveTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      themeId: child,
      archived: true,
    });
  });
});

describe("coding passages", () => {
  it("codes a selection, across paragraphs too, and lists it with who and when", async () => {
    const { codingId } = await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...select("在风险冲击下保持基本功能"),
      themeIds: [resilience],
      memo: "核心定义",
    });
    await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...select("迅速恢复。\n城乡融合"),
      // As a browser submits it: form data carries line breaks as CRLF.
      quote: "迅速恢复。\r\n城乡融合",
      themeIds: [resilience, integration],
    });
    const { codings } = await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    expect(codings).toHaveLength(2);
    const first = codings.find((c) => c.id === codingId)!;
    expect(first).toMatchObject({
      quote: "在风险冲击下保持基本功能",
      memo: "核心定义",
      status: "exact",
      createdBy: { name: "ca-editor" },
    });
    expect(fullText.slice(first.start, first.end)).toBe(first.quote);
  });

  it("refuses a stale selection, an archived theme, a viewer and a foreign item — writing nothing", async () => {
    const before = await snapshot();
    const good = {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...select("城乡二元结构"),
      themeIds: [integration],
    };
    await expect(
      codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), { ...good, quote: "别的文字" }),
    ).rejects.toMatchObject({
      code: "UNANCHORABLE",
    });
    await expect(
      codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), { ...good, start: 500, end: 510 }),
    ).rejects.toMatchObject({
      code: "UNANCHORABLE",
    });
    await expect(
      codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), { ...good, field: "ABSTRACT_ZH" }),
    ).rejects.toMatchObject({
      code: "UNANCHORABLE",
    });
    await expect(codePassage(await accessTo(a.users.VIEWER.id, a.reviewId), good)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(codePassage(await accessTo(a.users.SUPERVISOR.id, a.reviewId), good)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A member of another review: no access to this one, and their own access does not reach this review's item.
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(codePassage(await accessTo(b.users.OWNER.id, b.reviewId), good)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), { ...good, themeIds: [] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("follows corrected text and flags a passage that was deleted", async () => {
    const edit = await getItemForEdit(await accessTo(a.users.OWNER.id, a.reviewId), itemId);
    const corrected = "【摘要】" + fullText.replace("并在冲击后迅速恢复。\n", "");
    await updateItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: edit.version,
      fields: { ...edit.fields, fullText: corrected },
    });
    const { codings } = await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    const kept = codings.find((c) => c.quote === "在风险冲击下保持基本功能")!;
    expect(corrected.slice(kept.start, kept.end)).toBe("在风险冲击下保持基本功能");
    expect(codings.find((c) => c.quote.startsWith("迅速恢复"))).toMatchObject({ orphaned: true, status: "orphaned" });
  });

  it("edits themes and memo, and deletes", async () => {
    const { codings } = await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    const target = codings.find((c) => c.orphaned)!;
    await updateCoding(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      codingId: target.id,
      themeIds: [integration],
      memo: "已改",
    });
    const after = (await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId)).codings.find(
      (c) => c.id === target.id,
    )!;
    expect([after.memo, after.themes.map((t) => t.id)]).toEqual(["已改", [integration]]);
    await deleteCoding(await accessTo(a.users.OWNER.id, a.reviewId), { reviewId: a.reviewId, codingId: target.id });
    expect((await listItemCodings(await accessTo(a.users.VIEWER.id, a.reviewId), itemId)).codings).toHaveLength(1);
  });
});

describe("merging, the matrix and the theme page", () => {
  it("moves tags and codings to the survivor, records the merge, and refuses merging into itself", async () => {
    const extra = (
      await createTheme(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "抗逆力",
        color: "#0369a1",
      })
    ).themeId;
    await codePassage(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      field: "FULL_TEXT",
      ...((q) => {
        const t = "【摘要】" + fullText.replace("并在冲击后迅速恢复。\n", "");
        const s = t.indexOf(q);
        return { start: s, end: s + q.length, quote: q };
      })("城乡二元结构"),
      themeIds: [extra],
    });
    await db.itemTheme.create({ data: { itemId, themeId: extra } });
    const before = await snapshot();
    await expect(
      mergeThemes(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        sourceId: extra,
        targetId: extra,
      }),
    ).rejects.toMatchObject({ code: "MERGE_INTO_ITSELF" });
    await expect(
      mergeThemes(await accessTo(a.users.VIEWER.id, a.reviewId), {
        reviewId: a.reviewId,
        sourceId: extra,
        targetId: resilience,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    expect(
      await mergeThemes(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        sourceId: extra,
        targetId: resilience,
      }),
    ).toEqual({ movedTags: 1, movedCodings: 1 });
    const merged = await db.theme.findUniqueOrThrow({ where: { id: extra } });
    expect(merged.mergedIntoId).toBe(resilience);
    expect(merged.archivedAt).not.toBeNull();
    expect(await db.activityEvent.count({ where: { kind: "theme.merged", subjectId: resilience } })).toBe(1);

    const matrix = await getMatrix(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(matrix.themes.map((t) => t.id)).not.toContain(extra);
    expect(matrix.cell(resilience, itemId)).toEqual({ count: 2, tagged: true });
    const page = await listThemePassages(await accessTo(a.users.VIEWER.id, a.reviewId), resilience);
    expect(page.total).toBe(2);
    expect(page.papers[0]!.passages.map((p) => p.quote)).toContain("城乡二元结构");
  });
});

describe("codebook exchange", () => {
  it("imports a CSV: existing names are updated, new ones created with their parents", async () => {
    const exported = await exportCodebook(await accessTo(a.users.VIEWER.id, a.reviewId));
    const csv = codebookToCsv([
      ...exported.map((t) => (t.nameZh === "韧性" ? { ...t, definitionZh: "系统在冲击下维持与恢复功能的能力" } : t)),
      {
        key: "n1",
        nameZh: "网格化治理",
        nameEn: "Grid governance",
        color: "#4d7c0f",
        definitionZh: null,
        definitionEn: null,
        inclusionNotes: "包括网格员",
        parentKey: resilience,
      },
    ]);
    expect(
      await importCodebook(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        format: "csv",
        text: csv,
      }),
    ).toEqual({
      created: 1,
      updated: exported.length,
    });
    const grid = await db.theme.findFirstOrThrow({ where: { reviewId: a.reviewId, nameZh: "网格化治理" } });
    expect(grid.parentId).toBe(resilience);
    expect((await db.theme.findUniqueOrThrow({ where: { id: resilience } })).definitionZh).toBe(
      "系统在冲击下维持与恢复功能的能力",
    );
  });

  it("refuses a file with problems and reports them, importing nothing", async () => {
    const before = await snapshot();
    const attempt = importCodebook(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      format: "csv",
      text: "name_zh,color\n甲,#zzzzzz\n",
    });
    await expect(attempt).rejects.toMatchObject({
      code: "CODEBOOK_INVALID",
      details: { problems: [expect.objectContaining({ line: 2 })] },
    });
    await expect(
      importCodebook(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        format: "qdc",
        text: "not xml",
      }),
    ).rejects.toMatchObject({ code: "CODEBOOK_INVALID" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("two coders compared", () => {
  it("pairs overlapping passages and computes kappa over the items both coded", async () => {
    const texts = ["甲乙丙丁戊己庚辛", "子丑寅卯辰巳午未", "天地玄黄宇宙洪荒"];
    const ids: string[] = [];
    for (const [n, text] of texts.entries()) {
      ids.push(
        (
          await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
            reviewId: a.reviewId,
            fields: { titleZh: `比较${n}`, fullText: text },
          })
        ).itemId,
      );
    }
    const code = async (userId: string, index: number, from: number, to: number, themes: string[]) =>
      codePassage(await accessTo(userId, a.reviewId), {
        reviewId: a.reviewId,
        itemId: ids[index],
        field: "FULL_TEXT",
        start: from,
        end: to,
        quote: texts[index]!.slice(from, to),
        themeIds: themes,
      });
    await code(a.users.OWNER.id, 0, 0, 4, [integration]);
    await code(a.users.EDITOR.id, 0, 2, 6, [integration]);
    await code(a.users.OWNER.id, 1, 0, 2, [integration]);
    await code(a.users.EDITOR.id, 1, 4, 6, [resilience]);
    await code(a.users.OWNER.id, 2, 0, 2, [resilience]);
    await code(a.users.EDITOR.id, 2, 0, 2, [resilience]);
    const result = await compareCoders(await accessTo(a.users.VIEWER.id, a.reviewId), {
      themeId: integration,
      firstId: a.users.OWNER.id,
      secondId: a.users.EDITOR.id,
    });
    expect(result.both).toHaveLength(1);
    expect(result.firstOnly.map((c) => c.quote)).toEqual(["子丑"]);
    expect(result.secondOnly).toHaveLength(0);
    // Items both read: the three above (the editor coded the first paper too). Owner yes/yes/no, editor yes/no/no.
    expect(result.kappa.units).toBeGreaterThanOrEqual(3);
    expect([result.kappa.both, result.kappa.firstOnly]).toEqual([1, 1]);
    await expect(
      compareCoders(await accessTo(a.users.VIEWER.id, a.reviewId), {
        themeId: integration,
        firstId: a.users.OWNER.id,
        secondId: b.users.OWNER.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
