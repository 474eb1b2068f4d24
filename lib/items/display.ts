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
