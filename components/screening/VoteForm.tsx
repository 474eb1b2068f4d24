"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Choice = "INCLUDE" | "EXCLUDE" | "MAYBE";

const CHOICE_STYLE: Record<Choice, string> = {
  INCLUDE: "border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800",
  EXCLUDE: "border-rose-600 bg-rose-600 text-white hover:bg-rose-700",
  MAYBE: "border-amber-500 bg-amber-400 text-amber-950 hover:bg-amber-500",
};

const CHOICE_KEY: Record<Choice, string> = { INCLUDE: "I", EXCLUDE: "E", MAYBE: "M" };

export interface VoteReason {
  id: string;
  label: string;
  /** "Full text unavailable": asks for a second look when the paper's full text is stored. */
  fullTextUnavailable: boolean;
}

/**
 * Include / exclude / maybe for one item, screened from the keyboard as in Rayyan: I, E, M vote; N or → moves on;
 * ? shows the shortcuts. Keys typed into a field stay in the field.
 */
export function VoteForm({
  action,
  reviewId,
  itemId,
  current,
  reasons,
  hasFullText,
  skipHref,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  current: { choice: Choice; reasonId: string | null; note: string | null } | null;
  reasons: VoteReason[];
  hasFullText: boolean;
  skipHref: string | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonId, setReasonId] = useState(current?.reasonId ?? "");
  const [confirming, setConfirming] = useState<VoteReason | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const reason = useRef<HTMLSelectElement>(null);
  const buttons = useRef<Partial<Record<Choice, HTMLButtonElement | null>>>({});
  const helpId = useId();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        confirming ||
        target.closest("input, textarea, select, [contenteditable], [role='dialog'], [role='alertdialog']")
      )
        return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const choice = ({ i: "INCLUDE", e: "EXCLUDE", m: "MAYBE" } as const)[key as "i" | "e" | "m"];
      if (choice) {
        event.preventDefault();
        form.current?.requestSubmit(buttons.current[choice] ?? undefined);
      } else if ((key === "n" || key === "s" || key === "ArrowRight") && skipHref) {
        event.preventDefault();
        router.push(skipHref);
      } else if (key === "?") {
        event.preventDefault();
        setHelpOpen((open) => !open);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, skipHref, confirming]);

  return (
    <form
      ref={form}
      action={formAction}
      key={itemId}
      className="space-y-3"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value === "EXCLUDE" && !reasonId) {
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
            aria-keyshortcuts={CHOICE_KEY[choice]}
            className={`min-w-0 rounded-lg border-2 px-2 py-3 text-base font-semibold shadow-sm disabled:opacity-60 ${CHOICE_STYLE[choice]} ${current?.choice === choice ? "ring-4 ring-offset-2 ring-stone-400" : ""}`}
          >
            {t(`screening.choices.${choice}`)}
            <kbd className="ml-2 font-sans text-xs font-normal opacity-80">{CHOICE_KEY[choice]}</kbd>
          </button>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <label htmlFor="vote-reason" className={labelClass}>
            {t("screening.reason")}
          </label>
          <select
            id="vote-reason"
            ref={reason}
            name="reasonId"
            value={reasonId}
            onChange={(event) => {
              const chosen = reasons.find((option) => option.id === event.target.value);
              // Excluding for "no full text" while one is stored is usually a slip: ask before taking it.
              if (chosen?.fullTextUnavailable && hasFullText) setConfirming(chosen);
              else setReasonId(event.target.value);
            }}
            onKeyDown={(event) => {
              // E focuses the reason; Enter here then excludes with it, without reaching for the mouse.
              if (event.key === "Enter" && reasonId) {
                event.preventDefault();
                form.current?.requestSubmit(buttons.current.EXCLUDE ?? undefined);
              }
            }}
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
        <div className="min-w-0">
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
        <span className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonSecondary}
            aria-expanded={helpOpen}
            aria-controls={helpId}
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen((open) => !open)}
          >
            {t("screening.shortcutHelp")}
          </button>
          {skipHref && (
            <a href={skipHref} className="font-medium text-teal-700 hover:underline" aria-keyshortcuts="N ArrowRight">
              {t("screening.next")} →
            </a>
          )}
        </span>
      </div>
      {helpOpen && (
        <section id={helpId} aria-label={t("screening.shortcutHelp")} className="rounded-md bg-stone-50 p-3 text-sm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {(
              [
                ["I", "keyInclude"],
                ["E", "keyExclude"],
                ["M", "keyMaybe"],
                ["N / →", "keyNext"],
                ["?", "keyHelp"],
              ] as const
            ).map(([keys, label]) => (
              <div key={label} className="contents">
                <dt>
                  <kbd className="rounded border border-stone-300 bg-white px-1.5 font-sans text-xs">{keys}</kbd>
                </dt>
                <dd>{t(`screening.${label}`)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-stone-500">{t("screening.keyTyping")}</p>
        </section>
      )}
      <FormMessage
        error={problem ?? (state && !state.ok ? state.error : null)}
        success={state?.ok ? t("screening.voteSaved") : null}
      />
      {confirming && (
        <ConfirmDialog
          open
          onOpenChange={(open) => {
            if (!open) setConfirming(null);
          }}
          title={t("screening.confirmNoFullTextTitle")}
          confirmLabel={t("screening.confirmNoFullTextConfirm")}
          cancelLabel={t("screening.confirmNoFullTextCancel")}
          onConfirm={() => {
            setReasonId(confirming.id);
            setConfirming(null);
          }}
        >
          <p>{t("screening.confirmNoFullTextBody", { reason: confirming.label })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
