"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ScreeningTabs({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-stone-100 p-1 text-sm">
      {links.map((link) => {
        const current = pathname === link.href;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${current ? "bg-white text-teal-800 shadow-sm" : "text-stone-600 hover:text-stone-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
