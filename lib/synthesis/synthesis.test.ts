// The synthesis against a real database: sections and their order, the text the collaboration server
// stores (with automatic snapshots), named versions, citations numbered across the whole synthesis,
// exports, the citation search and the collaboration ticket — and the refusals that change nothing.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { issueSectionTicket } from "@/lib/collab/issue-ticket";
import { verifyCollabToken } from "@/lib/collab/token";
import type { Database } from "@/lib/db/client";
import { createItem, trashItems } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS, type ItemFields } from "@/lib/items/item-fields";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { archiveTheme, createTheme, mergeThemes } from "@/lib/themes/codebook";
import { renderSynthesisCitations } from "./bibliography";
import type { DocNode } from "./document-model";
import { SECTION_FRAGMENT, sectionExtensions } from "./document-schema";
import { AUTO_SNAPSHOT_INTERVAL_MS, loadSectionState, storeSectionState } from "./document-store";
import { exportSynthesis } from "./export";
import {
  getSectionForEditor,
  getSectionVersion,
  listSections,
  listSectionVersions,
  searchCitableItems,
} from "./queries";
import {
  createSection,
  moveSection,
  saveSectionVersion,
  setCitationStyle,
  setSectionTrashed,
  updateSection,
} from "./sections";
import { accessTo } from "@/lib/testing/access";

const AUTH_SECRET = "synthesis-test-secret-0123456789abcdef";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let resilience: string;
let bTheme: string;
let bSection: string;

const schema = getSchema(sectionExtensions());

// ProseMirror JSON the way the editor writes it: through a Yjs document and back, as the server reads it.
function yjsDocument(doc: DocNode): { state: Uint8Array; content: DocNode } {
  const ydoc = prosemirrorJSONToYDoc(schema, doc, SECTION_FRAGMENT);
  return { state: Y.encodeStateAsUpdate(ydoc), content: yDocToProsemirrorJSON(ydoc, SECTION_FRAGMENT) as DocNode };
}

async function store(sectionId: string, doc: DocNode, updatedById: string | null = null, now?: Date) {
  const { state, content } = yjsDocument(doc);
  await storeSectionState({ sectionId, state, content, updatedById }, now);
  return state;
}

const text = (value: string): DocNode => ({ type: "text", text: value });
const cite = (itemId: string, locator: string | null = null): DocNode => ({
  type: "citation",
  attrs: { itemId, locator },
});
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

const headings = { bibliography: "参考文献", notes: "注释", untitled: "综述" };

async function snapshot() {
  const [sections, documents, versions, events, reviews] = await Promise.all([
    db.synthesisSection.findMany({ orderBy: { id: "asc" } }),
    db.sectionDocument.findMany({ orderBy: { sectionId: "asc" }, select: { sectionId: true, text: true } }),
    db.sectionVersion.count(),
    db.activityEvent.count(),
    db.review.findMany({ orderBy: { id: "asc" }, select: { id: true, citationStyle: true } }),
  ]);
  return { sections, documents, versions, events, reviews };
}

async function order(reviewId: string) {
  const sections = await db.synthesisSection.findMany({
    where: { reviewId, deletedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, position: true },
  });
  return sections.map((section) => section.id);
}

const section = (id: string) => db.synthesisSection.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  process.env.AUTH_SECRET = AUTH_SECRET;
  a = await createReviewWithTeam(db, "sa");
  b = await createReviewWithTeam(db, "sb");
  resilience = (
    await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      nameZh: "韧性",
      color: "#c2410c",
    })
  ).themeId;
  bTheme = (
    await createTheme(await accessTo(b.users.EDITOR.id, b.reviewId), {
      reviewId: b.reviewId,
      nameZh: "协同",
      color: "#15803d",
    })
  ).themeId;
  bSection = (
    await createSection(await accessTo(b.users.EDITOR.id, b.reviewId), { reviewId: b.reviewId, title: "他人的章节" })
  ).sectionId;
});

describe("sections", () => {
  let intro: string;
  let body: string;
  let outro: string;

  it("adds sections at the end, owned by their author unless another writer is named", async () => {
    intro = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "  引言  " })
    ).sectionId;
    body = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        title: "韧性治理的内涵",
        themeId: resilience,
      })
    ).sectionId;
    outro = (
      await createSection(await accessTo(a.users.OWNER.id, a.reviewId), {
        reviewId: a.reviewId,
        title: "结论",
        themeId: "",
        ownerId: a.users.EDITOR.id,
      })
    ).sectionId;

    expect(await section(intro)).toMatchObject({
      title: "引言",
      position: 0,
      status: "DRAFTING",
      version: 1,
      themeId: null,
      ownerId: a.users.EDITOR.id,
      createdById: a.users.EDITOR.id,
    });
    expect(await section(body)).toMatchObject({ position: 1, themeId: resilience });
    expect(await section(outro)).toMatchObject({
      position: 2,
      ownerId: a.users.EDITOR.id,
      createdById: a.users.OWNER.id,
    });
    expect(
      await db.activityEvent.count({
        where: { reviewId: a.reviewId, kind: "section.created", subjectType: "section" },
      }),
    ).toBe(3);

    const forViewer = await listSections(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(forViewer.canWrite).toBe(false);
    expect(forViewer.citationStyle).toBe("GBT7714_NUMERIC");
    expect(forViewer.sections.map((s) => s.title)).toEqual(["引言", "韧性治理的内涵", "结论"]);
    expect(forViewer.sections[1]!.theme).toMatchObject({ id: resilience, nameZh: "韧性" });
    expect(forViewer.sections[0]).toMatchObject({ characters: 0, citedCount: 0, lastEdit: null });
    expect(forViewer.writers.map((w) => w.id).sort()).toEqual([a.users.OWNER.id, a.users.EDITOR.id].sort());
    expect(forViewer.trashed).toEqual([]);
    expect((await listSections(await accessTo(a.users.EDITOR.id, a.reviewId))).canWrite).toBe(true);
    expect((await listSections(await accessTo(a.users.SUPERVISOR.id, a.reviewId))).canWrite).toBe(false);
  });

  it("moves a section up and down; at either edge nothing changes", async () => {
    await moveSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: outro,
      direction: "up",
    });
    expect(await order(a.reviewId)).toEqual([intro, outro, body]);
    expect(
      await db.activityEvent.count({
        where: { subjectId: outro, kind: "section.reordered", data: { equals: { direction: "up" } } },
      }),
    ).toBe(1);

    const before = await snapshot();
    await moveSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: intro,
      direction: "up",
    });
    await moveSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: body,
      direction: "down",
    });
    expect(await snapshot()).toEqual(before);

    await moveSection(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: outro,
      direction: "down",
    });
    expect(await order(a.reviewId)).toEqual([intro, body, outro]);
    const positions = await Promise.all([intro, body, outro].map(async (id) => (await section(id)).position));
    expect(positions).toEqual([0, 1, 2]);

    const editor = await getSectionForEditor(await accessTo(a.users.VIEWER.id, a.reviewId), body);
    expect(editor.siblings.map((s) => s.id)).toEqual([intro, body, outro]);
    expect(editor.canWrite).toBe(false);
    expect((await getSectionForEditor(await accessTo(a.users.EDITOR.id, a.reviewId), body)).canWrite).toBe(true);
  });

  it("updates title, theme, status and owner against the version it was read at", async () => {
    const { version } = await updateSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: intro,
      title: "研究背景",
      themeId: resilience,
      ownerId: a.users.OWNER.id,
      status: "READY_FOR_REVIEW",
      // As a form submits it.
      version: "1",
    });
    expect(version).toBe(2);
    expect(await section(intro)).toMatchObject({
      title: "研究背景",
      themeId: resilience,
      ownerId: a.users.OWNER.id,
      status: "READY_FOR_REVIEW",
      version: 2,
    });
    const event = await db.activityEvent.findFirstOrThrow({ where: { subjectId: intro, kind: "section.updated" } });
    expect(event.data).toMatchObject({
      title: "研究背景",
      fields: ["title", "themeId", "status", "ownerId"],
      from: "DRAFTING",
      to: "READY_FOR_REVIEW",
    });

    // Saving without a change neither bumps the version nor records anything.
    const before = await snapshot();
    const same = {
      reviewId: a.reviewId,
      sectionId: intro,
      title: "研究背景",
      themeId: resilience,
      ownerId: a.users.OWNER.id,
      status: "READY_FOR_REVIEW",
      version: 2,
    };
    expect(await updateSection(await accessTo(a.users.EDITOR.id, a.reviewId), same)).toEqual({ version: 2 });
    expect(await snapshot()).toEqual(before);

    // Someone who read version 1 is told about the conflict instead of overwriting.
    await expect(
      updateSection(await accessTo(a.users.OWNER.id, a.reviewId), {
        ...same,
        title: "旧的标题",
        status: "DRAFTING",
        version: 1,
      }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
    expect(await snapshot()).toEqual(before);

    // Clearing the theme and moving on to approval.
    expect(
      await updateSection(await accessTo(a.users.OWNER.id, a.reviewId), { ...same, themeId: "", status: "APPROVED" }),
    ).toEqual({ version: 3 });
    expect(await section(intro)).toMatchObject({ themeId: null, status: "APPROVED", version: 3 });
  });

  it("refuses readers, outsiders, foreign references, non-writing owners and bad input — writing nothing", async () => {
    const live = await section(body);
    const update = {
      reviewId: a.reviewId,
      sectionId: body,
      title: "改写",
      themeId: null,
      ownerId: a.users.EDITOR.id,
      status: "REVISED",
      version: live.version,
    };
    const create = { reviewId: a.reviewId, title: "新章节" };
    const attempts: [string, () => Promise<unknown>, string][] = [];
    for (const role of ["VIEWER", "SUPERVISOR"] as const) {
      const userId = a.users[role].id;
      attempts.push(
        [`${role} create`, async () => createSection(await accessTo(userId, a.reviewId), create), "FORBIDDEN"],
        [`${role} update`, async () => updateSection(await accessTo(userId, a.reviewId), update), "FORBIDDEN"],
        [
          `${role} move`,
          async () =>
            moveSection(await accessTo(userId, a.reviewId), { reviewId: a.reviewId, sectionId: body, direction: "up" }),
          "FORBIDDEN",
        ],
        [
          `${role} trash`,
          async () =>
            setSectionTrashed(await accessTo(userId, a.reviewId), {
              reviewId: a.reviewId,
              sectionId: body,
              trashed: true,
            }),
          "FORBIDDEN",
        ],
        [
          `${role} style`,
          async () => setCitationStyle(await accessTo(userId, a.reviewId), { reviewId: a.reviewId, style: "APA" }),
          "FORBIDDEN",
        ],
      );
    }
    const outsider = b.users.OWNER.id;
    const editor = a.users.EDITOR.id;
    attempts.push(
      // An outsider has no access to this review; their access to their own review does not reach this one.
      ["outsider access", () => accessTo(outsider, a.reviewId), "NOT_FOUND"],
      ["outsider create", async () => createSection(await accessTo(outsider, b.reviewId), create), "NOT_FOUND"],
      ["outsider update", async () => updateSection(await accessTo(outsider, b.reviewId), update), "NOT_FOUND"],
      [
        "outsider move",
        async () =>
          moveSection(await accessTo(outsider, b.reviewId), { reviewId: a.reviewId, sectionId: body, direction: "up" }),
        "NOT_FOUND",
      ],
      [
        "outsider trash",
        async () =>
          setSectionTrashed(await accessTo(outsider, b.reviewId), {
            reviewId: a.reviewId,
            sectionId: body,
            trashed: true,
          }),
        "NOT_FOUND",
      ],
      [
        "outsider style",
        async () => setCitationStyle(await accessTo(outsider, b.reviewId), { reviewId: a.reviewId, style: "APA" }),
        "NOT_FOUND",
      ],
      [
        "foreign theme on create",
        async () => createSection(await accessTo(editor, a.reviewId), { ...create, themeId: bTheme }),
        "NOT_FOUND",
      ],
      [
        "foreign theme on update",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, themeId: bTheme }),
        "NOT_FOUND",
      ],
      [
        "viewer as owner",
        async () => createSection(await accessTo(editor, a.reviewId), { ...create, ownerId: a.users.VIEWER.id }),
        "SECTION_OWNER_INVALID",
      ],
      [
        "supervisor as owner",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, ownerId: a.users.SUPERVISOR.id }),
        "SECTION_OWNER_INVALID",
      ],
      [
        "non-member as owner",
        async () => createSection(await accessTo(editor, a.reviewId), { ...create, ownerId: b.users.EDITOR.id }),
        "SECTION_OWNER_INVALID",
      ],
      [
        "empty title on create",
        async () => createSection(await accessTo(editor, a.reviewId), { ...create, title: "   " }),
        "INVALID_INPUT",
      ],
      [
        "empty title on update",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, title: "" }),
        "INVALID_INPUT",
      ],
      [
        "unknown status",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, status: "DONE" }),
        "INVALID_INPUT",
      ],
      [
        "missing version",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, version: undefined }),
        "INVALID_INPUT",
      ],
      [
        "unknown direction",
        async () =>
          moveSection(await accessTo(editor, a.reviewId), { reviewId: a.reviewId, sectionId: body, direction: "left" }),
        "INVALID_INPUT",
      ],
      [
        "unknown style",
        async () => setCitationStyle(await accessTo(editor, a.reviewId), { reviewId: a.reviewId, style: "MLA" }),
        "INVALID_INPUT",
      ],
      [
        "foreign section, update",
        async () => updateSection(await accessTo(editor, a.reviewId), { ...update, sectionId: bSection, version: 1 }),
        "NOT_FOUND",
      ],
      [
        "foreign section, move",
        async () =>
          moveSection(await accessTo(editor, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: bSection,
            direction: "up",
          }),
        "NOT_FOUND",
      ],
      [
        "foreign section, trash",
        async () =>
          setSectionTrashed(await accessTo(editor, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: bSection,
            trashed: true,
          }),
        "NOT_FOUND",
      ],
      [
        "restore a live section",
        async () =>
          setSectionTrashed(await accessTo(editor, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: body,
            trashed: false,
          }),
        "NOT_FOUND",
      ],
    );
    const before = await snapshot();
    for (const [name, attempt, code] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code });
    }
    expect(await snapshot()).toEqual(before);
    expect(await section(body)).toEqual(live);
  });

  it("refuses an archived theme", async () => {
    const old = (
      await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "旧主题",
        color: "#000000",
      })
    ).themeId;
    await archiveTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      themeId: old,
      archived: true,
    });
    const before = await snapshot();
    await expect(
      createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "x", themeId: old }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("trashes and restores a section: out of the order, listed apart, back where it was", async () => {
    const orderBefore = await order(a.reviewId);
    const positionBefore = (await section(intro)).position;
    await setSectionTrashed(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: intro,
      trashed: true,
    });
    const trashed = await section(intro);
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.deletedById).toBe(a.users.EDITOR.id);
    expect(trashed.version).toBe(4);

    const listed = await listSections(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(listed.sections.map((s) => s.id)).toEqual([body, outro]);
    expect(listed.trashed).toEqual([
      expect.objectContaining({
        id: intro,
        title: "研究背景",
        deletedBy: { id: a.users.EDITOR.id, name: "sa-editor" },
      }),
    ]);
    // The trashed section can still be opened (read-only), but not written, moved or trashed again.
    const opened = await getSectionForEditor(await accessTo(a.users.EDITOR.id, a.reviewId), intro);
    expect(opened.canWrite).toBe(false);
    expect(opened.siblings.map((s) => s.id)).toEqual([body, outro]);
    const before = await snapshot();
    const editor = a.users.EDITOR.id;
    await expect(
      moveSection(await accessTo(editor, a.reviewId), { reviewId: a.reviewId, sectionId: intro, direction: "down" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setSectionTrashed(await accessTo(editor, a.reviewId), { reviewId: a.reviewId, sectionId: intro, trashed: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateSection(await accessTo(editor, a.reviewId), {
        reviewId: a.reviewId,
        sectionId: intro,
        title: "复活",
        status: "DRAFTING",
        version: trashed.version,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setSectionTrashed(await accessTo(a.users.VIEWER.id, a.reviewId), {
        reviewId: a.reviewId,
        sectionId: intro,
        trashed: false,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    await setSectionTrashed(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: intro,
      trashed: false,
    });
    const restored = await section(intro);
    expect(restored).toMatchObject({ deletedAt: null, deletedById: null, position: positionBefore, version: 5 });
    expect(await order(a.reviewId)).toEqual(orderBefore);
    expect((await listSections(await accessTo(a.users.VIEWER.id, a.reviewId))).trashed).toEqual([]);

    const kinds = await db.activityEvent.findMany({
      where: { subjectId: intro, kind: { in: ["section.deleted", "section.restored"] } },
      orderBy: { createdAt: "asc" },
      select: { kind: true, actorId: true },
    });
    expect(kinds).toEqual([
      { kind: "section.deleted", actorId: a.users.EDITOR.id },
      { kind: "section.restored", actorId: a.users.OWNER.id },
    ]);

    // Moving after a restore rewrites the positions densely.
    expect(orderBefore).toEqual([intro, body, outro]);
    await moveSection(await accessTo(editor, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: intro,
      direction: "down",
    });
    expect(await order(a.reviewId)).toEqual([body, intro, outro]);
    const positions = await Promise.all([body, intro, outro].map(async (id) => (await section(id)).position));
    expect(positions).toEqual([0, 1, 2]);
  });

  it("records the citation style for the review", async () => {
    await setCitationStyle(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      style: "GBT7714_AUTHOR_DATE",
    });
    expect((await db.review.findUniqueOrThrow({ where: { id: a.reviewId } })).citationStyle).toBe(
      "GBT7714_AUTHOR_DATE",
    );
    expect((await db.review.findUniqueOrThrow({ where: { id: b.reviewId } })).citationStyle).toBe("GBT7714_NUMERIC");
    expect(
      await db.activityEvent.count({
        where: {
          reviewId: a.reviewId,
          kind: "review.settingsChanged",
          data: { equals: { citationStyle: "GBT7714_AUTHOR_DATE" } },
        },
      }),
    ).toBe(1);
    expect((await listSections(await accessTo(a.users.VIEWER.id, a.reviewId))).citationStyle).toBe(
      "GBT7714_AUTHOR_DATE",
    );
    await setCitationStyle(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      style: "GBT7714_NUMERIC",
    });
  });
});

describe("sections and the codebook", () => {
  it("follows its theme when that theme is merged into another", async () => {
    const source = (
      await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "恢复力",
        color: "#0f766e",
      })
    ).themeId;
    const target = (
      await createTheme(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        nameZh: "适应力",
        color: "#1d4ed8",
      })
    ).themeId;
    const { sectionId } = await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "合并前",
      themeId: source,
    });
    await mergeThemes(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sourceId: source,
      targetId: target,
    });
    const merged = await section(sectionId);
    expect(merged.themeId).toBe(target);
    // Whoever had the section's details open saw the old theme, so their save is a conflict, not a silent undo.
    expect(merged.version).toBe(2);
    // The section's details can still be saved as they are.
    await updateSection(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      title: "合并后",
      themeId: merged.themeId,
      ownerId: merged.ownerId,
      status: merged.status,
      version: merged.version,
    });
  });
});

describe("storing section text", () => {
  let sectionId: string;

  beforeAll(async () => {
    sectionId = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "存储" })
    ).sectionId;
  });

  const versions = () => db.sectionVersion.findMany({ where: { sectionId }, orderBy: { createdAt: "asc" } });

  it("stores the state with its text, citations in first-appearance order and quoted codings", async () => {
    const started = Date.now();
    const state = await store(
      sectionId,
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("韧性的定义")] },
        paragraph(text("韧性治理强调恢复"), cite("item-b"), text("与适应"), cite("item-a", "23"), cite("item-b")),
        {
          type: "blockquote",
          attrs: { codingId: "coding-1", itemId: "item-a" },
          content: [paragraph(text("在风险冲击下保持基本功能"))],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("第一点"), cite("item-c"))] }] },
        { type: "blockquote", attrs: { codingId: "coding-2", itemId: null }, content: [paragraph(text("引文二"))] },
        { type: "blockquote", attrs: { codingId: "coding-1", itemId: "item-a" }, content: [paragraph(text("再引"))] },
      ),
      a.users.EDITOR.id,
      new Date(started),
    );
    const stored = await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } });
    expect(stored.text).toBe("韧性的定义\n韧性治理强调恢复与适应\n在风险冲击下保持基本功能\n第一点\n引文二\n再引");
    expect(stored.citedItemIds).toEqual(["item-b", "item-a", "item-c"]);
    expect(stored.quotedCodingIds).toEqual(["coding-1", "coding-2"]);
    expect(stored.updatedById).toBe(a.users.EDITOR.id);
    expect(new Uint8Array(stored.state)).toEqual(state);
    expect(await loadSectionState(sectionId)).toEqual(state);
    // The stored state is a Yjs document that reads back as the same ProseMirror JSON.
    const reread = new Y.Doc();
    Y.applyUpdate(reread, (await loadSectionState(sectionId))!);
    expect(yDocToProsemirrorJSON(reread, SECTION_FRAGMENT)).toEqual(stored.content);

    // The first text is snapshotted at once.
    const snapshots = await versions();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ kind: "AUTO", name: null, text: stored.text, createdById: a.users.EDITOR.id });

    const listed = await listSections(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(listed.sections.find((s) => s.id === sectionId)).toMatchObject({
      citedCount: 3,
      lastEdit: { by: { id: a.users.EDITOR.id, name: "sa-editor" } },
    });
  });

  it("snapshots again only once the interval has passed and the text has changed", async () => {
    const start = (await versions())[0]!.createdAt.getTime();
    const at = (offset: number) => new Date(start + offset);

    await store(sectionId, doc(paragraph(text("不久之后的修改"))), a.users.OWNER.id, at(AUTO_SNAPSHOT_INTERVAL_MS / 2));
    expect(await versions()).toHaveLength(1);
    expect((await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } })).text).toBe("不久之后的修改");

    await store(sectionId, doc(paragraph(text("间隔之后的修改"))), a.users.OWNER.id, at(AUTO_SNAPSHOT_INTERVAL_MS + 1));
    const afterInterval = await versions();
    expect(afterInterval).toHaveLength(2);
    expect(afterInterval[1]).toMatchObject({ kind: "AUTO", text: "间隔之后的修改", createdById: a.users.OWNER.id });

    // Long after, but with the text unchanged since that snapshot: nothing new.
    await store(
      sectionId,
      doc(paragraph(text("间隔之后的修改"))),
      a.users.OWNER.id,
      at(10 * AUTO_SNAPSHOT_INTERVAL_MS),
    );
    expect(await versions()).toHaveLength(2);

    // An emptied document is stored but never snapshotted.
    await store(sectionId, doc(paragraph()), null, at(20 * AUTO_SNAPSHOT_INTERVAL_MS));
    expect(await versions()).toHaveLength(2);
    const emptied = await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } });
    expect(emptied).toMatchObject({ text: "", citedItemIds: [], quotedCodingIds: [], updatedById: null });
  });

  it("has no stored state for a section nobody has written in", async () => {
    const fresh = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "空白" })
    ).sectionId;
    expect(await loadSectionState(fresh)).toBeNull();
  });
});

describe("named versions", () => {
  let sectionId: string;
  let other: string;

  beforeAll(async () => {
    sectionId = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "版本" })
    ).sectionId;
    other = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "另一节" })
    ).sectionId;
  });

  it("has nothing to save before any text is stored", async () => {
    const before = await snapshot();
    await expect(
      saveSectionVersion(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        sectionId,
        name: "初稿",
      }),
    ).rejects.toMatchObject({ code: "NOTHING_TO_SAVE" });
    expect(await snapshot()).toEqual(before);
    expect(await listSectionVersions(await accessTo(a.users.VIEWER.id, a.reviewId), sectionId)).toEqual([]);
  });

  it("names the stored text, lists it and shows it beside the current text", async () => {
    const firstDraft = await store(sectionId, doc(paragraph(text("第一稿"))), a.users.EDITOR.id);
    await store(other, doc(paragraph(text("另一节的文字"))), a.users.EDITOR.id);
    const { versionId } = await saveSectionVersion(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId,
      name: "  送审稿  ",
    });
    await store(sectionId, doc(paragraph(text("第二稿"))), a.users.EDITOR.id);

    const listed = await listSectionVersions(await accessTo(a.users.VIEWER.id, a.reviewId), sectionId);
    expect(listed.map((v) => v.kind).sort()).toEqual(["AUTO", "NAMED"]);
    expect(listed.find((v) => v.id === versionId)).toMatchObject({
      kind: "NAMED",
      name: "送审稿",
      text: "第一稿",
      createdBy: { id: a.users.EDITOR.id, name: "sa-editor" },
    });

    const { version, current } = await getSectionVersion(
      await accessTo(a.users.VIEWER.id, a.reviewId),
      sectionId,
      versionId,
    );
    expect(version).toMatchObject({ id: versionId, name: "送审稿", text: "第一稿" });
    expect(version.content).toEqual(yjsDocument(doc(paragraph(text("第一稿")))).content);
    expect(current).toMatchObject({ text: "第二稿" });

    // The version keeps the Yjs state as it was named, so it can be restored later.
    const stored = await db.sectionVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(new Uint8Array(stored.state)).toEqual(firstDraft);

    // A version is found only through its own section, its own review, by a member.
    const otherVersion = (await listSectionVersions(await accessTo(a.users.VIEWER.id, a.reviewId), other))[0]!.id;
    await expect(
      getSectionVersion(await accessTo(a.users.VIEWER.id, a.reviewId), sectionId, otherVersion),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(accessTo(a.users.VIEWER.id, b.reviewId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A foreign section id in one's own review lists nothing.
    expect(await listSectionVersions(await accessTo(b.users.OWNER.id, b.reviewId), sectionId)).toEqual([]);
  });

  it("refuses readers, outsiders, a nameless version and a trashed section — writing nothing", async () => {
    const good = { reviewId: a.reviewId, sectionId, name: "再存一版" };
    const before = await snapshot();
    await expect(accessTo(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const attempts: [string, ReturnType<typeof accessTo>, unknown, string][] = [
      ["viewer", accessTo(a.users.VIEWER.id, a.reviewId), good, "FORBIDDEN"],
      ["supervisor", accessTo(a.users.SUPERVISOR.id, a.reviewId), good, "FORBIDDEN"],
      ["outsider", accessTo(b.users.OWNER.id, b.reviewId), good, "NOT_FOUND"],
      ["empty name", accessTo(a.users.EDITOR.id, a.reviewId), { ...good, name: " " }, "INVALID_INPUT"],
      ["auto kind", accessTo(a.users.EDITOR.id, a.reviewId), { ...good, kind: "AUTO" }, "INVALID_INPUT"],
      ["foreign section", accessTo(a.users.EDITOR.id, a.reviewId), { ...good, sectionId: bSection }, "NOT_FOUND"],
    ];
    for (const [name, access, input, code] of attempts) {
      await expect(saveSectionVersion(await access, input), name).rejects.toMatchObject({ code });
    }
    expect(await snapshot()).toEqual(before);

    await setSectionTrashed(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: other,
      trashed: true,
    });
    const trashedBefore = await snapshot();
    await expect(
      saveSectionVersion(await accessTo(a.users.EDITOR.id, a.reviewId), { ...good, sectionId: other }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot()).toEqual(trashedBefore);
  });
});

describe("citations across the synthesis", () => {
  let c: Awaited<ReturnType<typeof createReviewWithTeam>>;
  let zhu: string;
  let ansell: string;
  let ouyang: string;
  let gone: string;
  let first: string;
  let second: string;
  let third: string;

  const addItem = async (fields: Partial<ItemFields>) =>
    (
      await createItem(await accessTo(c.users.EDITOR.id, c.reviewId), {
        reviewId: c.reviewId,
        fields: { ...EMPTY_ITEM_FIELDS, ...fields },
      })
    ).itemId;
  const author = (nameZh: string | null, nameEn: string | null = null) => ({
    nameZh,
    nameEn,
    affiliations: [],
    corresponding: false,
    bio: null,
  });
  const render = async (options: Omit<Parameters<typeof renderSynthesisCitations>[1], "locale"> = {}) =>
    renderSynthesisCitations(await accessTo(c.users.VIEWER.id, c.reviewId), { locale: "zh-CN", ...options });

  beforeAll(async () => {
    c = await createReviewWithTeam(db, "sc");
    zhu = await addItem({
      titleZh: "韧性治理：风险与应急管理的新路径",
      journalZh: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "5",
      pages: "81-87",
      authors: [author("朱正威", "Zhu Zhengwei"), author("刘莹莹")],
    });
    ansell = await addItem({
      titleEn: "Collaborative governance in theory and practice",
      journalEn: "Journal of Public Administration Research and Theory",
      year: 2008,
      volume: "18",
      issue: "4",
      pages: "543-571",
      authors: [author(null, "Chris Ansell"), author(null, "Alison Gash")],
    });
    ouyang = await addItem({
      titleZh: "党建引领基层治理",
      journalZh: "治理研究",
      year: 2024,
      authors: [author("欧阳修")],
    });
    gone = await addItem({ titleZh: "将被删除的文献", journalZh: "某刊", year: 2019, authors: [author("王五")] });

    first = (
      await createSection(await accessTo(c.users.EDITOR.id, c.reviewId), { reviewId: c.reviewId, title: "第一节 韧性" })
    ).sectionId;
    second = (
      await createSection(await accessTo(c.users.EDITOR.id, c.reviewId), { reviewId: c.reviewId, title: "第二节 协同" })
    ).sectionId;
    await store(second, doc(paragraph(text("协同治理"), cite(ansell, "12"), text("与基层"), cite(ouyang))));
    await store(first, doc(paragraph(text("韧性治理强调恢复"), cite(zhu), text("，亦见"), cite(ansell))));
  });

  it("numbers GB/T citations by first appearance across sections in section order", async () => {
    const rendered = await render();
    expect(rendered.style).toBe("GBT7714_NUMERIC");
    expect(rendered.superscript).toBe(true);
    expect(rendered.sections).toEqual([
      { id: first, title: "第一节 韧性", labels: ["[1]", "[2]"] },
      { id: second, title: "第二节 协同", labels: ["[2]12", "[3]"] },
    ]);
    expect(rendered.bibliography.map((entry) => entry.itemId)).toEqual([zhu, ansell, ouyang]);
    expect(rendered.bibliography[0]!.text).toBe(
      "[1] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.",
    );
    expect(rendered.bibliography[1]!.text).toMatch(/^\[2\] ANSELL C, GASH A\. Collaborative governance/);

    // Reordering the sections renumbers.
    await moveSection(await accessTo(c.users.EDITOR.id, c.reviewId), {
      reviewId: c.reviewId,
      sectionId: second,
      direction: "up",
    });
    const reordered = await render();
    expect(reordered.sections.map((s) => s.labels)).toEqual([
      ["[1]12", "[2]"],
      ["[3]", "[1]"],
    ]);
    expect(reordered.bibliography.map((entry) => entry.itemId)).toEqual([ansell, ouyang, zhu]);
    await moveSection(await accessTo(c.users.EDITOR.id, c.reviewId), {
      reviewId: c.reviewId,
      sectionId: second,
      direction: "down",
    });
  });

  it("takes the citations of the section being edited from the editor, ahead of the database", async () => {
    const rendered = await render({ live: { sectionId: first, citations: [{ itemId: ouyang, locator: null }] } });
    expect(rendered.sections.map((s) => s.labels)).toEqual([["[1]"], ["[2]12", "[1]"]]);
    // zhu is no longer cited anywhere, so it leaves the bibliography.
    expect(rendered.bibliography.map((entry) => entry.itemId)).toEqual([ouyang, ansell]);
    // The database is untouched.
    expect((await db.sectionDocument.findUniqueOrThrow({ where: { sectionId: first } })).citedItemIds).toEqual([
      zhu,
      ansell,
    ]);
  });

  it("switches every label to author-date when the review's style changes to APA", async () => {
    await setCitationStyle(await accessTo(c.users.OWNER.id, c.reviewId), { reviewId: c.reviewId, style: "APA" });
    try {
      const rendered = await render();
      expect(rendered.style).toBe("APA");
      expect(rendered.superscript).toBe(false);
      expect(rendered.sections.map((s) => s.labels)).toEqual([
        // Chinese names are joined without "&"; APA's terms stay English ("p.") in a Chinese interface too.
        ["(朱正威, 刘莹莹, 2020)", "(Ansell & Gash, 2008)"],
        ["(Ansell & Gash, 2008, p. 12)", "(欧阳修, 2024)"],
      ]);
      // One entry per cited item, unnumbered, in the style's (and locale's) alphabetical order.
      expect(rendered.bibliography).toHaveLength(3);
      expect(new Set(rendered.bibliography.map((entry) => entry.itemId))).toEqual(new Set([zhu, ansell, ouyang]));
      for (const entry of rendered.bibliography) expect(entry.text).not.toMatch(/^\[\d+\]/);
      const english = await renderSynthesisCitations(await accessTo(c.users.VIEWER.id, c.reviewId), {
        locale: "en-US",
      });
      expect(english.sections[1]!.labels[0]).toBe("(Ansell & Gash, 2008, p. 12)");
      expect(english.bibliography.map((entry) => entry.itemId)).toEqual([ansell, zhu, ouyang]);
      expect(english.bibliography[0]!.text).toBe(
        "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. " +
          "Journal of Public Administration Research and Theory, 18(4), 543–571.",
      );
    } finally {
      await setCitationStyle(await accessTo(c.users.OWNER.id, c.reviewId), {
        reviewId: c.reviewId,
        style: "GBT7714_NUMERIC",
      });
    }
  });

  it("labels a trashed or foreign item [?], numbers around it and leaves it out of the bibliography", async () => {
    third = (
      await createSection(await accessTo(c.users.EDITOR.id, c.reviewId), { reviewId: c.reviewId, title: "第三节 待删" })
    ).sectionId;
    await store(third, doc(paragraph(cite(gone), text("与"), cite(b.itemId), text("以及"), cite(ouyang), cite(gone))));
    const before = await render();
    expect(before.sections.map((s) => s.labels)).toEqual([
      ["[1]", "[2]"],
      ["[2]12", "[3]"],
      ["[4]", "[?]", "[3]", "[4]"],
    ]);
    expect(before.bibliography.map((entry) => entry.itemId)).toEqual([zhu, ansell, ouyang, gone]);

    await trashItems(await accessTo(c.users.EDITOR.id, c.reviewId), { reviewId: c.reviewId, itemIds: [gone] });
    const after = await render();
    expect(after.sections.map((s) => s.labels)).toEqual([
      ["[1]", "[2]"],
      ["[2]12", "[3]"],
      ["[?]", "[?]", "[3]", "[?]"],
    ]);
    expect(after.bibliography.map((entry) => entry.itemId)).toEqual([zhu, ansell, ouyang]);
    expect(after.bibliography.map((entry) => entry.text).join("\n")).not.toContain("将被删除的文献");
  });

  it("leaves a trashed section's citations out of the numbering", async () => {
    await store(third, doc(paragraph(cite(gone), cite(ouyang), text("新的引用"))));
    await trashItems(await accessTo(c.users.EDITOR.id, c.reviewId), { reviewId: c.reviewId, itemIds: [ouyang] });
    const midway = await render();
    expect(midway.sections.map((s) => s.labels)).toEqual([
      ["[1]", "[2]"],
      ["[2]12", "[?]"],
      ["[?]", "[?]"],
    ]);
    await setSectionTrashed(await accessTo(c.users.EDITOR.id, c.reviewId), {
      reviewId: c.reviewId,
      sectionId: third,
      trashed: true,
    });
    const rendered = await render();
    expect(rendered.sections.map((s) => s.id)).toEqual([first, second]);
    // Restoring the item brings its number back.
    await db.reviewItem.update({ where: { id: ouyang }, data: { deletedAt: null } });
    expect((await render()).sections.map((s) => s.labels)).toEqual([
      ["[1]", "[2]"],
      ["[2]12", "[3]"],
    ]);
  });

  it("is refused to a member of another review", async () => {
    await expect(accessTo(b.users.OWNER.id, c.reviewId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  describe("exports", () => {
    it("writes Word with the section titles, the Chinese text, the labels and the bibliography", async () => {
      const file = await exportSynthesis(await accessTo(c.users.VIEWER.id, c.reviewId), {
        format: "docx",
        locale: "zh",
        headings,
      });
      expect(file.filename).toBe("sc 综述.docx");
      expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(file.body).toBeInstanceOf(Uint8Array);
      const zip = await JSZip.loadAsync(file.body);
      const xml = await zip.file("word/document.xml")!.async("string");
      for (const expected of [
        "sc 综述",
        "第一节 韧性",
        "第二节 协同",
        "韧性治理强调恢复",
        "协同治理",
        "参考文献",
        "[1] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.",
        "[2]12",
        "[3]",
      ]) {
        expect(xml, expected).toContain(expected);
      }
      expect(xml).not.toContain("第三节 待删");
    });

    it("writes Markdown with a heading per section and the numeric labels", async () => {
      const file = await exportSynthesis(await accessTo(c.users.EDITOR.id, c.reviewId), {
        format: "md",
        locale: "zh",
        headings,
      });
      expect(file.filename).toBe("sc 综述.md");
      expect(file.contentType).toBe("text/markdown; charset=utf-8");
      const markdown = file.body as string;
      expect(markdown.startsWith("# sc 综述\n")).toBe(true);
      expect(markdown).toContain("## 第一节 韧性");
      expect(markdown).toContain("## 第二节 协同");
      expect(markdown).toContain("## 参考文献");
      // Brackets are Markdown syntax, so the labels are escaped; they render as [1].
      expect(markdown).toContain("韧性治理强调恢复\\[1\\]，亦见\\[2\\]");
      expect(markdown).toContain("协同治理\\[2\\]12与基层\\[3\\]");
      expect(markdown).toContain("\\[1\\] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径\\[J\\]");
      expect(markdown.indexOf("## 第一节 韧性")).toBeLessThan(markdown.indexOf("## 第二节 协同"));
    });

    it("exports one section alone, titled by it and numbered on its own", async () => {
      const file = await exportSynthesis(await accessTo(c.users.VIEWER.id, c.reviewId), {
        format: "md",
        sectionId: second,
        locale: "en",
        headings: { bibliography: "References", notes: "Notes", untitled: "Synthesis" },
      });
      expect(file.filename).toBe("sc 综述 · 第二节 协同.md");
      const markdown = file.body as string;
      expect(markdown).toContain("# sc 综述\n\n## 第二节 协同");
      expect(markdown).not.toContain("第一节");
      expect(markdown).toContain("协同治理\\[1\\]12与基层\\[2\\]");
      expect(markdown).toContain("## References");
    });

    it("finds nothing for another review's section, a trashed section, or a non-member", async () => {
      const options = { format: "docx" as const, locale: "zh" as const, headings };
      await expect(
        exportSynthesis(await accessTo(c.users.OWNER.id, c.reviewId), { ...options, sectionId: bSection }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        exportSynthesis(await accessTo(c.users.OWNER.id, c.reviewId), { ...options, sectionId: third }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(accessTo(b.users.OWNER.id, c.reviewId)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });
  });

  describe("searching items to cite", () => {
    it("matches a Chinese title substring, an author in either language and a year", async () => {
      const ids = async (query: string) =>
        (await searchCitableItems(await accessTo(c.users.VIEWER.id, c.reviewId), query)).map((item) => item.id);
      expect(await ids("应急管理")).toEqual([zhu]);
      expect(await ids("欧阳")).toEqual([ouyang]);
      expect(await ids("gash")).toEqual([ansell]);
      expect(await ids("Zhu Zhengwei")).toEqual([zhu]);
      expect(await ids("COLLABORATIVE")).toEqual([ansell]);
      expect(await ids("2008")).toEqual([ansell]);
      expect(await ids("没有这样的文献")).toEqual([]);

      const [found] = await searchCitableItems(await accessTo(c.users.VIEWER.id, c.reviewId), "  韧性治理 ");
      expect(found).toEqual({
        id: zhu,
        title: "韧性治理：风险与应急管理的新路径",
        authors: "朱正威, 刘莹莹",
        year: 2020,
        journal: "行政论坛",
        opening: null,
        standing: "unscreened",
      });
    });

    it("lists recent live items for an empty query and never a trashed or foreign one", async () => {
      const all = await searchCitableItems(await accessTo(c.users.VIEWER.id, c.reviewId), "");
      expect(all.map((item) => item.id)).toEqual([ouyang, zhu, ansell, c.itemId]);
      expect(await searchCitableItems(await accessTo(c.users.VIEWER.id, c.reviewId), "将被删除")).toEqual([]);
      expect(await searchCitableItems(await accessTo(c.users.VIEWER.id, c.reviewId), "sb 文献")).toEqual([]);
    });

    it("is refused to a member of another review", async () => {
      await expect(accessTo(b.users.OWNER.id, c.reviewId)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });
  });
});

describe("collaboration tickets", () => {
  let sectionId: string;
  let trashed: string;

  beforeAll(async () => {
    sectionId = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "协作" })
    ).sectionId;
    trashed = (
      await createSection(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, title: "协作已删" })
    ).sectionId;
    await setSectionTrashed(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      sectionId: trashed,
      trashed: true,
    });
  });

  it("gives every member a short-lived ticket for that user and section", async () => {
    for (const role of ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const) {
      const token = await issueSectionTicket(await accessTo(a.users[role].id, a.reviewId), sectionId);
      const ticket = verifyCollabToken(token, AUTH_SECRET);
      expect(ticket).toMatchObject({ userId: a.users[role].id, sectionId });
      expect(ticket!.expiresAt).toBeGreaterThan(Date.now());
      expect(verifyCollabToken(token, "another-secret")).toBeNull();
    }
  });

  it("finds nothing for a non-member, a trashed section or another review's section", async () => {
    await expect(
      accessTo(b.users.OWNER.id, a.reviewId).then((access) => issueSectionTicket(access, sectionId)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) => issueSectionTicket(access, trashed)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) => issueSectionTicket(access, bSection)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      accessTo(a.users.EDITOR.id, b.reviewId).then((access) => issueSectionTicket(access, bSection)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
