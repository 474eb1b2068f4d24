// The typographic conventions a style expects but a database does not keep: GB/T 7714-2015 separates a
// subtitle with ": " in Chinese titles too (CNKI writes "：", "——" or a bare ":"), and prints Chinese
// quotation marks; APA joins Chinese names without "&" and writes 等 after them. Pure text rules.
import { normaliseIssue, normalisePages, type CslItem } from "./csl";

const HAN = /\p{Script=Han}/u;

/** A title as GB/T prints it: one ": " before a subtitle, “curly” quotes, no trailing full stop. */
export function gbtTitle(title: string): string {
  let text = title.replace(/\s+/g, " ").trim();
  // "：" always separates; an ASCII colon only when it is not inside a number or a time (10:30, 3:2).
  text = text.replace(/\s*：\s*/g, ": ").replace(/(?<!\d)\s*:\s*(?!\d)(?=\S)/g, ": ");
  // "——" (or "--") between two parts introduces a subtitle; a single "—" is part of a standard's number.
  text = text.replace(/(\S)\s*(?:——|――|—―|--)\s*(?=\S)/g, "$1: ");
  if (HAN.test(text)) {
    let open = true;
    text = text.replace(/"/g, () => {
      const mark = open ? "“" : "”";
      open = !open;
      return mark;
    });
  }
  return text.replace(/(?<!\.)[.。]$/, "").trim();
}

/**
 * Numbers as every style prints them: an issue without leading zeros (27(5), not 27(05)) and a page range with
 * one hyphen the style can turn into its own dash (GB/T "-", APA "–"), whatever the database wrote ("～", "—").
 */
export function withCitationNumbers(item: CslItem): CslItem {
  const result: CslItem = { ...item };
  if (item.issue) result.issue = normaliseIssue(item.issue);
  if (item.page) result.page = normalisePages(item.page);
  return result;
}

/** The item with its numbers, title and container title set in GB/T typography. */
export function withGbtTypography(item: CslItem): CslItem {
  const result: CslItem = withCitationNumbers(item);
  if (item.title) result.title = gbtTitle(item.title);
  if (item["container-title"]) result["container-title"] = gbtTitle(item["container-title"]);
  return result;
}

/**
 * GB/T inverts names with a space (PEEBLES P Z), and citeproc then glues a generational suffix on with the
 * same space; the standard writes "PEEBLES P Z, Jr" (appendix A).
 */
export function gbtNameSuffix(text: string): string {
  return text.replace(/(\b\p{Lu}) (Jr|Sr)(?=[,.])/gu, "$1, $2");
}

/**
 * APA's names in a Chinese reference: "朱正威 & 刘莹莹" → "朱正威, 刘莹莹", "欧阳修 et al." → "欧阳修 等", as
 * Chinese journals using APA print them. Latin names are left to the style.
 */
export function apaChineseNames(text: string): string {
  return text
    .replace(/(\p{Script=Han}),? & (?=\p{Script=Han})/gu, "$1, ")
    .replace(/(\p{Script=Han}) et al\./gu, "$1 等");
}
