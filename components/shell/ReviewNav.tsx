"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ReviewNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto">
      {links.map((link) => {
        const current =
          pathname === link.href ||
          pathname.startsWith(`${link.href}/`) ||
          (link.href.endsWith("/library") && pathname.includes("/items/"));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-teal-700 text-teal-800" : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
