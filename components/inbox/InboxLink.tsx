"use client";
// The header's way into the inbox, with the unread count kept current while the member works.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { ActionResult } from "@/lib/errors/action-result";

export function InboxLink({ initial, count }: { initial: number; count: () => Promise<ActionResult<number>> }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [unread, setUnread] = useState(initial);
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      const result = await count();
      if (!cancelled && result.ok) setUnread(result.data);
    };
    void refresh();
    const interval = setInterval(refresh, 30_000);
    window.addEventListener("focus", refresh);
    return () => {
      cancelled = true;
      clearInterval(interval);
      window.removeEventListener("focus", refresh);
    };
  }, [count, pathname, initial]);
  return (
    <Link
      href="/inbox"
      aria-label={unread ? t("inbox.linkUnread", { n: unread }) : t("inbox.linkLabel")}
      aria-current={pathname === "/inbox" ? "page" : undefined}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-teal-800"
    >
      {t("inbox.linkLabel")}
      {unread > 0 && (
        <span
          aria-hidden
          className="min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
