"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Choice = "INCLUDE" | "EXCLUDE" | "MAYBE";

const CHOICE_STYLE: Record<Choice, string> = {
  INCLUDE: "border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800",
  EXCLUDE: "border-rose-600 bg-rose-600 text-white hover:bg-rose-700",
  MAYBE: "border-amber-500 bg-amber-400 text-amber-950 hover:bg-amber-500",
};

/** Include / exclude / maybe for one item, with the keyboard shortcuts shown on screen (I, E, M, S). */
export function VoteForm({
  action,
  reviewId,
  itemId,
  current,
  reasons,
  skipHref,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  current: { choice: Choice; reasonId: string | null; note: string | null } | null;
  reasons: { id: string; label: string }[];
  skipHref: string | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reason = useRef<HTMLSelectElement>(null);
  const buttons = useRef<Partial<Record<Choice, HTMLButtonElement | null>>>({});

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target.closest("input, textarea, select, [contenteditable]")
      )
        return;
      const key = event.key.toLowerCase();
      const choice = ({ i: "INCLUDE", e: "EXCLUDE", m: "MAYBE" } as const)[key as "i" | "e" | "m"];
      if (choice) {
        event.preventDefault();
        form.current?.requestSubmit(buttons.current[choice] ?? undefined);
      } else if (key === "s" && skipHref) {
        event.preventDefault();
        router.push(skipHref);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, skipHref]);

  return (
    <form
      ref={form}
      action={formAction}
      key={itemId}
      className="space-y-3"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value === "EXCLUDE" && !reason.current?.value) {
          event.preventDefault();
          setProblem(t("errors.EXCLUSION_REASON_REQUIRED"));
          reason.current?.focus();
        } else {
          setProblem(null);
        }
      }}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div className="grid grid-cols-3 gap-2">
        {(["INCLUDE", "EXCLUDE", "MAYBE"] as const).map((choice) => (
          <button
            key={choice}
            ref={(node) => {
              buttons.current[choice] = node;
            }}
            type="submit"
            name="choice"
            value={choice}
            disabled={pending}
            aria-pressed={current?.choice === choice}
            aria-keyshortcuts={{ INCLUDE: "I", EXCLUDE: "E", MAYBE: "M" }[choice]}
            className={`rounded-lg border-2 px-3 py-3 text-base font-semibold shadow-sm disabled:opacity-60 ${CHOICE_STYLE[choice]} ${current?.choice === choice ? "ring-4 ring-offset-2 ring-stone-400" : ""}`}
          >
            {t(`screening.choices.${choice}`)}
            <span className="ml-2 text-xs font-normal opacity-80">
              {{ INCLUDE: "I", EXCLUDE: "E", MAYBE: "M" }[choice]}
            </span>
          </button>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="vote-reason" className={labelClass}>
            {t("screening.reason")}
          </label>
          <select
            id="vote-reason"
            ref={reason}
            name="reasonId"
            defaultValue={current?.reasonId ?? ""}
            className={`mt-1 ${inputClass}`}
          >
            <option value="">{t("screening.chooseReason")}</option>
            {reasons.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="vote-note" className={labelClass}>
            {t("screening.note")}
          </label>
          <input
            id="vote-note"
            name="note"
            maxLength={1000}
            defaultValue={current?.note ?? ""}
            className={`mt-1 ${inputClass}`}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-500">
        <span>{t("screening.shortcuts")}</span>
        {skipHref && (
          <a href={skipHref} className="font-medium text-teal-700 hover:underline" aria-keyshortcuts="S">
            {t("screening.skip")} →
          </a>
        )}
      </div>
      <FormMessage
        error={problem ?? (state && !state.ok ? state.error : null)}
        success={state?.ok ? t("screening.voteSaved") : null}
      />
    </form>
  );
}
