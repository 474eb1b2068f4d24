// The round's Word file against a real database: comments on their phrases as Word comments (replies
// threaded, accepted ones resolved), suggestions as tracked changes, detached and whole-section comments
// on the section heading, and the bibliography.
import { getSchema } from "@tiptap/core";
import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decideSuggestions, replyToThread, setThreadState, startThread } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { anchorDocument } from "./anchored-document";
import { exportRoundDocx, type RoundExportWords } from "./export-round";
import { openRound } from "./rounds";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
let ydoc: Y.Doc;

const TEXT = "党建引领基层治理是新时代的重要命题。";

const words: RoundExportWords = {
  untitled: "综述",
  bibliography: "参考文献",
  notes: "注释",
  documentTitle: (review, number, title) => `${review} · 第 ${number} 轮意见：${title}`,
  replace: (quote, text) => `建议把「${quote}」改为「${text}」`,
  remove: (quote) => `建议删除「${quote}」`,
  insert: (text) => `建议插入「${text}」`,
  detached: (quote) => `（原文「${quote}」已删除）`,
  wholeSection: "（针对整节）",
  decided: (state) => (state === "APPLIED" ? "已采纳：" : "已拒绝："),
};

/** The anchor the editor would send for the phrase `quote` (first occurrence) in the stored document. */
function anchorOf(quote: string, { point = false } = {}) {
  const fragment = ydoc.getXmlFragment(SECTION_FRAGMENT);
  const { mapping } = initProseMirrorDoc(fragment, getSchema(sectionExtensions()));
  const from = 1 + TEXT.indexOf(quote) + (point ? quote.length : 0);
  const to = point ? from : from + quote.length;
  const encode = (pos: number) =>
    JSON.stringify(Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, fragment, mapping as never)));
  return { start: encode(from), end: encode(to), quote: point ? "" : quote };
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "ex");
  ({ sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title: "引言",
  }));
  const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] };
  ydoc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(ydoc), content, updatedById: null });
});

describe("anchorDocument", () => {
  it("splits the text at the anchors and marks comments, deletions and insertions", () => {
    const comment = anchorOf("基层治理");
    const deletion = anchorOf("重要");
    const insertion = anchorOf("命题", { point: true });
    const { doc, detached } = anchorDocument(Y.encodeStateAsUpdate(ydoc), [
      { key: 1, commentKey: 1, start: comment.start, end: comment.end, suggestion: null },
      { key: 2, commentKey: null, start: deletion.start, end: deletion.end, suggestion: "核心" },
      { key: 3, commentKey: null, start: insertion.start, end: insertion.end, suggestion: "之一" },
      { key: 4, commentKey: 4, start: "{not json", end: "{}", suggestion: null },
    ]);
    expect(detached).toEqual([4]);
    const pieces = doc.content![0]!.content!;
    expect(pieces.map((piece) => piece.text)).toEqual([
      "党建引领",
      "基层治理",
      "是新时代的",
      "重要",
      "核心",
      "命题",
      "之一",
      "。",
    ]);
    expect(pieces[1]!.review).toEqual({ starts: [1], ends: [1], deletedBy: null });
    expect(pieces[3]!.review).toEqual({ starts: [], ends: [], deletedBy: 2 });
    expect(pieces[4]).toMatchObject({ type: "suggestedInsertion", attrs: { key: 2 } });
    expect(pieces[6]).toMatchObject({ type: "suggestedInsertion", attrs: { key: 3 } });
  });
});

describe("exportRoundDocx", () => {
  it("writes the round's comments as Word comments and its suggestions as tracked changes", async () => {
    const { roundId } = await openRound(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "第一轮",
      sectionIds: [sectionId],
    });
    const round = { reviewId: team.reviewId, sectionId, roundId };
    const asked = await startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      ...round,
      anchor: anchorOf("基层治理"),
      body: "这里要界定概念",
    });
    await replyToThread(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadId: asked.threadId,
      body: "已补充定义",
    });
    const settled = await startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      ...round,
      body: "结构清楚",
    });
    await setThreadState(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadId: settled.threadId,
      state: "ACCEPTED",
    });
    await startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      ...round,
      anchor: anchorOf("重要"),
      suggestion: "核心",
    });
    const rejected = await startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), {
      ...round,
      anchor: anchorOf("新时代"),
      suggestion: "当代",
    });
    await decideSuggestions(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      threadIds: [rejected.threadId],
      decision: "REJECTED",
    });

    const file = await exportRoundDocx(await accessTo(team.users.VIEWER.id, team.reviewId), roundId, {
      locale: "zh",
      words,
    });
    expect(file.filename).toBe("ex 综述 · 第 1 轮意见：第一轮.docx");
    const zip = await JSZip.loadAsync(file.body);
    const document = await zip.file("word/document.xml")!.async("string");
    const comments = await zip.file("word/comments.xml")!.async("string");
    const text = (xml: string) => xml.replace(/<[^>]+>/g, "");

    // The comment spans exactly its phrase.
    expect(document).toMatch(/<w:commentRangeStart w:id="(\d+)"\/>.*?基层治理.*?<w:commentRangeEnd w:id="\1"\/>/);
    const between = document.match(/<w:commentRangeStart w:id="(\d+)"\/>(.*?)<w:commentRangeEnd w:id="\1"\/>/g)!;
    expect(between.map(text)).toContain("基层治理");
    expect(text(comments)).toContain("这里要界定概念");
    expect(text(comments)).toContain("已补充定义");
    expect(text(comments)).toContain("结构清楚");
    expect(text(comments)).toContain("（针对整节）");
    // The pending suggestion is a tracked change; the rejected one is gone.
    expect(document).toMatch(/<w:del [^>]*w:author="ex-supervisor"[^>]*>.*?<w:delText[^>]*>重要<\/w:delText>/);
    expect(document).toMatch(/<w:ins [^>]*w:author="ex-supervisor"[^>]*>.*?<w:t[^>]*>核心<\/w:t>/);
    expect(document).not.toContain("当代");
    // Decided suggestions stay on record as resolved comments.
    expect(text(comments)).toContain("已拒绝：建议把「新时代」改为「当代」");
    expect(text(document)).toContain("新时代");

    await expect(
      accessTo(team.users.VIEWER.id, team.reviewId).then((access) =>
        exportRoundDocx(access, "no-such-round", { locale: "zh", words }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createReviewWithTeam(db, "ey");
    await expect(
      accessTo(stranger.users.OWNER.id, team.reviewId).then((access) =>
        exportRoundDocx(access, roundId, { locale: "zh", words }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
