// The synthesis (or one section) as a file: citations rendered in the review's style, then Word or Markdown.
import type { ReviewAccess } from "@/lib/authz/authorize";
import type { Locale } from "@/lib/i18n/messages";
import { renderSynthesisCitations } from "./bibliography";
import { synthesisToDocx } from "./export-docx";
import { synthesisToMarkdown } from "./export-markdown";

export type ExportFormat = "docx" | "md";

export async function exportSynthesis(
  access: ReviewAccess,
  options: {
    format: ExportFormat;
    sectionId?: string;
    locale: Locale;
    headings: { bibliography: string; notes: string; untitled: string };
  },
): Promise<{ body: string | Uint8Array; filename: string; contentType: string }> {
  const rendered = await renderSynthesisCitations(access, {
    locale: options.locale === "en" ? "en-US" : "zh-CN",
    sectionId: options.sectionId,
  });
  const { review, sections } = rendered.documents;
  const reviewTitle =
    (options.locale === "en" ? (review.titleEn ?? review.titleZh) : (review.titleZh ?? review.titleEn)) ??
    options.headings.untitled;
  // One section exported alone is still part of this review: the review titles the file, the section heads it.
  const title = reviewTitle;
  const fileName = options.sectionId ? `${reviewTitle} · ${sections[0]?.title ?? ""}` : reviewTitle;
  const input = {
    title,
    sections: sections.map((section) => ({ title: section.title, doc: section.doc })),
    labels: rendered.sections.flatMap((section) => section.labels),
    bibliography: rendered.bibliography,
    bibliographyHeading: options.headings.bibliography,
    notesHeading: options.headings.notes,
  };
  const base =
    fileName
      .replace(/[\\/:*?"<>|\r\n]+/g, " ")
      .trim()
      .slice(0, 80) || "synthesis";
  if (options.format === "md") {
    return { body: synthesisToMarkdown(input), filename: `${base}.md`, contentType: "text/markdown; charset=utf-8" };
  }
  const buffer = await synthesisToDocx({ ...input, language: options.locale, superscriptLabels: rendered.superscript });
  return {
    body: new Uint8Array(buffer),
    filename: `${base}.docx`,
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}
