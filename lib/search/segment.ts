// Text → search lexemes. Chinese is indexed twice over: jieba's words (so whole-word hits rank higher) and
// every pair of adjacent Han characters (so 「韧性」 finds 基层韧性 even where jieba keeps 基层韧性 as one word).
// Latin text is left to PostgreSQL's 'english' configuration, which stems it (governance ≈ govern).
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { fold } from "./fold";

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** Full-width forms, case and traditional characters folded, so 「ＡＩ」, "AI" and "ai", 韌性 and 韧性 meet. */
export function normalize(text: string): string {
  return fold(text);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** jieba's words of a Han run, in order (precise mode, no HMM guessing of unknown words). */
export function cutWords(run: string): string[] {
  return segmenter()
    .cut(run, false)
    .filter((word) => hasHan(word));
}

/** The lexemes a Han run must contain for a query term to match: its bigrams, or the character itself. */
export function hanGrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Text with every Han run blanked out: what the 'english' configuration reads. */
export function latinPart(text: string): string {
  return text.replace(HAN_RUN, " ");
}

export type Weight = "A" | "B" | "C" | "D";

/** Positions beyond PostgreSQL's limit are clamped; a few positions per lexeme are enough for ranking. */
const MAX_POSITION = 16_383;
const POSITIONS_PER_LEXEME = 8;

/**
 * The Han lexemes of weighted text parts as a tsvector literal: per run, its bigrams, its characters and its
 * jieba words of two characters or more.
 */
export function hanTsvectorLiteral(parts: { text: string; weight: Weight }[]): string {
  const lexemes = new Map<string, string[]>();
  let position = 0;
  const add = (lexeme: string, at: number, weight: Weight) => {
    let positions = lexemes.get(lexeme);
    if (!positions) lexemes.set(lexeme, (positions = []));
    if (positions.length < POSITIONS_PER_LEXEME) positions.push(`${Math.min(Math.max(at, 1), MAX_POSITION)}${weight}`);
  };
  for (const part of parts) {
    for (const match of normalize(part.text).matchAll(HAN_RUN)) {
      const run = match[0];
      const chars = [...run];
      const start = position + 1;
      hanGrams(run).forEach((gram, i) => add(gram, start + i, part.weight));
      // Every character on its own too: a one-character query reads one posting list instead of merging
      // those of every bigram that starts with it (治 → 治理, 治国, 治安 …).
      if (chars.length > 1) chars.forEach((char, i) => add(char, start + i, part.weight));
      let offset = 0;
      for (const word of segmenter().cut(run, false)) {
        const length = [...word].length;
        if (length >= 2) add(word, start + offset, part.weight);
        offset += length;
      }
      position += chars.length + 1;
    }
  }
  return [...lexemes]
    .map(([lexeme, positions]) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}':${positions.join(",")}`)
    .join(" ");
}
