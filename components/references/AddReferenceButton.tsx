"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

/** Adds one cited reference to the review, then links to the new item. */
export function AddReferenceButton({
  reviewId,
  referenceId,
  title,
  action,
}: {
  reviewId: string;
  referenceId: string;
  title: string;
  action: (
    previous: ActionResult<{ itemId: string }> | null,
    form: FormData,
  ) => Promise<ActionResult<{ itemId: string }>>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-800">
        {t("references.added")}{" "}
        <Link href={`/reviews/${reviewId}/items/${state.data.itemId}`} className="font-medium underline">
          {t("references.openInReview", { title })}
        </Link>
      </p>
    );
  }
  const existing =
    state && !state.ok && state.code === "REFERENCE_IN_REVIEW"
      ? (state.details as { itemId?: string } | undefined)?.itemId
      : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="referenceId" value={referenceId} />
      <button
        type="submit"
        className={`${buttonSecondary} !px-2.5 !py-1 text-xs`}
        disabled={pending}
        aria-label={t("references.addLabel", { title })}
      >
        {pending ? t("references.adding") : `＋ ${t("references.add")}`}
      </button>
      {state && !state.ok && <FormMessage error={state.error} />}
      {existing && (
        <Link href={`/reviews/${reviewId}/items/${existing}`} className="text-sm text-teal-800 underline">
          {t("references.openInReview", { title })}
        </Link>
      )}
    </form>
  );
}
