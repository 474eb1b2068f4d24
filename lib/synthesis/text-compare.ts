// What changed between two versions of a text, for the history view. Differences are found between
// tokens, not characters: a Chinese character is a token of its own, but a Latin word is one token, so an
// English edit reads "cat → dog" rather than "c(at→og)", and semantic cleanup then merges the scattered
// small equalities a human would not call unchanged.
import DiffMatchPatch from "diff-match-patch";
import { plainText, type DocNode } from "./document-model";

export interface TextChange {
  kind: "equal" | "insert" | "delete";
  text: string;
}

const KIND_OF_OPERATION: Record<number, TextChange["kind"]> = { [-1]: "delete", 0: "equal", 1: "insert" };

// One Han character, or a run of other letters/digits (a word, with inner apostrophes), or whitespace, or
// any other single character (punctuation, an emoji).
const TOKEN =
  /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)*|\s+|./gsu;

// Tokens are diffed as one UTF-16 code unit each (the way diff-match-patch's line mode works), which
// caps a comparison at this many distinct tokens; beyond it we fall back to characters.
const MAX_DISTINCT_TOKENS = 0xffff;

function encodeTokens(texts: [string, string]): { encoded: [string, string]; tokens: string[] } | null {
  const tokens: string[] = [];
  const codeOf = new Map<string, string>();
  const encode = (text: string) => {
    let encoded = "";
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codeOf.get(token);
      if (code === undefined) {
        if (tokens.length >= MAX_DISTINCT_TOKENS) return null;
        code = String.fromCharCode(tokens.length);
        codeOf.set(token, code);
        tokens.push(token);
      }
      encoded += code;
    }
    return encoded;
  };
  const before = encode(texts[0]);
  const after = before === null ? null : encode(texts[1]);
  if (before === null || after === null) return null;
  return { encoded: [before, after], tokens };
}

// Code unit by code unit: codes in the surrogate range must not be read as pairs.
function decodeTokens(encoded: string, tokens: string[]): string {
  let text = "";
  for (let index = 0; index < encoded.length; index++) text += tokens[encoded.charCodeAt(index)]!;
  return text;
}

/**
 * Paragraphs first, words second: lines (one per block) are matched as wholes, and only a run of changed
 * lines is compared token by token. Otherwise an edit at the end of one paragraph can be "explained" by text
 * from the next one, and unchanged paragraphs show as deleted and re-inserted.
 */
export function compareTexts(before: string, after: string): TextChange[] {
  const dmp = new DiffMatchPatch();
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(before, after);
  const lines = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(lines, lineArray);
  const changes: TextChange[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted) changes.push(...compareTokens(deleted, inserted));
    else if (deleted) changes.push({ kind: "delete", text: deleted });
    else if (inserted) changes.push({ kind: "insert", text: inserted });
    deleted = inserted = "";
  };
  for (const [operation, text] of lines) {
    if (operation === DiffMatchPatch.DIFF_DELETE) deleted += text;
    else if (operation === DiffMatchPatch.DIFF_INSERT) inserted += text;
    else {
      flush();
      changes.push({ kind: "equal", text });
    }
  }
  flush();
  const merged: TextChange[] = [];
  for (const change of changes) {
    const last = merged.at(-1);
    if (!change.text) continue;
    if (last?.kind === change.kind) last.text += change.text;
    else merged.push({ ...change });
  }
  return merged;
}

function compareTokens(before: string, after: string): TextChange[] {
  const dmp = new DiffMatchPatch();
  const tokenized = encodeTokens([before, after]);
  let diffs: DiffMatchPatch.Diff[];
  if (tokenized) {
    diffs = dmp.diff_main(tokenized.encoded[0], tokenized.encoded[1], false);
    for (const diff of diffs) diff[1] = decodeTokens(diff[1], tokenized.tokens);
  } else {
    diffs = dmp.diff_main(before, after);
  }
  dmp.diff_cleanupSemantic(diffs);
  return diffs
    .filter(([, text]) => text !== "")
    .map(([operation, text]) => ({ kind: KIND_OF_OPERATION[operation]!, text }));
}

/** Compares the plain text of two versions of a section (one line per block). */
export function compareDocuments(before: DocNode, after: DocNode): TextChange[] {
  return compareTexts(plainText(before), plainText(after));
}

/**
 * The changes with long unchanged stretches cut down to a little context on each side, for showing one
 * change inside a comment rather than the whole section.
 */
export function excerptChanges(changes: TextChange[], context = 24): TextChange[] {
  return changes.map((change, index) => {
    if (change.kind !== "equal") return change;
    const first = index === 0;
    const last = index === changes.length - 1;
    const keep = first || last ? context : context * 2;
    if (change.text.length <= keep + 1) return change;
    if (first) return { kind: "equal", text: `…${change.text.slice(-context)}` };
    if (last) return { kind: "equal", text: `${change.text.slice(0, context)}…` };
    return { kind: "equal", text: `${change.text.slice(0, context)} … ${change.text.slice(-context)}` };
  });
}
