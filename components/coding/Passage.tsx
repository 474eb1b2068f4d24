import Link from "next/link";

/** One coded passage as a quotation, with its memo, coder and a link to its place in the paper. */
export function Passage({
  quote,
  memo,
  orphaned,
  coder,
  href,
  linkLabel,
  orphanedLabel,
  page,
}: {
  quote: string;
  memo: string | null;
  orphaned: boolean;
  coder: string | null;
  href: string;
  linkLabel: string;
  orphanedLabel: string;
  /** Where a passage of a paper read as a PDF sits: the page cited ("第45页") and a link to that PDF page. */
  page?: { label: string; href: string; linkLabel: string } | null;
}) {
  return (
    <li className="space-y-1">
      <blockquote className="border-l-4 border-stone-300 pl-3 leading-relaxed text-stone-800" lang="zh-CN">
        {quote}
      </blockquote>
      <p className="flex flex-wrap gap-x-3 pl-4 text-xs text-stone-500">
        {memo && <span>✎ {memo}</span>}
        {coder && <span>{coder}</span>}
        {orphaned && <span className="text-red-700">{orphanedLabel}</span>}
        {page && (
          <Link href={page.href} className="font-medium text-stone-700 hover:underline" aria-label={page.linkLabel}>
            {page.label}
          </Link>
        )}
        <Link href={href} className="text-teal-700 hover:underline">
          {linkLabel} →
        </Link>
      </p>
    </li>
  );
}
