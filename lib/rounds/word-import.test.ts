// A round's Word file annotated offline and uploaded back: new comments and tracked changes are found in
// the section by their phrase and context, previewed, and created as the uploader's; comments the app
// already has are recognised; phrases that no longer exist are listed, not dropped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
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
  ({ sectionId } = await createSection(team.users.EDITOR.id, {
    reviewId: team.reviewId,
    title: "引言",
    ownerId: team.users.EDITOR.id,
  }));
  const content: DocNode = {
    type: "doc",
    content: TEXT.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
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
});
