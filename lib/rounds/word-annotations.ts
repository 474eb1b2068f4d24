// Reading a Word file annotated offline (Word, WPS, LibreOffice): its comments (comments.xml, placed by
// commentRangeStart/End in document.xml) with their replies (commentsExtended.xml threads a reply to its
// parent by paragraph ids), and its tracked changes (w:ins, w:del), each with the phrase it is on and a little
// of the text around it, so it can be found again in the section as it reads now.
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { AppError } from "@/lib/errors/app-error";

export interface WordReply {
  author: string;
  body: string;
}

export interface WordComment {
  id: string;
  author: string;
  body: string;
  /** Replies made in Word ("Reply" on the comment), oldest first. */
  replies: WordReply[];
  /** The commented phrase as the file reads without its tracked changes ("" for a comment on a point). */
  quote: string;
  before: string;
  after: string;
}

export interface WordChange {
  author: string;
  /** Text the change removes ("" for a pure insertion) and the text it puts in its place. */
  quote: string;
  text: string;
  before: string;
  after: string;
}

export interface WordAnnotations {
  comments: WordComment[];
  changes: WordChange[];
}

type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
});

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@");
}

function children(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string {
  return node[":@"]?.[name] ?? "";
}

/** Text of the w:t / w:delText inside a run, in order. */
function runText(run: XmlNode): string {
  let text = "";
  for (const child of children(run)) {
    const tag = tagOf(child);
    if (tag === "w:t" || tag === "w:delText")
      text += children(child)
        .map((leaf) => String(leaf["#text"] ?? ""))
        .join("");
    else if (tag === "w:tab") text += "\t";
    else if (tag === "w:br") text += "\n";
  }
  return text;
}

type Event =
  | { kind: "text"; text: string; change: null | { type: "ins" | "del"; author: string } }
  | { kind: "start" | "end"; id: string };

function paragraphEvents(paragraph: XmlNode): Event[] {
  const events: Event[] = [];
  const walk = (node: XmlNode, change: null | { type: "ins" | "del"; author: string }) => {
    const tag = tagOf(node);
    if (tag === "w:r") {
      const text = runText(node);
      if (text) events.push({ kind: "text", text, change });
      return;
    }
    if (tag === "w:commentRangeStart") return void events.push({ kind: "start", id: attr(node, "w:id") });
    if (tag === "w:commentRangeEnd") return void events.push({ kind: "end", id: attr(node, "w:id") });
    if (tag === "w:ins" || tag === "w:del") {
      const inner = { type: tag === "w:ins" ? ("ins" as const) : ("del" as const), author: attr(node, "w:author") };
      for (const child of children(node)) walk(child, inner);
      return;
    }
    if (tag === "w:pPr" || tag === "w:rPr") return;
    for (const child of children(node)) walk(child, change);
  };
  for (const child of children(paragraph)) walk(child, null);
  return events;
}

function collect(nodes: XmlNode[], tag: string, found: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) found.push(node);
    else collect(children(node), tag, found);
  }
  return found;
}

const CONTEXT = 24;

export async function readWordAnnotations(bytes: Uint8Array): Promise<WordAnnotations> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "not a .docx file", { file: ["validation.custom.wordFile"] });
  }
  const documentXml = await zip.file("word/document.xml")?.async("string");
  if (!documentXml)
    throw new AppError("INVALID_INPUT", "no word/document.xml", { file: ["validation.custom.wordFile"] });
  const commentsXml = await zip.file("word/comments.xml")?.async("string");
  const extendedXml = await zip.file("word/commentsExtended.xml")?.async("string");

  const bodies = new Map<string, { author: string; body: string; date: string }>();
  // Word (2013+), WPS and LibreOffice name each comment by the w14:paraId of its last paragraph;
  // commentsExtended.xml then says which comment a reply answers (w15:paraIdParent).
  const commentOfParagraph = new Map<string, string>();
  const order: string[] = [];
  if (commentsXml) {
    for (const comment of collect(parser.parse(commentsXml) as XmlNode[], "w:comment")) {
      const id = attr(comment, "w:id");
      const paragraphNodes = collect(children(comment), "w:p");
      const paragraphs = paragraphNodes.map((paragraph) =>
        paragraphEvents(paragraph)
          .map((event) => (event.kind === "text" ? event.text : ""))
          .join(""),
      );
      bodies.set(id, {
        author: attr(comment, "w:author"),
        body: paragraphs.join("\n").trim(),
        date: attr(comment, "w:date"),
      });
      order.push(id);
      const paraId = paragraphNodes.length ? attr(paragraphNodes[paragraphNodes.length - 1]!, "w14:paraId") : "";
      if (paraId) commentOfParagraph.set(paraId.toUpperCase(), id);
    }
  }
  const parentOf = new Map<string, string>();
  if (extendedXml) {
    for (const entry of collect(parser.parse(extendedXml) as XmlNode[], "w15:commentEx")) {
      const child = commentOfParagraph.get(attr(entry, "w15:paraId").toUpperCase());
      const parent = commentOfParagraph.get(attr(entry, "w15:paraIdParent").toUpperCase());
      if (child && parent && child !== parent) parentOf.set(child, parent);
    }
  }
  // A reply to a reply belongs to the thread's first comment, as Word shows it.
  const rootOf = (id: string) => {
    let root = id;
    for (let hops = 0; parentOf.has(root) && hops < 100; hops++) root = parentOf.get(root)!;
    return root;
  };
  const repliesOf = new Map<string, WordReply[]>();
  for (const id of order) {
    if (!parentOf.has(id)) continue;
    const reply = bodies.get(id)!;
    if (!reply.body) continue;
    const root = rootOf(id);
    repliesOf.set(root, [...(repliesOf.get(root) ?? []), { author: reply.author, body: reply.body }]);
  }

  const comments: WordComment[] = [];
  const changes: WordChange[] = [];
  for (const paragraph of collect(parser.parse(documentXml) as XmlNode[], "w:p")) {
    const events = paragraphEvents(paragraph);
    // The paragraph as it read before the tracked changes: what the section's text should still contain.
    let base = "";
    const opened = new Map<string, number>();
    const ranges: { id: string; from: number; to: number }[] = [];
    const pending: { from: number; deleted: string; inserted: string; author: string }[] = [];
    let last: (typeof pending)[number] | null = null;
    for (const event of events) {
      if (event.kind === "start") opened.set(event.id, base.length);
      else if (event.kind === "end") {
        const from = opened.get(event.id);
        if (from !== undefined) ranges.push({ id: event.id, from, to: base.length });
      } else if (event.kind !== "text") continue;
      else if (!event.change) {
        base += event.text;
        last = null;
      } else {
        // A deletion and an insertion side by side are one replacement, as Word shows it.
        if (!last || last.author !== event.change.author) {
          last = { from: base.length, deleted: "", inserted: "", author: event.change.author };
          pending.push(last);
        }
        if (event.change.type === "del") {
          last.deleted += event.text;
          base += event.text;
        } else last.inserted += event.text;
      }
    }
    // By phrase, then by time and as comments.xml lists them: a parent before its replies (LibreOffice
    // renumbers comments, so their order in the file alone does not say which came first).
    const dateOf = (id: string) => bodies.get(id)?.date ?? "";
    ranges.sort(
      (a, b) =>
        a.from - b.from ||
        a.to - b.to ||
        dateOf(a.id).localeCompare(dateOf(b.id)) ||
        order.indexOf(a.id) - order.indexOf(b.id),
    );
    const onRange = new Map<string, WordComment>();
    for (const range of ranges) {
      const body = bodies.get(range.id);
      // A reply's range repeats its parent's; it travels with the parent instead.
      if (!body || parentOf.has(range.id)) continue;
      // Without commentsExtended.xml (LibreOffice, Word 2010 and older, this app's own export) a reply is a
      // comment on exactly its parent's phrase, after it: read it as the reply it is.
      const earlier = onRange.get(`${range.from}:${range.to}`);
      if (!extendedXml && earlier) {
        if (body.body) earlier.replies.push({ author: body.author, body: body.body });
        continue;
      }
      const comment: WordComment = {
        id: range.id,
        author: body.author,
        body: body.body,
        replies: [...(repliesOf.get(range.id) ?? [])],
        quote: base.slice(range.from, range.to),
        before: base.slice(Math.max(0, range.from - CONTEXT), range.from),
        after: base.slice(range.to, range.to + CONTEXT),
      };
      comments.push(comment);
      onRange.set(`${range.from}:${range.to}`, comment);
    }
    for (const change of pending) {
      if (change.deleted === change.inserted) continue;
      const to = change.from + change.deleted.length;
      changes.push({
        author: change.author,
        quote: change.deleted,
        text: change.inserted,
        before: base.slice(Math.max(0, change.from - CONTEXT), change.from),
        after: base.slice(to, to + CONTEXT),
      });
    }
  }
  return { comments, changes };
}
