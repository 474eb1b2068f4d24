// Client-safe formatting of item metadata for lists and citations.
import type { Locale } from "@/lib/i18n/messages";

export interface AuthorName {
  nameZh: string | null;
  nameEn: string | null;
}

export function authorName(locale: Locale, author: AuthorName): string {
  return (locale === "zh" ? (author.nameZh ?? author.nameEn) : (author.nameEn ?? author.nameZh)) ?? "";
}

export function authorList(locale: Locale, authors: AuthorName[]): string {
  return authors.map((author) => authorName(locale, author)).join(locale === "zh" ? "、" : ", ");
}

export function volumeIssue(volume: string | null, issue: string | null): string | null {
  if (!volume && !issue) return null;
  return `${volume ?? ""}${issue ? `(${issue})` : ""}`;
}

/** The short in-text label of a paper: 阚道远、杨宁 (2024), 阚道远等 (2024), Kan et al. (2024). */
export function citationLabel(locale: Locale, authors: AuthorName[], year: number | null): string {
  const names = authors.map((author) => authorName(locale, author)).filter(Boolean);
  const chinese = (names[0] ?? "").match(/^\p{Script=Han}/u) !== null;
  // "Uno, K." (as imported files write names) puts the surname before the comma.
  const surname = (name: string) =>
    chinese ? name : name.includes(",") ? name.split(",")[0]!.trim() : (name.split(/\s+/)[0] ?? name);
  let who: string;
  // A missing author or year is marked missing, not guessed into "anonymous".
  if (names.length === 0) who = locale === "zh" ? "作者缺失" : "author missing";
  else if (names.length === 1) who = surname(names[0]!);
  else if (names.length === 2)
    who = chinese ? `${names[0]}、${names[1]}` : `${surname(names[0]!)} & ${surname(names[1]!)}`;
  else who = chinese ? `${names[0]}等` : `${surname(names[0]!)} et al.`;
  return `${who} (${year ?? (locale === "zh" ? "年份缺失" : "year missing")})`;
}
