import { highlightSegments } from "@/lib/screening/highlight";

/** A text in paragraphs with the review's highlight words marked (<mark>, so screen readers announce them). */
export function HighlightedText({ text, terms, lang }: { text: string; terms: readonly string[]; lang?: string }) {
  return (
    <div lang={lang} className="space-y-3">
      {text
        .split("\n")
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index}>
            {highlightSegments(paragraph, terms).map((segment, part) =>
              segment.term ? (
                <mark key={part} data-term={segment.term} className="rounded-sm bg-amber-200 px-0.5 text-stone-950">
                  {segment.text}
                </mark>
              ) : (
                segment.text
              ),
            )}
          </p>
        ))}
    </div>
  );
}
