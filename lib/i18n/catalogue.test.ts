import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { en, zh } from "./messages";
import { translator, type MessageKey } from "./translate";

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );

/** The names of every argument a message uses, at any depth (inside plural and select branches too). */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentNames(option.value, into);
    if (el.type === TYPE.tag) argumentNames(el.children, into);
  }
  return into;
}

const parsed = (message: string) => parse(message, { ignoreTag: true });
const zhLeaves = new Map(leaves(zh as Tree));
const enLeaves = new Map(leaves(en as Tree));

describe("the message catalogue", () => {
  it("has the same keys in both languages", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  it("has no empty message", () => {
    const empty = [...zhLeaves, ...enLeaves].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("parses every message as ICU MessageFormat in both languages", () => {
    const broken: string[] = [];
    for (const [lang, map] of [
      ["zh", zhLeaves],
      ["en", enLeaves],
    ] as const)
      for (const [key, message] of map) {
        try {
          parsed(message);
        } catch (error) {
          broken.push(`${lang} ${key}: ${(error as Error).message}`);
        }
      }
    expect(broken).toEqual([]);
  });

  it("uses the same argument names in both languages", () => {
    const differ: string[] = [];
    for (const [key, zhMessage] of zhLeaves) {
      const enMessage = enLeaves.get(key);
      if (enMessage === undefined) continue;
      const a = [...argumentNames(parsed(zhMessage))].sort().join(",");
      const b = [...argumentNames(parsed(enMessage))].sort().join(",");
      if (a !== b) differ.push(`${key}: zh {${a}} en {${b}}`);
    }
    expect(differ).toEqual([]);
  });

  it("never writes a count in English without choosing singular or plural", () => {
    // "{n} items" reads "1 items"; such messages must be ICU plurals. Counted nouns are found by a plain
    // `{n}` / `{count}`-style argument directly followed by an English plural word ("Round {n} is open" and
    // "Author {n} affiliations" number a thing rather than count it).
    const counting =
      /(?<!(Round|Author|Page|Line|Column) )\{(n|count|total|all|shown|done|left|mine|required|days|attached|created|updated|tags|codings|pending|applied|rejected|threads|replies|fresh|existing|unmatched|items|passages)\} (?!is\b)[a-z]+s\b/;
    const offenders = [...enLeaves].filter(([, v]) => counting.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });
});

describe("plural messages", () => {
  const en_ = translator("en");
  const zh_ = translator("zh");
  const cases: [MessageKey, Record<string, number | string>, [string, string, string], [string, string, string]][] = [
    ["library.count", {}, ["0 items", "1 item", "2 items"], ["共 0 篇", "共 1 篇", "共 2 篇"]],
    ["reviews.members", {}, ["0 members", "1 member", "2 members"], ["0 位成员", "1 位成员", "2 位成员"]],
    ["search.count", {}, ["0 results", "1 result", "2 results"], ["共 0 条结果", "共 1 条结果", "共 2 条结果"]],
    [
      "editing.trashedNoticeMany",
      {},
      ["Moved 0 items to the trash.", "Moved 1 item to the trash.", "Moved 2 items to the trash."],
      ["已将 0 篇文献移入回收站。", "已将 1 篇文献移入回收站。", "已将 2 篇文献移入回收站。"],
    ],
    [
      "activity.items.imported",
      { who: "Lin" },
      ["Lin imported 0 items", "Lin imported 1 item", "Lin imported 2 items"],
      ["Lin 导入了 0 条文献", "Lin 导入了 1 条文献", "Lin 导入了 2 条文献"],
    ],
  ];
  for (const [key, extra, english, chinese] of cases)
    it(`${key} reads right for 0, 1 and 2`, () => {
      expect([0, 1, 2].map((n) => en_(key, { ...extra, n }))).toEqual(english);
      expect([0, 1, 2].map((n) => zh_(key, { ...extra, n }))).toEqual(chinese);
    });

  it("renders every plural message for 0, 1 and 2 without leaking ICU syntax", () => {
    const plural = [...enLeaves].filter(([, v]) => /\{\w+, ?plural,/.test(v));
    expect(plural.length).toBeGreaterThan(40);
    for (const [key, message] of plural) {
      const names = [...argumentNames(parsed(message))];
      for (const lang of ["en", "zh"] as const)
        for (const n of [0, 1, 2]) {
          const text = translator(lang)(key as MessageKey, Object.fromEntries(names.map((name) => [name, n])));
          expect(text, `${lang} ${key} n=${n}`).not.toMatch(/[{}#]|, ?plural,|other {/);
          if (lang === "en" && n === 1)
            expect(text, key).not.toMatch(
              /\b1 (items|members|results|comments|files|pages|characters|votes|changes|suggestions|suggested edits|references|records|entries)\b/,
            );
        }
    }
  });

  it("counts with the language's number grouping", () => {
    expect(en_("library.count", { n: 12345 })).toBe("12,345 items");
    expect(en_("library.count", { n: "3" })).toBe("3 items");
    expect(en_("search.count", { n: "1,234" })).toBe("1,234 results");
    expect(en_("search.count", { n: "1" })).toBe("1 result");
  });
});
