// One folding for the index, the query, highlighting and the library filter, so variants of a text meet:
// full-width and half-width forms (NFKC: ＡＩ → ai, ２０２０ → 2020), letter case, and traditional characters
// to simplified (OpenCC's tables: 韌性 → 韧性, 城鄉 → 城乡). Author names are also spelt in pinyin.
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

let toSimplified: ((text: string) => string) | null = null;

const HAN = /\p{Script=Han}/u;

export function fold(text: string): string {
  const narrow = text.normalize("NFKC").toLowerCase();
  if (!HAN.test(narrow)) return narrow;
  toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" });
  return toSimplified(narrow);
}

/**
 * The pinyin spellings of a Chinese personal name, as a reader types them: "kan daoyuan" (surname, given
 * name) and "daoyuan kan" (English order). Surnames are read with their surname pronunciation (单 → shan).
 * Null when the name holds no Chinese.
 */
export function pinyinOfName(name: string | null | undefined): string | null {
  const han = (name ?? "").replace(/[^\p{Script=Han}]/gu, "");
  if (!han) return null;
  const syllables = pinyin(han, { toneType: "none", type: "array", surname: "head", v: true });
  const [surname, ...given] = syllables;
  if (!surname) return null;
  const givenName = given.join("");
  return givenName ? `${surname} ${givenName} ${givenName} ${surname}` : surname;
}
