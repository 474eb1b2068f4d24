// Download names that say what the file is: "<review title> · 文献库 · 2026-12-02.ris", safe on Windows,
// macOS and Linux alike.
import { db } from "@/lib/db/client";

/** Characters no common file system accepts in a name (Windows is the strictest), and control characters. */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

export function sanitizeFileNamePart(value: string): string {
  const cleaned = value
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    // Windows drops trailing dots and spaces, and a name may not start with a dot on most desktops.
    .replace(/^[.\s]+|[.\s]+$/g, "");
  // Keep the whole name well under the 255-byte limit even when every character is three UTF-8 bytes.
  return Array.from(cleaned).slice(0, 60).join("").trim();
}

/** `<review title> · <label> · YYYY-MM-DD.<extension>`; the date is the day in China (the app's users). */
export function exportFileName(reviewTitle: string | null, label: string, extension: string, now = new Date()) {
  const date = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  const parts = [sanitizeFileNamePart(reviewTitle ?? ""), sanitizeFileNamePart(label), date].filter(Boolean);
  return `${parts.join(" · ")}.${extension}`;
}

/** The review's title in the user's language, falling back to the other one; call after authorizing. */
export async function reviewTitleForFile(reviewId: string, locale: "zh" | "en"): Promise<string | null> {
  const review = await db().review.findUnique({ where: { id: reviewId }, select: { titleZh: true, titleEn: true } });
  if (!review) return null;
  return (locale === "zh" ? (review.titleZh ?? review.titleEn) : (review.titleEn ?? review.titleZh)) ?? null;
}
