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
}: {
  quote: string;
  memo: string | null;
  orphaned: boolean;
  coder: string | null;
  href: string;
  linkLabel: string;
  orphanedLabel: string;
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
        <Link href={href} className="text-teal-700 hover:underline">
          {linkLabel} →
        </Link>
      </p>
    </li>
  );
}
