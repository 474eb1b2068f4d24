"use client";
// The small forms of the synthesis: a new section, a section's details, its place in the order,
// the trash, and the review's citation style.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FieldError, FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { useConfirm } from "@/components/ui/use-confirm";

function fieldErrors(state: ActionResult<unknown> | null, field: string): string[] | undefined {
  return state && !state.ok ? state.fields?.[field] : undefined;
}

type Action<T = unknown> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;
export interface Choice {
  id: string;
  label: string;
}

function Select({
  name,
  label,
  value,
  choices,
  empty,
}: {
  name: string;
  label: string;
  value: string;
  choices: Choice[];
  empty: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={`${inputClass} mt-1`}>
        <option value="">{empty}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NewSectionForm({
  reviewId,
  themes,
  action,
}: {
  reviewId: string;
  themes: Choice[];
  action: Action<{ sectionId: string }>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const titleId = useId();
  useEffect(() => {
    if (state?.ok) router.push(`/reviews/${reviewId}/synthesis/${state.data.sectionId}`);
  }, [state, reviewId, router]);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
      <input type="hidden" name="reviewId" value={reviewId} />
      <div>
        <label htmlFor={titleId} className={labelClass}>
          {t("synthesis.sectionTitle")}
        </label>
        <input
          id={titleId}
          name="title"
          required
          maxLength={200}
          aria-invalid={!!fieldErrors(state, "title")}
          aria-describedby={`${titleId}-error`}
          className={`${inputClass} mt-1`}
        />
        <FieldError id={`${titleId}-error`} messages={fieldErrors(state, "title") && [t("synthesis.titleRequired")]} />
      </div>
      <Select name="themeId" label={t("synthesis.theme")} value="" choices={themes} empty={t("synthesis.noTheme")} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? t("synthesis.creating") : t("synthesis.create")}
      </button>
      {state && !state.ok && (
        <div className="sm:col-span-3">
          <FormMessage error={state.error} />
        </div>
      )}
    </form>
  );
}

export function SectionDetailsForm({
  reviewId,
  section,
  themes,
  writers,
  canWrite,
  action,
}: {
  reviewId: string;
  section: {
    id: string;
    title: string;
    themeId: string | null;
    ownerId: string | null;
    status: string;
    version: number;
  };
  themes: Choice[];
  writers: Choice[];
  canWrite: boolean;
  action: Action<{ version: number }>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const titleId = useId();
  const statusId = useId();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="space-y-3" key={section.version}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="sectionId" value={section.id} />
      <input type="hidden" name="version" value={section.version} />
      <fieldset disabled={!canWrite} className="space-y-3">
        <div>
          <label htmlFor={titleId} className={labelClass}>
            {t("synthesis.sectionTitle")}
          </label>
          <input
            id={titleId}
            name="title"
            required
            maxLength={200}
            defaultValue={section.title}
            aria-invalid={!!fieldErrors(state, "title")}
            aria-describedby={`${titleId}-error`}
            className={`${inputClass} mt-1`}
          />
          <FieldError
            id={`${titleId}-error`}
            messages={fieldErrors(state, "title") && [t("synthesis.titleRequired")]}
          />
        </div>
        <Select
          name="themeId"
          label={t("synthesis.theme")}
          value={section.themeId ?? ""}
          choices={themes}
          empty={t("synthesis.noTheme")}
        />
        <div>
          <label htmlFor={statusId} className={labelClass}>
            {t("synthesis.status")}
          </label>
          <select id={statusId} name="status" defaultValue={section.status} className={`${inputClass} mt-1`}>
            {(["DRAFTING", "READY_FOR_REVIEW", "REVISED", "APPROVED"] as const).map((status) => (
              <option key={status} value={status}>
                {t(`synthesis.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <Select
          name="ownerId"
          label={t("synthesis.owner")}
          value={section.ownerId ?? ""}
          choices={writers}
          empty={t("synthesis.noOwner")}
        />
        {canWrite && (
          <button type="submit" className={buttonPrimary} disabled={pending}>
            {t("synthesis.save")}
          </button>
        )}
      </fieldset>
      <FormMessage error={state && !state.ok ? state.error : null} success={state?.ok ? t("synthesis.saved") : null} />
    </form>
  );
}

export function SectionRowActions({
  reviewId,
  section,
  first,
  last,
  move,
  trash,
}: {
  reviewId: string;
  section: { id: string; title: string };
  first: boolean;
  last: boolean;
  move: Action;
  trash: Action;
}) {
  const { t } = useI18n();
  const { confirmSubmit, dialog } = useConfirm();
  const [moveState, moveAction, movePending] = useActionState(move, null);
  const [trashState, trashAction, trashPending] = useActionState(trash, null);
  const failure = [moveState, trashState].find((state) => state && !state.ok);
  return (
    <div className="flex flex-wrap items-center gap-1">
      <form action={moveAction} className="flex gap-1">
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="sectionId" value={section.id} />
        <button
          type="submit"
          name="direction"
          value="up"
          disabled={first || movePending}
          className={`${buttonSecondary} px-2 py-1`}
          aria-label={t("synthesis.moveUp", { title: section.title })}
        >
          ↑
        </button>
        <button
          type="submit"
          name="direction"
          value="down"
          disabled={last || movePending}
          className={`${buttonSecondary} px-2 py-1`}
          aria-label={t("synthesis.moveDown", { title: section.title })}
        >
          ↓
        </button>
      </form>
      <form
        action={trashAction}
        onSubmit={(event) =>
          confirmSubmit(event, {
            title: t("synthesis.trashConfirm", { title: section.title }),
            confirmLabel: t("synthesis.trash"),
            destructive: true,
          })
        }
      >
        {dialog}
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="sectionId" value={section.id} />
        <input type="hidden" name="trashed" value="true" />
        <button
          type="submit"
          disabled={trashPending}
          className={`${buttonDanger} px-2 py-1`}
          aria-label={t("synthesis.trashSection", { title: section.title })}
        >
          {t("synthesis.trash")}
        </button>
      </form>
      {failure && !failure.ok && <FormMessage error={failure.error} />}
    </div>
  );
}

export function RestoreSectionButton({
  reviewId,
  section,
  action,
}: {
  reviewId: string;
  section: { id: string; title: string };
  action: Action;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="sectionId" value={section.id} />
      <input type="hidden" name="trashed" value="false" />
      <button
        type="submit"
        disabled={pending}
        className={`${buttonSecondary} px-2 py-1`}
        aria-label={t("synthesis.restoreSection", { title: section.title })}
      >
        {t("synthesis.restore")}
      </button>
      {state && !state.ok && <FormMessage error={state.error} />}
    </form>
  );
}

export function CitationStyleForm({
  reviewId,
  style,
  canWrite,
  action,
}: {
  reviewId: string;
  style: string;
  canWrite: boolean;
  action: Action;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled: a form action resets uncontrolled fields to their first value, which would show the old style.
  const [chosen, setChosen] = useState(style);
  const id = useId();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <div>
        <label htmlFor={id} className={labelClass}>
          {t("synthesis.citationStyle")}
        </label>
        <select
          id={id}
          name="style"
          value={chosen}
          disabled={!canWrite || pending}
          onChange={(event) => {
            setChosen(event.target.value);
            event.currentTarget.form?.requestSubmit();
          }}
          className={`${inputClass} mt-1`}
        >
          {(["GBT7714_NUMERIC", "GBT7714_AUTHOR_DATE", "APA"] as const).map((choice) => (
            <option key={choice} value={choice}>
              {t(`synthesis.styles.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <FormMessage
        error={state && !state.ok ? state.error : null}
        success={state?.ok ? t("synthesis.styleSaved") : null}
      />
    </form>
  );
}
