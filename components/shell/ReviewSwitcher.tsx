"use client";
import { DropdownMenu } from "radix-ui";
import Link from "next/link";
import { menuContent, menuItem } from "@/components/ui/styles";

/** A menu of the user's other reviews (Radix DropdownMenu: arrow keys, typeahead by title, Escape). */
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
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="group flex items-center gap-2 rounded-md text-left text-xl font-semibold text-stone-900 hover:text-teal-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        <span>{current}</span>
        <span aria-hidden className="text-sm text-stone-400 group-data-[state=open]:rotate-180">
          ▾
        </span>
        <span className="sr-only">{label}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={8} aria-label={label} className={`${menuContent} w-80`}>
          {reviews.map((review) => (
            <DropdownMenu.Item key={review.id} asChild className={`${menuItem} block`} textValue={review.title}>
              <Link href={`/reviews/${review.id}/dashboard`}>
                <span className="block font-medium">{review.title}</span>
                <span className="text-xs text-stone-500">{review.role}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
