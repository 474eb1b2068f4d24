import Link from "next/link";

/** A disclosure listing the user's other reviews; plain links, so it works without JavaScript. */
export function ReviewSwitcher({
  label,
  current,
  reviews,
}: {
  label: string;
  current: string;
  reviews: { id: string; title: string; role: string }[];
}) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md text-xl font-semibold text-stone-900 hover:text-teal-800 [&::-webkit-details-marker]:hidden">
        <span>{current}</span>
        <span aria-hidden className="text-sm text-stone-400 group-open:rotate-180">
          ▾
        </span>
        <span className="sr-only">{label}</span>
      </summary>
      <ul
        className="absolute left-0 z-20 mt-2 w-80 rounded-md border border-stone-200 bg-white py-1 shadow-lg"
        aria-label={label}
      >
        {reviews.map((review) => (
          <li key={review.id}>
            <Link href={`/reviews/${review.id}/dashboard`} className="block px-3 py-2 text-sm hover:bg-stone-50">
              <span className="block font-medium">{review.title}</span>
              <span className="text-xs text-stone-500">{review.role}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
