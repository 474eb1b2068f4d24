import type { Locale } from "./messages";

/** Date and time as people read them in the interface language (the same on server and client). */
export function formatDateTime(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(typeof value === "string" ? new Date(value) : value);
}

export function formatDate(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium" }).format(
    typeof value === "string" ? new Date(value) : value,
  );
}
