import { IntlMessageFormat } from "intl-messageformat";
import { MESSAGES, type Locale, type MessageTree } from "./messages";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<MessageTree>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** BCP 47 tags for Intl (plural rules, number grouping in `#`). */
export const INTL_LOCALE: Record<Locale, string> = { zh: "zh-CN", en: "en-US" };

/**
 * Messages are ICU MessageFormat strings formatted by FormatJS's intl-messageformat, so counts use the language's
 * plural rules (`{n, plural, one {# item} other {# items}}`) instead of "1 items". A compiled message is cached per
 * language and key: the catalogue is fixed at build time, and compiling is the expensive part.
 */
type Compiled = { format: IntlMessageFormat; counts: ReadonlySet<string> } | null;
const compiled: Record<Locale, Map<string, Compiled>> = { zh: new Map(), en: new Map() };

function compile(locale: Locale, key: string, template: string): Compiled {
  const cache = compiled[locale];
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      // ignoreTag: "<" in messages is text (e.g. "<3 votes"), not rich-text markup.
      const format = new IntlMessageFormat(template, INTL_LOCALE[locale], undefined, { ignoreTag: true });
      entry = { format, counts: pluralArguments(format.getAst()) };
    } catch {
      // The catalogue test parses every message, so this only guards against a future typo taking a page down.
      entry = null;
    }
    cache.set(key, entry);
  }
  return entry;
}

type Ast = ReturnType<IntlMessageFormat["getAst"]>;
function pluralArguments(ast: Ast, into = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (!("options" in el)) continue;
    if ("pluralType" in el) into.add(el.value);
    for (const option of Object.values(el.options)) pluralArguments(option.value, into);
  }
  return into;
}

/**
 * Plural selection and `#` need numbers. Some call sites hand over a count already written out ("1,234"); for a
 * plural argument it is read back as a number, so it still chooses the right form (and `#` groups it again).
 */
function numeric(values: Record<string, string | number>, counts: ReadonlySet<string>) {
  if (counts.size === 0) return values;
  const out: Record<string, string | number> = { ...values };
  for (const name of counts) {
    const value = out[name];
    if (typeof value === "string" && /^-?\d{1,3}(,?\d{3})*(\.\d+)?$/.test(value))
      out[name] = Number(value.replaceAll(",", ""));
  }
  return out;
}

export function translator(locale: Locale): Translate {
  const tree = MESSAGES[locale];
  return (key, values) => {
    const node = lookup(tree, key.split("."));
    if (typeof node !== "string") return key;
    const entry = compile(locale, key, node);
    if (!entry) return node;
    try {
      return String(entry.format.format(values ? numeric(values, entry.counts) : undefined));
    } catch {
      // A call site that leaves out a value shows the placeholder rather than failing the page.
      return values ? node.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : node;
    }
  };
}

/**
 * Walks the message tree. Activity kinds are themselves dotted (`activity.item.created`), so at each level the
 * longest run of parts that names a key wins; a key that names nothing is undefined, never a crash.
 */
function lookup(node: unknown, parts: string[]): unknown {
  if (parts.length === 0) return node;
  if (!node || typeof node !== "object") return undefined;
  for (let end = parts.length; end > 0; end--) {
    const key = parts.slice(0, end).join(".");
    if (Object.hasOwn(node, key)) return lookup((node as Record<string, unknown>)[key], parts.slice(end));
  }
  return undefined;
}

/** The language a browser prefers, from its Accept-Language header: Chinese when it ranks Chinese above English. */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return "zh";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "zh";
}

/** Picks the text in the reader's language, falling back to the other language. */
export function pick(
  locale: Locale,
  zhText: string | null | undefined,
  enText: string | null | undefined,
): string | null {
  return (locale === "zh" ? (zhText ?? enText) : (enText ?? zhText)) ?? null;
}
