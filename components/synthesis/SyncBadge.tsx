"use client";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { Collaborator, SyncState } from "./editor/use-collaboration";

const TONE: Record<SyncState["kind"], string> = {
  connecting: "bg-stone-100 text-stone-600",
  saved: "bg-emerald-50 text-emerald-800",
  saving: "bg-amber-50 text-amber-800",
  offline: "bg-red-50 text-red-800",
  denied: "bg-red-50 text-red-800",
  refused: "bg-red-50 text-red-800",
};

/** The editor's true sync state: "saved" only once the database holds every change typed here. */
export function SyncBadge({ sync, readOnly }: { sync: SyncState; readOnly: boolean }) {
  const { t } = useI18n();
  const text =
    sync.kind === "offline"
      ? sync.pending > 0
        ? t("synthesis.sync.offline", { n: sync.pending })
        : t("synthesis.sync.offlineClean")
      : readOnly && sync.kind === "saved"
        ? t("synthesis.sync.readOnly")
        : t(`synthesis.sync.${sync.kind}`);
  return (
    <span
      role="status"
      aria-live="polite"
      data-sync={sync.kind}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[sync.kind]}`}
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-current" />
      {text}
    </span>
  );
}

export function Presence({ me, others }: { me: { name: string; color: string }; others: Collaborator[] }) {
  const { t } = useI18n();
  const people = [{ clientId: -1, name: t("synthesis.you", { name: me.name }), color: me.color }, ...others];
  return (
    <ul aria-label={t("synthesis.presence")} className="flex flex-wrap items-center gap-1.5">
      {people.map((person) => (
        <li
          key={person.clientId}
          className="inline-flex items-center gap-1 rounded-full border border-stone-200 bg-white py-0.5 pl-0.5 pr-2 text-xs text-stone-700"
        >
          <span
            aria-hidden
            className="inline-flex h-5 w-5 items-center justify-center rounded-full text-[10px] font-semibold text-white"
            style={{ backgroundColor: person.color }}
          >
            {person.name.slice(0, 1)}
          </span>
          {person.name}
        </li>
      ))}
    </ul>
  );
}
