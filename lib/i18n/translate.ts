import { MESSAGES, type Locale, type MessageTree } from "./messages";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<MessageTree>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const tree = MESSAGES[locale];
  return (key, values) => {
    const node = lookup(tree, key.split("."));
    const template = typeof node === "string" ? node : key;
    return values ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : template;
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
