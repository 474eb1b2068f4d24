// Review backups against a real database: a review with everything in it is exported, restored as a new review
// and exported again, and the two files are the same once the ids and times that must differ are set aside.
// Refused files write nothing; people unknown here are kept by name; only owners may download.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decideSuggestions, replyToThread, startThread } from "@/lib/comments/threads";
import { codePassage } from "@/lib/coding/commands";
import type { Database } from "@/lib/db/client";
import { assignItems } from "@/lib/assignments/commands";
import { trashItems } from "@/lib/items/commands";
import { addCitedReference } from "@/lib/references/commands";
import { listItemReferences } from "@/lib/references/queries";
import { closeRound, openRound } from "@/lib/rounds/rounds";
import { castVote, resolveConflict } from "@/lib/screening/commands";
import { recordScreeningStop, updateStoppingRule } from "@/lib/screening/ranking/stopping";
import type { DocNode } from "@/lib/synthesis/document-model";
import { SECTION_FRAGMENT, sectionExtensions } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection, saveSectionVersion } from "@/lib/synthesis/sections";
import { verifyCredentials } from "@/lib/auth/accounts";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTheme, mergeThemes } from "@/lib/themes/codebook";
import { changeStage, undoStageChange } from "@/lib/workflow/commands";
import { DEMO_REVIEW_KEY, seedDemo } from "@/seeds/seed";
import type { Backup } from "./backup-format";
import { exportBackup } from "./export-backup";
import { restoreBackup } from "./restore-backup";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let reviewId: string;
let owner: string;
let editor: string;
let supervisor: string;
let anchorStart: string;
let sectionId: string;

async function counts() {
  const [reviews, users, items, activity, memberships] = await Promise.all([
    db.review.count(),
    db.user.count(),
    db.reviewItem.count(),
    db.activityEvent.count(),
    db.membership.count(),
  ]);
  return { reviews, users, items, activity, memberships };
}

/** A review with something in every table a backup carries. */
async function buildFullReview() {
  await seedDemo(db);
  const review = await db.review.findUniqueOrThrow({ where: { seedKey: DEMO_REVIEW_KEY } });
  reviewId = review.id;
  const member = async (role: "OWNER" | "EDITOR" | "SUPERVISOR") =>
    db.membership.findFirstOrThrow({ where: { reviewId, role } }).then((row) => row.userId);
  [owner, editor, supervisor] = await Promise.all([member("OWNER"), member("EDITOR"), member("SUPERVISOR")]);
  const items = await db.reviewItem.findMany({ where: { reviewId }, orderBy: { seedKey: "asc" } });
  const [i0, i1, i2, i3, i4] = items.map((item) => item.id) as [string, string, string, string, string];
  const stages = await db.reviewStage.findMany({ where: { reviewId }, orderBy: { position: "asc" } });
  const reason = await db.exclusionReason.findFirstOrThrow({ where: { reviewId } });

  // Stage history with an undone change, votes that agree and votes that conflict with the owner's ruling.
  await changeStage(await accessTo(editor, reviewId), {
    reviewId,
    itemId: i0,
    stageId: stages[1]!.id,
    note: "读完摘要",
  });
  const change = await db.statusChange.findFirstOrThrow({ where: { itemId: i0, note: "读完摘要" } });
  await undoStageChange(await accessTo(editor, reviewId), { reviewId, itemId: i0, changeId: change.id });
  await castVote(await accessTo(owner, reviewId), { reviewId, itemId: i1, choice: "INCLUDE" });
  await castVote(await accessTo(editor, reviewId), { reviewId, itemId: i1, choice: "INCLUDE", note: "相关" });
  await castVote(await accessTo(owner, reviewId), { reviewId, itemId: i2, choice: "EXCLUDE", reasonId: reason.id });
  await castVote(await accessTo(editor, reviewId), { reviewId, itemId: i2, choice: "INCLUDE" });
  await resolveConflict(await accessTo(owner, reviewId), { reviewId, itemId: i2, choice: "INCLUDE", note: "主题相关" });
  await updateStoppingRule(await accessTo(owner, reviewId), { reviewId, rule: "ESTIMATED_RECALL", value: 95 });
  await recordScreeningStop(await accessTo(owner, reviewId), { reviewId, note: "估计查全率已达标" });
  await assignItems(await accessTo(owner, reviewId), { reviewId, itemIds: [i3], userIds: [editor], mode: "add" });

  // A theme tree with a merge, and a coded passage in the full text of the paper with references.
  const parent = await db.theme.findFirstOrThrow({ where: { reviewId }, orderBy: { position: "asc" } });
  const child = (
    await createTheme(await accessTo(editor, reviewId), {
      reviewId,
      nameZh: "社区韧性",
      color: "#0f766e",
      parentId: parent.id,
    })
  ).themeId;
  const doomed = (await createTheme(await accessTo(editor, reviewId), { reviewId, nameZh: "待合并", color: "#334155" }))
    .themeId;
  await mergeThemes(await accessTo(editor, reviewId), { reviewId, sourceId: doomed, targetId: child });
  const paper = items.find((item) => item.seedKey === "003_77c6651b61511a25")!;
  const quote = "基层治理是国家治理的基石";
  const start = paper.fullText!.indexOf(quote);
  const { codingId } = await codePassage(await accessTo(editor, reviewId), {
    reviewId,
    itemId: paper.id,
    field: "FULL_TEXT",
    start,
    end: start + quote.length,
    quote,
    themeIds: [child],
    memo: "核心论断",
  });

  // Snowballing: one cited reference becomes an item.
  const [firstReference] = await listItemReferences(await accessTo(editor, reviewId), paper.id);
  const { itemId: snowballed } = await addCitedReference(await accessTo(editor, reviewId), {
    reviewId,
    referenceId: firstReference!.id,
  });

  // A section citing an item and quoting the coded passage, with a named version.
  sectionId = (await createSection(await accessTo(editor, reviewId), { reviewId, title: "引言", themeId: child }))
    .sectionId;
  const content: DocNode = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "韧性治理的研究" },
          { type: "citation", attrs: { itemId: paper.id, locator: "12" } },
        ],
      },
      {
        type: "blockquote",
        attrs: { codingId, itemId: paper.id },
        content: [{ type: "paragraph", content: [{ type: "text", text: quote }] }],
      },
    ],
  };
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  const paragraphText = (doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  anchorStart = JSON.stringify(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraphText, 2)));
  const anchorEnd = JSON.stringify(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraphText, 4)));
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: editor });
  await saveSectionVersion(await accessTo(editor, reviewId), { reviewId, sectionId, name: "初稿" });

  // A comment round with an anchored thread, an answer that mentions the supervisor, and the close.
  const { roundId } = await openRound(await accessTo(supervisor, reviewId), {
    reviewId,
    title: "第一轮",
    sectionIds: [sectionId],
  });
  const { threadId } = await startThread(await accessTo(supervisor, reviewId), {
    reviewId,
    sectionId,
    roundId,
    anchor: { start: anchorStart, end: anchorEnd, quote: "治理" },
    body: "请补充文献",
  });
  await replyToThread(await accessTo(editor, reviewId), {
    reviewId,
    threadId,
    body: "已补充 @王教授 (Supervisor)",
    addressed: true,
  });
  // A suggested edit that the editor turns down.
  const { threadId: suggestionId } = await startThread(await accessTo(supervisor, reviewId), {
    reviewId,
    sectionId,
    roundId,
    anchor: { start: anchorStart, end: anchorEnd, quote: "治理" },
    suggestion: "治理体系",
  });
  await decideSuggestions(await accessTo(editor, reviewId), {
    reviewId,
    threadIds: [suggestionId],
    decision: "REJECTED",
  });
  await closeRound(await accessTo(supervisor, reviewId), { reviewId, roundId });

  // The trash: an item removed as a duplicate of another.
  await trashItems(await accessTo(owner, reviewId), { reviewId, itemIds: [i4], duplicateOfId: snowballed });

  // An attached PDF with its extracted text, pages and footnotes.
  const sha256 = "a".repeat(64);
  await db.fileBlob.create({ data: { sha256, byteSize: 1234, mime: "application/pdf" } });
  await db.itemFile.create({
    data: {
      reviewId,
      itemId: i1,
      sha256,
      fileName: "论文全文.pdf",
      byteSize: 1234,
      isMain: true,
      pageCount: 2,
      state: "DONE",
      pagesDone: 2,
      extractedText: "第一页正文。第二页正文。",
      pageStarts: [0, 6],
      footnotes: [{ page: 1, text: "① 注释" }],
      metadata: { title: "论文", doi: null },
      textAppliedAt: new Date(),
      createdById: editor,
    },
  });
}

/** Replaces every id by its place in the file and sets aside what a restore must change. */
function normalize(backup: Backup) {
  const copy = structuredClone(backup) as Backup & Record<string, unknown>;
  const names = new Map<string, string>();
  let counter = 0;
  const name = (id: string) => names.set(id, names.get(id) ?? `#${counter++}`);
  name(copy.review.id);
  // People are compared by name: in a restored review everyone but the restorer is a placeholder of that restore.
  for (const person of copy.people) names.set(person.id, `@${person.name}`);
  for (const table of [
    copy.stages,
    copy.exclusionReasons,
    copy.items,
    copy.statusChanges,
    copy.screeningVotes,
    copy.screeningStops,
    copy.themes,
    copy.codings,
    copy.sections,
    copy.sectionVersions,
    copy.rounds,
    copy.threads,
    copy.comments,
    copy.files,
    copy.activity,
  ]) {
    for (const row of table) name(row.id);
  }
  const replace = (value: unknown): unknown => {
    if (typeof value === "string") return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, replace(entry)]));
    }
    return value;
  };
  // Yjs bytes differ when the same document is re-encoded; what they hold must not.
  const tree = (state: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, "base64"));
    const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText): unknown =>
      node instanceof Y.XmlText
        ? node.toDelta()
        : {
            name: node instanceof Y.XmlElement ? node.nodeName : "#fragment",
            attrs: node instanceof Y.XmlElement ? node.getAttributes() : {},
            children: node.toArray().map((child) => walk(child as Y.XmlElement)),
          };
    return walk(doc.getXmlFragment(SECTION_FRAGMENT));
  };
  const normalized = replace({
    ...copy,
    exportedAt: "(export time)",
    review: { ...copy.review, createdAt: "(restore time)", updatedAt: "(restore time)" },
    // A member who wrote nothing is not in a restored review's file at all (they were not enrolled).
    people: copy.people
      .filter((person) => JSON.stringify({ ...copy, people: [], members: [] }).includes(`"${person.id}"`))
      .map(({ email: _, ...person }) => person)
      .sort((a, b) => a.name.localeCompare(b.name)),
    // Only the restorer becomes a member of a restored review; the others are invited afterwards.
    members: copy.members.filter((member) => member.role === "OWNER"),
    sectionDocuments: copy.sectionDocuments.map((row) => ({ ...row, state: tree(row.state) })),
    sectionVersions: copy.sectionVersions.map((row) => ({ ...row, state: tree(row.state) })),
    activity: copy.activity.filter((event) => event.kind !== "review.restored"),
  }) as Record<string, unknown>;
  // Rows without ids of their own come in the order of their (new) ids: compare them as sets.
  for (const table of [
    "members",
    "itemAssignments",
    "screeningDecisions",
    "itemThemes",
    "codingThemes",
    "sectionDocuments",
    "roundSections",
  ]) {
    normalized[table] = (normalized[table] as unknown[])
      .map((row) => JSON.stringify(row))
      .sort()
      .map((row) => JSON.parse(row) as unknown);
  }
  return normalized;
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await buildFullReview();
}, 60_000);

describe("review backup", () => {
  it("restores into a new review that exports to the same backup", async () => {
    const first = await exportBackup(await accessTo(owner, reviewId));
    // The review really has something in every table, so the comparison covers every table.
    for (const [table, rows] of Object.entries(first)) {
      if (Array.isArray(rows)) expect(rows.length, table).toBeGreaterThan(0);
    }
    expect(first.items.some((item) => item.deletedAt && item.duplicateOfId)).toBe(true);
    expect(first.themes.some((theme) => theme.mergedIntoId)).toBe(true);
    expect(first.statusChanges.some((change) => change.revertsId)).toBe(true);
    expect(first.threads.some((thread) => thread.suggestionState === "REJECTED" && thread.decidedById)).toBe(true);
    expect(first.comments.some((comment) => comment.textAtAnswer && comment.contentAtAnswer)).toBe(true);
    expect(first.threads.some((thread) => thread.contentAtStart)).toBe(true);

    const before = await counts();
    const { reviewId: restoredId } = await restoreBackup(owner, JSON.stringify(first));
    expect(restoredId).not.toBe(reviewId);
    const second = await exportBackup(await accessTo(owner, restoredId));
    expect(normalize(second)).toEqual(normalize(first));
    expect(second.activity.at(-1)).toMatchObject({ kind: "review.restored", actorId: owner });

    // New records only: the original is untouched, the restored one has as many items, and its references.
    const after = await counts();
    expect(after.reviews).toBe(before.reviews + 1);
    // Everybody but the restorer is a new placeholder of this restore.
    expect(after.users).toBe(before.users + first.people.filter((person) => person.id !== owner).length);
    expect(after.memberships).toBe(before.memberships + 1);
    expect(after.items).toBe(before.items + first.items.length);
    expect(await db.itemReference.count({ where: { reviewId: restoredId } })).toBe(
      await db.itemReference.count({ where: { reviewId } }),
    );
    expect(normalize(await exportBackup(await accessTo(owner, reviewId)))).toEqual(normalize(first));
  });

  it("keeps the comment anchors and the citations of the section text working in the restored review", async () => {
    const backup = await exportBackup(await accessTo(owner, reviewId));
    const { reviewId: restoredId } = await restoreBackup(owner, JSON.stringify(backup));
    const section = await db.synthesisSection.findFirstOrThrow({
      where: { reviewId: restoredId },
      include: { document: true, threads: true },
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, section.document!.state);
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(JSON.parse(section.threads[0]!.anchorStart!)),
      doc,
    );
    expect(position?.index).toBe(2);
    const citation = (doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(1) as Y.XmlElement;
    const restoredPaper = await db.reviewItem.findFirstOrThrow({
      where: { reviewId: restoredId, seedKey: "003_77c6651b61511a25" },
    });
    expect(citation.getAttribute("itemId")).toBe(restoredPaper.id);
    expect(section.document!.citedItemIds).toEqual([restoredPaper.id]);
  });

  it("makes only the restorer a member and keeps everyone else by name, whether or not they have an account", async () => {
    const backup = await exportBackup(await accessTo(owner, reviewId));
    const stranger = await createUser(db, "stranger");
    // The supervisor is unknown on the "other installation"; the editor and viewer have accounts here.
    const edited = structuredClone(backup);
    const supervisorPerson = edited.people.find((person) => person.id === supervisor)!;
    supervisorPerson.email = "departed-supervisor@elsewhere.example";
    const editorPerson = edited.people.find((person) => person.id === editor)!;
    const { reviewId: restoredId } = await restoreBackup(stranger.id, JSON.stringify(edited));
    const memberships = await db.membership.findMany({ where: { reviewId: restoredId } });
    expect(memberships.map((row) => [row.userId, row.role])).toEqual([[stranger.id, "OWNER"]]);

    // Nobody with an account was enrolled or credited: the editor's codings belong to a placeholder, as the
    // supervisor's round does, and the two look alike (no sign of which address has an account).
    const editorAccount = await db.user.findUniqueOrThrow({ where: { id: editor } });
    expect(await db.membership.count({ where: { reviewId: restoredId, userId: editorAccount.id } })).toBe(0);
    const restoredAuthors = await db.coding.findMany({
      where: { reviewId: restoredId },
      select: { createdBy: { select: { id: true, name: true, email: true } } },
    });
    const codedByEditor = restoredAuthors.filter((row) => row.createdBy?.name === editorPerson.name);
    expect(codedByEditor.length).toBeGreaterThan(0);
    for (const row of codedByEditor) {
      expect(row.createdBy!.id).not.toBe(editorAccount.id);
      expect(row.createdBy!.email).toMatch(/^restored-[0-9a-f]+-\d+@restored\.invalid$/);
    }
    const round = await db.commentRound.findFirstOrThrow({
      where: { reviewId: restoredId },
      include: { openedBy: { select: { name: true, email: true } } },
    });
    expect(round.openedBy?.name).toBe(supervisorPerson.name);
    expect(round.openedBy?.email).toMatch(/^restored-[0-9a-f]+-\d+@restored\.invalid$/);
    const placeholders = await db.user.findMany({
      where: { email: { endsWith: "@restored.invalid" }, screeningVotes: { some: { item: { reviewId: restoredId } } } },
      select: { email: true },
    });
    expect(placeholders.length).toBeGreaterThan(0);
    // Placeholders cannot sign in.
    await expect(
      verifyCredentials({ email: round.openedBy!.email, password: "!restored-from-backup" }, "restore-test"),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });

    // Each restore has placeholders of its own, so one restorer's file never names people in another's review.
    const users = await db.user.count();
    const { reviewId: again } = await restoreBackup(stranger.id, JSON.stringify(edited));
    expect(await db.user.count()).toBe(users + edited.people.length);
    const againRound = await db.commentRound.findFirstOrThrow({
      where: { reviewId: again },
      include: { openedBy: { select: { email: true } } },
    });
    expect(againRound.openedBy?.email).not.toBe(round.openedBy?.email);
  });

  it("refuses a bad file with the problem named and writes nothing", async () => {
    const good = await exportBackup(await accessTo(owner, reviewId));
    const broken = (change: (backup: Record<string, unknown>) => void) => {
      const copy = structuredClone(good) as unknown as Record<string, unknown>;
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, string, Record<string, unknown>][] = [
      ["{ not json", "notJson", {}],
      [JSON.stringify({ hello: "world" }), "wrongFormat", {}],
      [broken((b) => (b.version = 99)), "wrongVersion", { version: "99" }],
      [broken((b) => delete b.items), "invalidContent", { problems: [expect.stringMatching(/^items:/)] }],
      [
        broken((b) => ((b.items as { year: unknown }[])[0]!.year = "2020")),
        "invalidContent",
        { problems: [expect.stringMatching(/^items\.0\.year:/)] },
      ],
      [
        broken((b) => ((b.items as { stageId: string }[])[0]!.stageId = "nowhere")),
        "inconsistent",
        { problems: [expect.stringMatching(/items\[0\]\.stageId: nowhere/)] },
      ],
      [
        broken((b) => {
          const themes = b.themes as { id: string; nameZh: string }[];
          themes.push({ ...themes[0]!, id: "x1" });
        }),
        "inconsistent",
        { problems: [expect.stringMatching(/themes \(nameZh\)/)] },
      ],
    ];
    // Text PostgreSQL cannot store (a NUL) is named before anything is written; nesting far deeper than any
    // backup is refused before the file is parsed.
    cases.push(
      [
        broken((b) => ((b.activity as { kind: string }[]).at(-1)!.kind = "item.created\u0000")),
        "invalidContent",
        { problems: [expect.stringMatching(/^activity\.\d+\.kind: holds a NUL character/)] },
      ],
      [`{"format":"huitong-backup","items":${"[".repeat(50_000)}${"]".repeat(50_000)}}`, "tooDeep", { max: 256 }],
    );
    const before = await counts();
    for (const [text, kind, details] of cases) {
      await expect(restoreBackup(owner, text), kind).rejects.toMatchObject({
        code: "BACKUP_INVALID",
        details: { kind, ...details },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("rolls back everything when the database refuses part of a restore", async () => {
    const backup = await exportBackup(await accessTo(owner, reviewId));
    // Valid JSON and a valid backup, but a position past PostgreSQL's integer range: a table written after
    // the items, stages and themes fails.
    const copy = structuredClone(backup);
    copy.sections.at(-1)!.position = 2 ** 31;
    const before = await counts();
    await expect(restoreBackup(owner, JSON.stringify(copy))).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("lets only owners download a backup", async () => {
    for (const userId of [editor, supervisor]) {
      await expect(accessTo(userId, reviewId).then((access) => exportBackup(access))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const other = await createReviewWithTeam(db, "backup-other");
    await expect(accessTo(other.users.OWNER.id, reviewId).then((access) => exportBackup(access))).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
  });
});
