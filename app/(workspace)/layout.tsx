import Link from "next/link";
import { InboxLink } from "@/components/inbox/InboxLink";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { countUnread } from "@/lib/notifications/inbox";
import { setLocaleAction, signOutAction } from "../(auth)/actions";
import { countUnreadAction } from "./inbox/actions";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/reviews");
  const { t } = await getI18n();
  const unread = await countUnread(user.id);
  return (
    <ToastProvider>
      <div className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("nav.skipToContent")}
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2.5 sm:px-6">
            <Link href="/reviews" className="text-lg font-semibold tracking-wide text-teal-800">
              会通 <span className="text-sm font-normal text-stone-500">Huitong</span>
            </Link>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <Link href="/reviews" className="text-stone-700 hover:text-teal-800">
                {t("nav.reviews")}
              </Link>
              <InboxLink initial={unread} count={countUnreadAction} />
              <LanguageSwitch action={setLocaleAction} />
              <Link
                href="/account"
                aria-label={`${t("account.link")}: ${user.name}`}
                title={user.email}
                className="rounded-md px-2 py-1 text-stone-600 hover:bg-stone-100 hover:text-teal-800"
              >
                {user.name}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md px-2 py-1 text-stone-700 hover:bg-stone-100">
                  {t("nav.signOut")}
                </button>
              </form>
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="focus:outline-none">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
