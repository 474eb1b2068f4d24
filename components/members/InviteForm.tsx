"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

const ROLES = ["EDITOR", "SUPERVISOR", "VIEWER", "OWNER"] as const;

export function InviteForm({
  reviewId,
  action,
}: {
  reviewId: string;
  action: (p: ActionResult<{ url: string }> | null, f: FormData) => Promise<ActionResult<{ url: string }>>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [copiedAt, setCopiedAt] = useState<number | null>(null);
  const url = state?.ok ? state.data.url : null;
  return (
    <div className="space-y-3">
      <form
        action={formAction}
        className="grid gap-3 sm:grid-cols-[10rem_8rem_1fr_auto] sm:items-end"
        aria-label={t("members.invite")}
      >
        <input type="hidden" name="reviewId" value={reviewId} />
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            {t("members.role")}
          </label>
          <select id="invite-role" name="role" defaultValue="EDITOR" className={`mt-1 ${inputClass}`}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-days" className={labelClass}>
            {t("members.expiresInDays")}
          </label>
          <input
            id="invite-days"
            name="expiresInDays"
            type="number"
            min={1}
            max={30}
            defaultValue={7}
            className={`mt-1 ${inputClass}`}
          />
        </div>
        <div>
          <label htmlFor="invite-note" className={labelClass}>
            {t("members.note")}
          </label>
          <input id="invite-note" name="note" maxLength={200} className={`mt-1 ${inputClass}`} />
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("members.creating") : t("members.createLink")}
        </button>
      </form>
      <FormMessage error={state && !state.ok ? state.error : null} />
      {url && (
        <div role="status" className="rounded-md border border-teal-200 bg-teal-50 p-3 text-sm">
          <p className="mb-2 text-teal-900">{t("members.linkReady")}</p>
          <div className="flex gap-2">
            <input
              readOnly
              value={url}
              aria-label={t("members.linkReady")}
              className={inputClass}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className={buttonSecondary}
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopiedAt(Date.now()))}
            >
              {copiedAt ? t("members.copied") : t("members.copy")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
