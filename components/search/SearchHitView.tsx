// One search result: what it is, where it is, and the fragment with the matched words marked.
import type { SearchHit, Segment } from "@/lib/search/search";
import type { Locale } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate";

export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200/80 px-0.5 text-stone-900">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

const KIND_STYLE: Record<SearchHit["kind"], string> = {
  PAPER: "bg-teal-50 text-teal-800 ring-teal-200",
  PASSAGE: "bg-amber-50 text-amber-800 ring-amber-200",
  SECTION: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  COMMENT: "bg-rose-50 text-rose-800 ring-rose-200",
};

export function KindBadge({ kind, t }: { kind: SearchHit["kind"]; t: Translate }) {
  return (
    <span
      className={`inline-flex shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLE[kind]}`}
    >
      {t(`search.kinds.${kind}`)}
    </span>
  );
}

export function SearchHitView({
  hit,
  locale,
  t,
  compact = false,
  stageName,
}: {
  hit: SearchHit;
  locale: Locale;
  t: Translate;
  compact?: boolean;
  stageName?: string | null;
}) {
  const title = locale === "en" ? hit.titleSegments.en : hit.titleSegments.zh;
  const titleText = title.map((s) => s.text).join("") || t("search.untitled");
  const heading = hit.kind === "PASSAGE" ? null : title.length ? <Marked segments={title} /> : t("search.untitled");
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex min-w-0 items-baseline gap-2">
        <KindBadge kind={hit.kind} t={t} />
        <span className={`min-w-0 font-medium text-stone-900 ${compact ? "truncate" : ""}`}>
          {hit.kind === "PASSAGE" ? (
            <span className="text-stone-600">
              {t("search.inPaper")}《{titleText}》
              {hit.field && <span className="text-stone-500"> · {t(`search.fields.${hit.field as "FULL_TEXT"}`)}</span>}
            </span>
          ) : (
            heading
          )}
        </span>
        {!compact && (hit.year || stageName) && (
          <span className="shrink-0 text-xs text-stone-500">{[hit.year, stageName].filter(Boolean).join(" · ")}</span>
        )}
      </div>
      {hit.fragment.length > 0 && (
        <p className={`text-sm leading-relaxed text-stone-700 ${compact ? "line-clamp-2" : ""}`}>
          <Marked segments={hit.fragment} />
        </p>
      )}
      {hit.context.length > 0 && (
        <p className="text-xs text-stone-500">
          {hit.kind === "PASSAGE" ? t("search.memo") : t("search.onPhrase")}：
          <Marked segments={hit.context} />
        </p>
      )}
    </div>
  );
}
