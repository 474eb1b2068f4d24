"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { formatDateTime } from "@/lib/i18n/format-time";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

export interface VersionSummary {
  id: string;
  kind: "AUTO" | "NAMED" | "BEFORE_RESTORE";
  name: string | null;
  createdAt: string;
  by: string | null;
}

/** Snapshots and named versions of the section: save one, open one to compare, restore one. */
export function HistoryPanel({
  reviewId,
  sectionId,
  versions,
  canWrite,
  saved,
  onSave,
  onRestore,
}: {
  reviewId: string;
  sectionId: string;
  versions: VersionSummary[];
  canWrite: boolean;
  saved: boolean;
  onSave: (name: string) => Promise<boolean>;
  onRestore: (versionId: string) => void;
}) {
  const { t, locale } = useI18n();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const fieldId = useId();
  const format = (iso: string) => formatDateTime(locale, iso);
  return (
    <div className="space-y-4">
      {canWrite && (
        <form
          className="space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!saved) {
              setMessage(t("synthesis.waitForSave"));
              return;
            }
            setBusy(true);
            const ok = await onSave(name.trim());
            setBusy(false);
            if (ok) {
              setName("");
              setMessage(t("synthesis.versionSaved"));
            }
          }}
        >
          <label htmlFor={fieldId} className={labelClass}>
            {t("synthesis.versionName")}
          </label>
          <div className="flex gap-2">
            <input
              id={fieldId}
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={inputClass}
            />
            <button type="submit" className={buttonPrimary} disabled={busy || !name.trim()}>
              {t("synthesis.saveVersion")}
            </button>
          </div>
          {message && (
            <p role="status" className="text-xs text-stone-600">
              {message}
            </p>
          )}
        </form>
      )}
      {versions.length === 0 ? (
        <p className="text-sm text-stone-600">{t("synthesis.noVersions")}</p>
      ) : (
        <ol className="space-y-2">
          {versions.map((version) => {
            const title = version.name ?? t(`synthesis.versionKinds.${version.kind}`);
            return (
              <li key={version.id} className="rounded-md border border-stone-200 bg-white p-2.5 text-sm">
                <p className="font-medium text-stone-900">{title}</p>
                <p className="text-xs text-stone-500">
                  {version.name ? `${t(`synthesis.versionKinds.${version.kind}`)} · ` : ""}
                  {format(version.createdAt)}
                  {version.by ? ` · ${version.by}` : ""}
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Link
                    href={`/reviews/${reviewId}/synthesis/${sectionId}/versions/${version.id}`}
                    className={`${buttonSecondary} px-2 py-1 text-xs`}
                    aria-label={`${t("synthesis.viewVersion")}: ${title}`}
                  >
                    {t("synthesis.viewVersion")}
                  </Link>
                  {canWrite && (
                    <button
                      type="button"
                      className={`${buttonSecondary} px-2 py-1 text-xs`}
                      aria-label={`${t("synthesis.restoreVersion")}: ${title}`}
                      onClick={() => onRestore(version.id)}
                    >
                      {t("synthesis.restoreVersion")}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
