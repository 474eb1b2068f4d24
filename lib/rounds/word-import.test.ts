// A round's Word file annotated offline and uploaded back: new comments and tracked changes are found in
// the section by their phrase and context, previewed, and created as the uploader's; comments the app
// already has are recognised; phrases that no longer exist are listed, not dropped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getSchema } from "@tiptap/core";
import { initProseMirrorDoc, prosemirrorJSONToYDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startThread } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { anchorDocument } from "./anchored-document";
import { openRound } from "./rounds";
import { applyWordImport, previewWordImport } from "./word-import";
import { readWordAnnotations } from "./word-annotations";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
let roundId: string;
const TEXT = ["党建引领基层治理是新时代的重要命题。", "社区韧性需要多元主体协同，重要命题需要回应。"];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "wi");
  ({ sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title: "引言",
    ownerId: team.users.EDITOR.id,
  }));
  const content: DocNode = {
    type: "doc",
    content: [
      ...TEXT.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
      // A citation, which the exported Word file prints as its label: "韧性治理研究[1]表明协同有效。"
      {
        type: "paragraph",
        content: [
          { type: "text", text: "韧性治理研究" },
          { type: "citation", attrs: { itemId: team.itemId, locator: null } },
          { type: "text", text: "表明协同有效。" },
        ],
      },
    ],
  };
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });
  ({ roundId } = await openRound(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title: "第一轮",
    sectionIds: [sectionId],
  }));
  // Already in the app (and so in the exported file): a comment on the first paragraph.
  await startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
    reviewId: team.reviewId,
    sectionId,
    roundId,
    body: "整体不错",
  });
});
afterAll(async () => {
  await db.$disconnect();
});

/** The round's file after a supervisor worked on it in Word. */
async function annotatedFile(): Promise<Uint8Array> {
  const date = "2026-12-06T10:00:00Z";
  const author = "王老师";
  const document = new Document({
    comments: {
      children: [
        { id: 1, author, date: new Date(date), children: [new Paragraph("“重要命题”要给出处")] },
        { id: 2, author, date: new Date(date), children: [new Paragraph("这句删掉了吗？")] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun("引言")] }),
          new Paragraph({
            children: [
              new TextRun("党建引领基层治理是新时代的"),
              new CommentRangeStart(1),
              new TextRun("重要命题"),
              new CommentRangeEnd(1),
              new TextRun({ children: [new CommentReference(1)] }),
              new TextRun("。"),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun("社区韧性"),
              new InsertedTextRun({ text: "建设", id: 11, author, date }),
              new TextRun("需要"),
              new DeletedTextRun({ text: "多元主体", id: 12, author, date }),
              new InsertedTextRun({ text: "政府、市场与社会", id: 13, author, date }),
              new TextRun("协同，重要命题需要回应。"),
            ],
          }),
          new Paragraph({
            children: [
              new CommentRangeStart(2),
              new TextRun("这一句在应用里已经不存在"),
              new CommentRangeEnd(2),
              new TextRun({ children: [new CommentReference(2)] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const paraId = (id: number) => (0x10000000 + id).toString(16).toUpperCase();

/**
 * Threads replies as Word, WPS and LibreOffice write them: each comment's last paragraph has a w14:paraId in
 * comments.xml, and commentsExtended.xml names each reply's parent by it (the docx package writes neither).
 */
async function withReplies(bytes: Uint8Array, parents: Record<number, number>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const comments = (await zip.file("word/comments.xml")!.async("string")).replace(
    /(<w:comment\b[^>]*\bw:id="(\d+)"[^>]*>)([\s\S]*?)(<\/w:comment>)/g,
    (_, open: string, id: string, inner: string, close: string) =>
      `${open}${inner.replace(/<w:p>(?![\s\S]*<w:p>)/, `<w:p w14:paraId="${paraId(Number(id))}">`)}${close}`,
  );
  zip.file("word/comments.xml", comments);
  const entries = Object.entries(parents).map(
    ([child, parent]) =>
      `<w15:commentEx w15:paraId="${paraId(Number(child))}" w15:paraIdParent="${paraId(parent)}" w15:done="0"/>`,
  );
  zip.file(
    "word/commentsExtended.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">' +
      `${entries.join("")}</w15:commentsEx>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml" PartName="/word/commentsExtended.xml"/></Types>',
    ),
  );
  const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  zip.file(
    "word/_rels/document.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCommentsExtended" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    ),
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

/**
 * The round's file after a second pass in Word: a reply to the comment the app now has, a new comment on a
 * phrase with a citation ("研究[1]表明", as the export prints it) with its own reply, and a reply to a reply.
 */
async function repliedFile(): Promise<Uint8Array> {
  const comment = (id: number, author: string, text: string) => ({
    id,
    author,
    // Each reply after what it answers, as people write them.
    date: new Date(Date.UTC(2026, 11, 6, 11, id)),
    children: [new Paragraph(text)],
  });
  const document = new Document({
    comments: {
      children: [
        comment(1, "王老师", "“重要命题”要给出处"),
        comment(3, "王老师", "出处见第二段即可"),
        comment(4, "王老师", "这里引用的是哪一年的版本？"),
        comment(5, "李同学", "2020 年版"),
        comment(6, "王老师", "“社区韧性”需要定义"),
        comment(7, "李同学", "已补充定义"),
        comment(8, "王老师", "可以"),
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun("党建引领基层治理是新时代的"),
              // Word repeats the parent's range for a reply.
              new CommentRangeStart(1),
              new CommentRangeStart(3),
              new TextRun("重要命题"),
              new CommentRangeEnd(1),
              new CommentRangeEnd(3),
              new TextRun({ children: [new CommentReference(1)] }),
              new TextRun({ children: [new CommentReference(3)] }),
              new TextRun("。"),
            ],
          }),
          new Paragraph({
            children: [
              ...[6, 7, 8].map((id) => new CommentRangeStart(id)),
              new TextRun("社区韧性"),
              ...[6, 7, 8].flatMap((id) => [
                new CommentRangeEnd(id),
                new TextRun({ children: [new CommentReference(id)] }),
              ]),
              new TextRun("需要多元主体协同，重要命题需要回应。"),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun("韧性治理"),
              new CommentRangeStart(4),
              new CommentRangeStart(5),
              new TextRun("研究"),
              new TextRun({ text: "[1]", superScript: true }),
              new TextRun("表明"),
              new CommentRangeEnd(4),
              new CommentRangeEnd(5),
              new TextRun({ children: [new CommentReference(4)] }),
              new TextRun({ children: [new CommentReference(5)] }),
              new TextRun("协同有效。"),
            ],
          }),
        ],
      },
    ],
  });
  return withReplies(new Uint8Array(await Packer.toBuffer(document)), { 3: 1, 5: 4, 7: 6, 8: 7 });
}

describe("Word re-import", () => {
  it("reads comments with their phrase and context, and tracked changes as replacements and insertions", async () => {
    const { comments, changes } = await readWordAnnotations(await annotatedFile());
    expect(comments).toEqual([
      expect.objectContaining({ author: "王老师", body: "“重要命题”要给出处", quote: "重要命题", after: "。" }),
      expect.objectContaining({ body: "这句删掉了吗？", quote: "这一句在应用里已经不存在" }),
    ]);
    expect(changes).toEqual([
      expect.objectContaining({
        quote: "",
        text: "建设",
        before: "社区韧性",
        after: "需要多元主体协同，重要命题需要回应。",
      }),
      expect.objectContaining({ quote: "多元主体", text: "政府、市场与社会", before: "社区韧性需要" }),
    ]);
  });

  it("reads the same annotations from a file LibreOffice wrote (fixtures/annotated-libreoffice.docx)", async () => {
    // Made by `soffice --headless --convert-to docx` from a docx-package file with one comment and one replacement.
    const file = readFileSync(path.join(import.meta.dirname, "fixtures/annotated-libreoffice.docx"));
    const { comments, changes } = await readWordAnnotations(new Uint8Array(file));
    expect(comments).toEqual([
      expect.objectContaining({ author: "王老师", body: "“重要命题”要给出处", quote: "重要命题", after: "。" }),
    ]);
    expect(changes).toEqual([
      expect.objectContaining({ quote: "多元主体", text: "政府、市场与社会", before: "社区韧性需要" }),
    ]);
  });

  it("previews new comments and suggestions on their phrases, and lists what no longer matches", async () => {
    const before = await db.commentThread.count();
    const { entries } = await previewWordImport(
      await accessTo(team.users.SUPERVISOR.id, team.reviewId),
      roundId,
      await annotatedFile(),
    );
    expect(await db.commentThread.count()).toBe(before);
    expect(entries.map((entry) => [entry.kind, entry.status, entry.quote, entry.body ?? entry.suggestion])).toEqual([
      ["comment", "new", "重要命题", "“重要命题”要给出处"],
      ["comment", "unmatched", "这一句在应用里已经不存在", "这句删掉了吗？"],
      ["suggestion", "new", "", "建设"],
      ["suggestion", "new", "多元主体", "政府、市场与社会"],
    ]);
    expect(entries[0]!.sectionTitle).toBe("引言");
  });

  it("creates them as the uploader's, anchored where they were made (the right one of two equal phrases)", async () => {
    const file = await annotatedFile();
    expect(await applyWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file)).toEqual({
      created: 3,
      unmatched: 1,
    });
    const threads = await db.commentThread.findMany({
      where: { roundId, deletedAt: null, createdById: team.users.SUPERVISOR.id, anchorStart: { not: null } },
      orderBy: { createdAt: "asc" },
    });
    expect(threads.map((thread) => [thread.quote, thread.suggestion, thread.suggestionState])).toEqual([
      ["重要命题", null, null],
      ["", "建设", "PENDING"],
      ["多元主体", "政府、市场与社会", "PENDING"],
    ]);
    // Resolving the anchors against the stored Yjs state gives back the phrases, in the right paragraph.
    const stored = await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } });
    const anchored = anchorDocument(
      stored.state,
      threads.map((thread, index) => ({
        key: index + 1,
        commentKey: index + 1,
        start: thread.anchorStart!,
        end: thread.anchorEnd!,
        suggestion: thread.suggestion,
      })),
    );
    expect(anchored.detached).toEqual([]);
    const json = JSON.stringify(anchored.doc);
    // "重要命题" occurs twice; the comment was on the first paragraph's.
    const firstParagraph = JSON.stringify(anchored.doc.content![0]);
    expect(firstParagraph).toContain('"starts":[1]');
    expect(json).toContain("政府、市场与社会");
    // Uploading the same file again creates nothing new: everything is now known.
    const again = await previewWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file);
    expect(again.entries.filter((entry) => entry.status === "new")).toEqual([]);
    // The section's owner heard about them.
    expect(
      await db.notification.count({ where: { userId: team.users.EDITOR.id, kind: { in: ["COMMENT", "SUGGESTION"] } } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("refuses what is not a Word file, and viewers", async () => {
    await expect(
      accessTo(team.users.SUPERVISOR.id, team.reviewId).then((access) =>
        previewWordImport(access, roundId, new TextEncoder().encode("not a zip")),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      accessTo(team.users.VIEWER.id, team.reviewId).then(async (access) =>
        previewWordImport(access, roundId, await annotatedFile()),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("threads Word replies under their comment (commentsExtended.xml), a reply to a reply under the first", async () => {
    const { comments } = await readWordAnnotations(await repliedFile());
    expect(comments.map((comment) => [comment.quote, comment.body, comment.replies])).toEqual([
      ["重要命题", "“重要命题”要给出处", [{ author: "王老师", body: "出处见第二段即可" }]],
      [
        "社区韧性",
        "“社区韧性”需要定义",
        [
          { author: "李同学", body: "已补充定义" },
          { author: "王老师", body: "可以" },
        ],
      ],
      ["研究[1]表明", "这里引用的是哪一年的版本？", [{ author: "李同学", body: "2020 年版" }]],
    ]);
  });

  it("imports replies as replies, and finds a phrase with a citation by the label the export printed", async () => {
    const file = await repliedFile();
    const { entries } = await previewWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file);
    expect(
      entries.map((entry) => [entry.kind, entry.status, entry.quote, entry.body, entry.replies.map((r) => r.body)]),
    ).toEqual([
      ["comment", "existing", "重要命题", "“重要命题”要给出处", []],
      ["reply", "new", "重要命题", "出处见第二段即可", []],
      ["comment", "new", "社区韧性", "“社区韧性”需要定义", ["已补充定义", "可以"]],
      ["comment", "new", "研究[1]表明", "这里引用的是哪一年的版本？", ["2020 年版"]],
    ]);
    const existing = await db.commentThread.findFirstOrThrow({
      where: { roundId, quote: "重要命题", deletedAt: null },
      select: { id: true },
    });
    expect(entries[1]!.threadId).toBe(existing.id);

    expect(await applyWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file)).toEqual({
      created: 3,
      unmatched: 0,
    });
    const bodies = async (quote: string) =>
      (
        await db.commentThread.findFirstOrThrow({
          where: { roundId, quote, deletedAt: null },
          select: { comments: { orderBy: { createdAt: "asc" }, select: { body: true, authorId: true } } },
        })
      ).comments.map((comment) => comment.body);
    expect(await bodies("重要命题")).toEqual(["“重要命题”要给出处", "出处见第二段即可"]);
    expect(await bodies("社区韧性")).toEqual(["“社区韧性”需要定义", "已补充定义", "可以"]);
    expect(await bodies("研究[1]表明")).toEqual(["这里引用的是哪一年的版本？", "2020 年版"]);

    // The anchor spans the citation node: the phrase reads the same with the citation as its label.
    const thread = await db.commentThread.findFirstOrThrow({ where: { roundId, quote: "研究[1]表明" } });
    const stored = await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } });
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, stored.state);
    const fragment = ydoc.getXmlFragment(SECTION_FRAGMENT);
    const { doc, mapping } = initProseMirrorDoc(fragment, getSchema(sectionExtensions()));
    const absolute = (json: string) =>
      relativePositionToAbsolutePosition(ydoc, fragment, Y.createRelativePositionFromJSON(JSON.parse(json)), mapping)!;
    const text = doc.textBetween(absolute(thread.anchorStart!), absolute(thread.anchorEnd!), "", (node) =>
      node.type.name === "citation" ? "[1]" : "",
    );
    expect(text).toBe("研究[1]表明");

    // Again: the replies are known now, nothing is created twice.
    const again = await previewWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file);
    expect(again.entries.filter((entry) => entry.status === "new")).toEqual([]);
    // The comment's author heard about the reply.
    expect(
      await db.notification.count({
        where: { kind: "REPLY", data: { path: ["excerpt"], equals: "出处见第二段即可" } },
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("reads the same threads from the file after LibreOffice saved it (fixtures/replied-libreoffice.docx)", async () => {
    // repliedFile() through `soffice --headless --convert-to docx`: LibreOffice 7.4 drops commentsExtended.xml
    // and renumbers the comments, keeping each reply as a comment on its parent's phrase.
    const file = new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures/replied-libreoffice.docx")));
    const { comments } = await readWordAnnotations(file);
    expect(
      comments.map((comment) => [comment.quote, comment.body, comment.replies.map((reply) => reply.body)]),
    ).toEqual([
      ["重要命题", "“重要命题”要给出处", ["出处见第二段即可"]],
      ["社区韧性", "“社区韧性”需要定义", ["已补充定义", "可以"]],
      ["研究[1]表明", "这里引用的是哪一年的版本？", ["2020 年版"]],
    ]);
    // Everything in it was imported from the Word file above: known, comments and replies alike.
    const { entries } = await previewWordImport(await accessTo(team.users.SUPERVISOR.id, team.reviewId), roundId, file);
    expect(entries.map((entry) => [entry.kind, entry.status])).toEqual([
      ["comment", "existing"],
      ["reply", "existing"],
      ["comment", "existing"],
      ["reply", "existing"],
      ["reply", "existing"],
      ["comment", "existing"],
      ["reply", "existing"],
    ]);
  });
});
