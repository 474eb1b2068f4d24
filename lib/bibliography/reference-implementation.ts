// The "widely used reference implementation" our GB/T output is measured against: citeproc-js (through
// citation-js) run directly on a CSL-JSON file with a CSL style as published, with none of our import
// mapping, typography or placeholders in between. Used by `npm run bench:gbt` and its test.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";

let registered = 0;

/**
 * The bibliography of `items` in the given style, one entry per item in citation order (= file order for a
 * numeric style), whitespace collapsed. The style is registered under a name of its own, so it never
 * replaces the app's styles.
 */
export function renderWithCiteproc(
  items: Record<string, unknown>[],
  styleXml: string,
  locale: "zh-CN" | "en-US" = "zh-CN",
): { id: string; text: string }[] {
  const config = plugins.config.get("@csl");
  const name = `reference-implementation-${++registered}`;
  config.styles.add(name, styleXml);
  const engine = config.engine(items, name, locale, "text");
  engine.updateItems(items.map((item) => String(item.id)));
  const made = engine.makeBibliography();
  if (!made) return [];
  const [meta, entries] = made;
  return entries.map((entry, index) => ({
    id: String(meta.entry_ids[index]?.[0] ?? ""),
    text: entry.replace(/\s+/g, " ").trim(),
  }));
}

// Types that exist only online: the app marks them /OL with a DOI alone (lib/synthesis/csl/README.md).
const ONLINE_ONLY = new Set(["article", "webpage", "post", "post-weblog", "dataset", "software"]);

/**
 * The reference output with the deliberate deviations of lib/synthesis/csl/README.md ("Where we differ from
 * the CSL styles") applied, so what is left is what we still get wrong: ": " before a subtitle, "--" as the
 * subtitle mark, "PEEBLES P Z, Jr", and no /OL for a printed work that only has a DOI.
 */
export function withDeliberateDeviations(text: string, type: string): string {
  let result = text
    .replace(/\s*：\s*/g, ": ")
    .replace(/(\S)\s*--\s*(?=\S)/g, "$1: ")
    .replace(/(\b\p{Lu}) (Jr|Sr)(?=[,.])/gu, "$1, $2");
  if (!/https?:\/\//.test(result) && !ONLINE_ONLY.has(type)) result = result.replace(/\/OL\]/, "]");
  return result;
}
