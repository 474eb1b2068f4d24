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
    // Not modal: the page is not hidden from assistive technology while the menu is open.
    <DropdownMenu.Root modal={false}>
      {/* The review's title stays plain text; the button beside it is named only "Switch review", so a page's own
          buttons are never confused with it. */}
      <div className="flex items-center gap-1.5">
        <span className="text-xl font-semibold text-stone-900">{current}</span>
        <DropdownMenu.Trigger
          aria-label={label}
          title={label}
          className="group rounded-md px-1.5 py-0.5 text-sm text-stone-500 hover:bg-stone-100 hover:text-teal-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        >
          <span aria-hidden className="inline-block group-data-[state=open]:rotate-180">
            ▾
          </span>
        </DropdownMenu.Trigger>
      </div>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={8}
          aria-labelledby={undefined}
          aria-label={label}
          className={`${menuContent} max-h-[var(--radix-dropdown-menu-content-available-height)] w-80 overflow-y-auto`}
        >
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
