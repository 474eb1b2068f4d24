// In-text labels and the bibliography of a whole synthesis, rendered by citeproc-js (through citation-js)
// from the bundled CSL styles, so numbering, sorting, 等/et al. and disambiguation are the style's decisions.
// Server-side only: the styles are read from lib/synthesis/csl/ on first use.
import { readFileSync } from "node:fs";
import path from "node:path";
import { plugins, type CslPluginConfig } from "@citation-js/core";
import "@citation-js/plugin-csl";
import type { CslItem } from "@/lib/bibliography/csl";
import { apaChineseNames, gbtNameSuffix, withCitationNumbers, withGbtTypography } from "@/lib/bibliography/typography";
import type { CitationRef } from "./document-model";

export const CITATION_STYLES = ["gbt7714-numeric", "gbt7714-author-date", "apa"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export type CitationLocale = "zh-CN" | "en-US";

/** The label of a citation whose item is not (or no longer) in the review. */
export const UNKNOWN_CITATION_LABEL = "[?]";

interface StyleSetup {
  file: string;
  /**
   * The bilingual GB/T styles already choose 等 or et al. per item from its language; an English locale
   * would make them print "et al." after Chinese names, so they always run in Chinese.
   */
  fixedLocale?: CitationLocale;
  defaultLocale: CitationLocale;
  /**
   * GB/T 7714 styles ignore locators (CSL cannot superscript only the page), so we place it ourselves:
   * numeric after the bracket as §10.1.3 prescribes ([1]23, superscript as a whole); author-date inside
   * the parentheses (朱正威 等, 2020: 23), as Chinese social-science journals print it, because a page
   * glued to the closing parenthesis is unreadable in plain text. APA's own CSL renders "p. 23".
   */
  locator: "after-label" | "inside-parentheses" | "style";
  /** GB/T numeric labels are superscript in print. */
  superscript: boolean;
  /** Typography the style expects but stored metadata does not keep (lib/bibliography/typography.ts). */
  prepare: (item: CslItem) => CslItem;
  finish: (text: string) => string;
}

const STYLE_SETUP: Record<CitationStyle, StyleSetup> = {
  "gbt7714-numeric": {
    file: "gb-t-7714-2015-numeric-bilingual.csl",
    fixedLocale: "zh-CN",
    defaultLocale: "zh-CN",
    locator: "after-label",
    superscript: true,
    prepare: withGbtTypography,
    finish: gbtNameSuffix,
  },
  "gbt7714-author-date": {
    file: "gb-t-7714-2015-author-date-bilingual.csl",
    fixedLocale: "zh-CN",
    defaultLocale: "zh-CN",
    locator: "inside-parentheses",
    superscript: false,
    prepare: withGbtTypography,
    finish: gbtNameSuffix,
  },
  // APA 7 is an English style: its terms (p., pp., Ed., n.d.) stay English in a Chinese interface, where the
  // zh-CN locale would print "页 130"; Chinese names are joined the way Chinese journals print APA.
  apa: {
    file: "apa.csl",
    fixedLocale: "en-US",
    defaultLocale: "en-US",
    locator: "style",
    superscript: false,
    prepare: withCitationNumbers,
    finish: apaChineseNames,
  },
};

const LOCALE_FILES: Record<CitationLocale, string> = {
  "zh-CN": "locales-zh-CN.xml",
  "en-US": "locales-en-US.xml",
};

// Registered under our own names: citation-js bundles an older "apa" we must not pick up by accident.
const registeredName = (style: CitationStyle) => `huitong-${style}`;

// process.cwd() is the project root for Next.js, the collaboration server, scripts and tests alike; a path
// relative to this module would not survive bundling.
const CSL_DIRECTORY = path.join(process.cwd(), "lib", "synthesis", "csl");

let cslConfig: CslPluginConfig | null = null;

function cslPlugin(): CslPluginConfig {
  if (cslConfig) return cslConfig;
  const config = plugins.config.get("@csl");
  const read = (file: string) => readFileSync(path.join(CSL_DIRECTORY, file), "utf8");
  for (const style of CITATION_STYLES) config.styles.add(registeredName(style), read(STYLE_SETUP[style].file));
  for (const [locale, file] of Object.entries(LOCALE_FILES)) config.locales.add(locale, read(file));
  cslConfig = config;
  return config;
}

export interface RenderCitationsInput {
  style: CitationStyle;
  items: CslItem[];
  /** Every in-text citation of the synthesis, in reading order. */
  citations: CitationRef[];
  /** The interface language; every bundled style fixes its own (see StyleSetup.fixedLocale). */
  locale?: CitationLocale;
}

export interface RenderedCitations {
  /** One label per citation, in the order given. */
  labels: string[];
  /** Cited items only, in the style's order: first citation for numeric, alphabetical for author-date and APA. */
  bibliography: { itemId: string; text: string }[];
  /** Whether the labels are set as superscript in print (GB/T numeric). */
  superscript: boolean;
}

/**
 * CSL has no way to say "more authors than named" (Zotero's "others", BibTeX's "and others", a CNKI list cut
 * at three). We append a placeholder name and let the style lay the list out as if the rest were known:
 * it truncates as it would (GB/T after three, APA after 19 with its ellipsis), and where the placeholder is
 * still printed it becomes the language's term: 等 for a Chinese reference, "et al." for an English one,
 * as GB/T 7714 §8.1.2 and APA 7 §9.8 write an author list that is not complete.
 */
const MORE_AUTHORS = "HuitongMoreAuthors";
const MORE_AUTHORS_PATTERN = new RegExp(`(,?) & ${MORE_AUTHORS}\\.?|${MORE_AUTHORS}\\.?`, "gi");

function withMoreAuthors(item: CslItem): CslItem {
  const { moreAuthors, ...rest } = item;
  if (!moreAuthors || !rest.author?.length) return rest;
  return { ...rest, author: [...rest.author, { literal: MORE_AUTHORS }] };
}

/** The placeholder as the item's language writes it; APA's "& X" (or "X & …") becomes "A, B, et al.". */
function spellMoreAuthors(text: string, language: CslItem["language"], where: "label" | "entry"): string {
  const zh = language === "zh-CN";
  return text.replace(MORE_AUTHORS_PATTERN, (whole: string, comma: string | undefined) => {
    const dot = whole.endsWith(".") ? "." : "";
    if (whole.includes("&")) {
      // In text APA writes "Smith et al." without a comma; in the list "Smith, J., et al." with one.
      if (zh) return `${where === "entry" && comma ? "," : ""} 等${dot}`;
      return where === "entry" ? ", et al." : " et al.";
    }
    return zh ? `等${dot}` : "et al.";
  });
}

function placeLocator(label: string, locator: string, placement: StyleSetup["locator"]): string {
  if (placement === "after-label") return `${label}${locator}`;
  if (placement === "inside-parentheses" && label.endsWith(")")) return `${label.slice(0, -1)}: ${locator})`;
  return label;
}

/**
 * Every citation is rendered against a registry holding the cited items in order of first citation, which
 * is what settles numbering and disambiguation (2020a/2020b, added given names). Rendering each distinct
 * (item, locator) once this way gives the same text as replaying the document cluster by cluster
 * (rebuildProcessorState), at a fraction of the cost, because no bundled style varies a citation by its
 * position (ibid., subsequent); citations.test.ts checks that stays true.
 */
export function renderCitations({ style, items, citations, locale }: RenderCitationsInput): RenderedCitations {
  const setup = STYLE_SETUP[style];
  const known = new Set(items.map((item) => item.id));
  const language = new Map(items.map((item) => [item.id, item.language]));
  const truncated = new Set(items.filter((item) => item.moreAuthors && item.author?.length).map((item) => item.id));
  const spell = (itemId: string, text: string, where: "label" | "entry") =>
    truncated.has(itemId) ? spellMoreAuthors(text, language.get(itemId) ?? "zh-CN", where) : text;
  const engine = cslPlugin().engine(
    items.map((item) => setup.prepare(withMoreAuthors(item))),
    registeredName(style),
    setup.fixedLocale ?? locale ?? setup.defaultLocale,
    "text",
  );
  const cited = [...new Set(citations.map((citation) => citation.itemId).filter((id) => known.has(id)))];
  engine.updateItems(cited);

  const rendered = new Map<string, string>();
  const labels = citations.map(({ itemId, locator }) => {
    if (!known.has(itemId)) return UNKNOWN_CITATION_LABEL;
    const key = `${itemId}\u0000${locator ?? ""}`;
    let label = rendered.get(key);
    if (label === undefined) {
      label = engine.makeCitationCluster([locator ? { id: itemId, locator, label: "page" } : { id: itemId }]);
      if (locator) label = placeLocator(label, locator, setup.locator);
      label = setup.finish(spell(itemId, label, "label"));
      rendered.set(key, label);
    }
    return label;
  });

  const bibliography: RenderedCitations["bibliography"] = [];
  const made = cited.length > 0 ? engine.makeBibliography() : false;
  if (made) {
    const [meta, entries] = made;
    entries.forEach((entry, index) => {
      const itemId = meta.entry_ids[index]?.[0];
      if (itemId !== undefined) {
        bibliography.push({ itemId, text: setup.finish(spell(itemId, entry.replace(/\s+/g, " ").trim(), "entry")) });
      }
    });
  }
  return { labels, bibliography, superscript: setup.superscript };
}
