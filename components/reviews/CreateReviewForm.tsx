"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FieldError, FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export function CreateReviewForm({
  action,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form
      action={formAction}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      aria-label={t("reviews.create")}
    >
      <div>
        <label htmlFor="titleZh" className={labelClass}>
          {t("reviews.titleZh")}
        </label>
        <input
          id="titleZh"
          name="titleZh"
          lang="zh-CN"
          className={`mt-1 ${inputClass}`}
          aria-invalid={!!fields?.titleZh}
          aria-describedby="titleZh-error"
        />
      </div>
      <div>
        <label htmlFor="titleEn" className={labelClass}>
          {t("reviews.titleEn")}
        </label>
        <input id="titleEn" name="titleEn" lang="en" className={`mt-1 ${inputClass}`} />
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? t("reviews.creating") : t("reviews.create")}
      </button>
      <div className="sm:col-span-3">
        <FieldError id="titleZh-error" messages={fields?.titleZh} />
        <FormMessage error={state && !state.ok ? state.error : null} />
      </div>
    </form>
  );
}
