// A synthesis as a Word document laid out the way Chinese academic writing expects: 宋体 body and 黑体
// headings (Times New Roman for Latin text), real footnotes, Word lists, and the bibliography at the end.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ILevelsOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import type { DocNode } from "./document-model";
import { citationLabeller, nestedHeadingLevel, noteText, safeHref, type SynthesisExportInput } from "./export-input";

/**
 * A review round laid over the text (see lib/rounds/anchored-document): Word comments on their phrases and
 * suggestions as tracked changes. Text nodes may carry `review` marks and `suggestedInsertion` nodes.
 */
export interface DocxReview {
  comments: ICommentOptions[];
  /** Author and date of each suggestion, by its key (its deletion's id), and the id of its insertion. */
  revisions: Map<number, { author: string; date: string; insertionId: number }>;
  /** Replies by the comment they answer: Word marks the same phrase for each, as it does itself. */
  replies: Map<number, number[]>;
  /** Per section (by index): comments that belong to the section as a whole or lost their phrase. */
  sectionComments: number[][];
}

interface ReviewMarks {
  starts: number[];
  ends: number[];
  deletedBy: number | null;
}

export interface SynthesisDocxInput extends SynthesisExportInput {
  review?: DocxReview;
  /** The document's language: Word's proofing language and, for Chinese, first-line indents of two characters. */
  language: "zh" | "en";
  /** Set the citation labels as superscript (GB/T 7714 numeric; see RenderedCitations.superscript). */
  superscriptLabels?: boolean;
}

// Word picks the font per character: eastAsia for Han characters, ascii/hAnsi for Latin text.
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" };
const HEADING_FONT = { ...BODY_FONT, eastAsia: "SimHei" };

// Sizes in half-points: 小四 (12 pt) body, 三号/四号/小四 headings, 小二 title, 小五 footnotes.
const BODY_SIZE = 24;
const HEADING_SIZES = [32, 28, 24, 24, 24, 24];
const INDENT_STEP = 420; // twips, two 10.5-pt characters
const QUOTE_INDENT = 2 * INDENT_STEP;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const BULLET_LIST = "bullet-list";
const ORDERED_LIST = "ordered-list";
const BULLETS = ["•", "◦", "▪"];

function listLevels(ordered: boolean): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: INDENT_STEP } } },
  }));
}

interface Context {
  review: DocxReview | null;
  labelFor: (citation: DocNode) => string;
  superscriptLabels: boolean;
  chinese: boolean;
  /** Each list gets its own numbering instance, so every numbered list counts from 1. */
  nextListInstance: number;
}

interface Formatting {
  bold: boolean;
  italics: boolean;
  font: typeof BODY_FONT;
  hyperlink: boolean;
}

function run(text: string, formatting: Formatting, extra: { superScript?: boolean; break?: number } = {}): TextRun {
  return new TextRun({
    text,
    bold: formatting.bold || undefined,
    italics: formatting.italics || undefined,
    font: formatting.font,
    style: formatting.hyperlink ? "Hyperlink" : undefined,
    ...extra,
  });
}

function noteParagraphs(text: string): Paragraph[] {
  return text
    .split("\n")
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: BODY_FONT, size: 18 })] }));
}

function thread(key: number, review: DocxReview | null): number[] {
  return [key, ...(review?.replies.get(key) ?? [])];
}

function commentStart(key: number, review: DocxReview | null): ParagraphChild[] {
  return thread(key, review).map((id) => new CommentRangeStart(id));
}

function commentEnd(key: number, review: DocxReview | null): ParagraphChild[] {
  return thread(key, review).flatMap((id) => [
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] }),
  ]);
}

/** A text run with the round's marks: comments opening and closing on it, or a suggestion deleting it. */
function reviewedText(node: DocNode, formatting: Formatting, context: Context): ParagraphChild[] {
  const marks = (node as DocNode & { review?: ReviewMarks }).review;
  const text = node.text ?? "";
  if (!text) return [];
  const revision = marks?.deletedBy != null ? context.review?.revisions.get(marks.deletedBy) : undefined;
  const body = revision
    ? new DeletedTextRun({
        id: marks!.deletedBy!,
        author: revision.author,
        date: revision.date,
        text,
        bold: formatting.bold || undefined,
        italics: formatting.italics || undefined,
        font: formatting.font,
      })
    : run(text, formatting);
  return [
    ...(marks?.starts ?? []).flatMap((key) => commentStart(key, context.review)),
    body,
    ...(marks?.ends ?? []).flatMap((key) => commentEnd(key, context.review)),
  ];
}

function inlineRun(node: DocNode, formatting: Formatting, context: Context): ParagraphChild | ParagraphChild[] | null {
  switch (node.type) {
    case "text":
      return reviewedText(node, formatting, context);
    case "suggestedInsertion": {
      const key = Number(node.attrs?.key);
      const revision = context.review?.revisions.get(key);
      if (!node.text || !revision) return null;
      return new InsertedTextRun({
        id: revision.insertionId,
        author: revision.author,
        date: revision.date,
        text: node.text,
        font: formatting.font,
      });
    }
    case "hardBreak":
      return run("", formatting, { break: 1 });
    case "citation":
      return run(context.labelFor(node), formatting, { superScript: context.superscriptLabels || undefined });
    case "note":
      return new FootnoteReferenceRun({ children: noteParagraphs(noteText(node)) });
    default:
      return node.text ? run(node.text, formatting) : null;
  }
}

/** Runs for inline content; a stretch of nodes sharing one link becomes one hyperlink. */
function inlineChildren(nodes: DocNode[], context: Context, font: typeof BODY_FONT): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let index = 0;
  while (index < nodes.length) {
    const href = linkOf(nodes[index]!);
    let end = index + 1;
    if (href) while (end < nodes.length && linkOf(nodes[end]!) === href) end++;
    const runs = nodes.slice(index, end).flatMap((node) => {
      const marks = new Set((node.marks ?? []).map((mark) => mark.type));
      const formatting = { bold: marks.has("bold"), italics: marks.has("italic"), font, hyperlink: href !== null };
      return inlineRun(node, formatting, context) ?? [];
    });
    if (href && runs.length > 0) children.push(new ExternalHyperlink({ link: href, children: runs }));
    else children.push(...runs);
    index = end;
  }
  return children;
}

function linkOf(node: DocNode): string | null {
  const link = node.marks?.find((mark) => mark.type === "link");
  return link ? safeHref(link.attrs?.href) : null;
}

interface Placement {
  quoteDepth: number;
  list?: { reference: string; instance: number; level: number; numbered: boolean };
}

function bodyParagraph(nodes: DocNode[], context: Context, placement: Placement): Paragraph | null {
  const children = inlineChildren(nodes, context, BODY_FONT);
  const { list } = placement;
  if (children.length === 0 && !list?.numbered) return null;
  const quoteIndent = placement.quoteDepth * QUOTE_INDENT;
  let indent: IParagraphOptions["indent"];
  if (list) {
    const left = quoteIndent + INDENT_STEP * (list.level + 1);
    // A numbered paragraph takes its indents from the list level unless a quote pushes it further in.
    if (!list.numbered) indent = { left };
    else if (quoteIndent) indent = { left, hanging: INDENT_STEP };
  } else if (quoteIndent) {
    indent = { left: quoteIndent, right: QUOTE_INDENT };
  } else if (context.chinese) {
    indent = { firstLineChars: 200 }; // 首行缩进两字
  }
  const numbering = list?.numbered
    ? { reference: list.reference, level: list.level, instance: list.instance }
    : undefined;
  return new Paragraph({ children, indent, numbering });
}

function blocks(nodes: DocNode[], context: Context, placement: Placement): Paragraph[] {
  return nodes.flatMap((node) => block(node, context, placement));
}

function block(node: DocNode, context: Context, placement: Placement): Paragraph[] {
  const children = node.content ?? [];
  switch (node.type) {
    case "paragraph":
      return [bodyParagraph(children, context, placement) ?? []].flat();
    case "heading": {
      const runs = inlineChildren(children, context, HEADING_FONT);
      if (runs.length === 0) return [];
      const heading = HEADINGS[nestedHeadingLevel(node.attrs?.level, HEADINGS.length + 1) - 2]!;
      return [new Paragraph({ heading, children: runs })];
    }
    case "blockquote":
      return blocks(children, context, { ...placement, quoteDepth: placement.quoteDepth + 1 });
    case "bulletList":
    case "orderedList": {
      const reference = node.type === "orderedList" ? ORDERED_LIST : BULLET_LIST;
      const instance = context.nextListInstance++;
      const level = placement.list ? Math.min(placement.list.level + 1, 8) : 0;
      return children.flatMap((item) =>
        (item.content ?? []).flatMap((child, index) =>
          block(child, context, {
            quoteDepth: placement.quoteDepth,
            // Only an item's first paragraph carries the bullet or number; the rest align with its text.
            list: { reference, instance, level, numbered: index === 0 && child.type === "paragraph" },
          }),
        ),
      );
    }
    default:
      return children.every((child) => ["text", "hardBreak", "citation", "note"].includes(child.type))
        ? [bodyParagraph(children, context, placement) ?? []].flat()
        : blocks(children, context, placement);
  }
}

function headingParagraph(
  text: string,
  heading: (typeof HEADINGS)[number] | typeof HeadingLevel.TITLE,
  comments: number[] = [],
  review: DocxReview | null = null,
): Paragraph {
  return new Paragraph({
    heading,
    alignment: heading === HeadingLevel.TITLE ? AlignmentType.CENTER : undefined,
    children: [
      ...comments.flatMap((key) => commentStart(key, review)),
      new TextRun({ text, font: HEADING_FONT }),
      ...comments.flatMap((key) => commentEnd(key, review)),
    ],
  });
}

const headingStyle = (size: number) => ({
  run: { font: HEADING_FONT, size, bold: false, italics: false, color: "000000" },
  paragraph: { spacing: { before: 240, after: 120 } },
});

export async function synthesisToDocx(input: SynthesisDocxInput): Promise<Buffer> {
  const context: Context = {
    review: input.review ?? null,
    labelFor: citationLabeller(input.labels),
    superscriptLabels: input.superscriptLabels ?? false,
    chinese: input.language === "zh",
    nextListInstance: 1,
  };
  const body: Paragraph[] = [headingParagraph(input.title, HeadingLevel.TITLE)];
  for (const [index, section] of input.sections.entries()) {
    body.push(
      headingParagraph(section.title, HeadingLevel.HEADING_1, input.review?.sectionComments[index], context.review),
    );
    body.push(...blocks(section.doc.content ?? [], context, { quoteDepth: 0 }));
  }
  // Notes are Word footnotes at the foot of their page, so notesHeading has no place here.
  if (input.bibliography.length > 0) {
    body.push(headingParagraph(input.bibliographyHeading, HeadingLevel.HEADING_1));
    for (const entry of input.bibliography) {
      body.push(
        new Paragraph({
          indent: { left: INDENT_STEP, hanging: INDENT_STEP },
          children: [new TextRun({ text: entry.text, font: BODY_FONT })],
        }),
      );
    }
  }

  const document = new Document({
    title: input.title,
    comments: input.review ? { children: input.review.comments } : undefined,
    styles: {
      default: {
        document: {
          run: {
            font: BODY_FONT,
            size: BODY_SIZE,
            language: { value: input.language === "zh" ? "zh-CN" : "en-US", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: { after: 120, line: 360 } },
        },
        title: {
          run: { font: HEADING_FONT, size: 36, bold: true, color: "000000" },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: headingStyle(HEADING_SIZES[0]!),
        heading2: headingStyle(HEADING_SIZES[1]!),
        heading3: headingStyle(HEADING_SIZES[2]!),
        heading4: headingStyle(HEADING_SIZES[3]!),
        heading5: headingStyle(HEADING_SIZES[4]!),
        heading6: headingStyle(HEADING_SIZES[5]!),
      },
    },
    numbering: {
      config: [
        { reference: BULLET_LIST, levels: listLevels(false) },
        { reference: ORDERED_LIST, levels: listLevels(true) },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
