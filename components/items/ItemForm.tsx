"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { EditConflict } from "@/lib/items/commands";
import { itemFieldsSchema, type ItemFields } from "@/lib/items/item-fields";
import {
  fieldLabelKey,
  ITEM_TYPE_SPECS,
  ITEM_TYPES,
  roleLabelKey,
  rolesOfType,
  typeLabelKey,
  type TypeField,
} from "@/lib/bibliography/item-types";
import {
  fromFormModel,
  toFormModel,
  type AuthorModel,
  type ContributorModel,
  type ItemFormModel,
  type TypeTextField,
} from "@/lib/items/item-form-model";
import { ConflictMerge } from "./ConflictMerge";
import { fieldProblemKey, problemField } from "./field-labels";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ItemForm({
  mode,
  reviewId,
  itemId,
  version: initialVersion,
  initial,
  action,
  cancelHref,
}: {
  mode: "create" | "edit";
  reviewId: string;
  itemId?: string;
  version?: number;
  initial: ItemFields;
  action: Action;
  cancelHref: string;
}) {
  const { t, locale } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [model, setModel] = useState<ItemFormModel>(() => toFormModel(initial));
  // The stored version my edits started from: the base of a three-way merge if someone else saves first.
  const [base, setBase] = useState<ItemFields>(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const failure = state && !state.ok && state.at !== dismissedAt ? state : null;
  const conflict = failure?.code === "EDIT_CONFLICT" ? (failure.details as EditConflict | undefined) : undefined;
  const problems = new Map<string, string>();
  for (const path of Object.keys(failure?.fields ?? {})) {
    const field = problemField(path);
    problems.set(field, t(fieldProblemKey(field)));
  }
  const mine = itemFieldsSchema.safeParse(fromFormModel(model));
  const form = useRef<HTMLFormElement>(null);
  // A refused save is reported at the field that caused it, which may be far above the save button.
  useEffect(() => {
    if (!failure || failure.code === "EDIT_CONFLICT") return;
    const target = form.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? form.current;
    target?.scrollIntoView({ block: "center" });
    target?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failure?.at]);

  const set = (key: keyof ItemFormModel) => (value: string) => setModel((current) => ({ ...current, [key]: value }));
  const setAuthor = (index: number, change: Partial<AuthorModel>) =>
    setModel((current) => ({
      ...current,
      authors: current.authors.map((author, i) => (i === index ? { ...author, ...change } : author)),
    }));
  const moveAuthor = (index: number, by: -1 | 1) =>
    setModel((current) => {
      const authors = [...current.authors];
      const [moved] = authors.splice(index, 1);
      authors.splice(index + by, 0, moved!);
      return { ...current, authors };
    });

  const setContributor = (index: number, change: Partial<ContributorModel>) =>
    setModel((current) => ({
      ...current,
      contributors: current.contributors.map((contributor, i) =>
        i === index ? { ...contributor, ...change } : contributor,
      ),
    }));
  const type = model.itemType;
  const spec = ITEM_TYPE_SPECS[type];
  const has = (field: TypeField) => spec.fields.includes(field);
  const label = (field: TypeField) => t(fieldLabelKey(type, field));
  const otherRoles = rolesOfType(type).filter((role) => role !== "AUTHOR") as ContributorModel["role"][];
  // Fields after the container and the volume/issue/pages row, in the type's own order.
  const detailFields = spec.fields.filter(
    (field): field is TypeField & TypeTextField =>
      !["container", "volume", "issue", "pages", "url", "accessedDate"].includes(field),
  );
  const dateField = (field: TypeTextField) =>
    field === "issuedDate" || field === "accessedDate" || field === "eventDate";

  const text = (
    key: keyof ItemFormModel,
    label: string,
    options: { lang?: string; help?: string; type?: string } = {},
  ) => (
    <TextField
      id={`field-${key}`}
      label={label}
      value={model[key] as string}
      onChange={set(key)}
      problem={problemPathOf(key)
        .split("|")
        .map((path) => problems.get(path))
        .find(Boolean)}
      {...options}
    />
  );
  const area = (
    key: keyof ItemFormModel,
    label: string,
    rows: number,
    options: { lang?: string; help?: string } = {},
  ) => (
    <TextField
      id={`field-${key}`}
      label={label}
      value={model[key] as string}
      onChange={set(key)}
      rows={rows}
      problem={problems.get(problemPathOf(key))}
      {...options}
    />
  );

  return (
    <div className="space-y-4">
      {conflict && mine.success && (
        <ConflictMerge
          key={conflict.version}
          conflict={conflict}
          base={base}
          mine={mine.data}
          reviewId={reviewId}
          itemId={itemId ?? ""}
          formAction={formAction}
          pending={pending}
          onDiscardMine={() => {
            setModel(toFormModel(conflict.theirs));
            setBase(conflict.theirs);
            setVersion(conflict.version);
            setDismissedAt(failure?.at ?? null);
          }}
        />
      )}
      <form
        action={formAction}
        className="space-y-4"
        aria-label={mode === "create" ? t("editing.newTitle") : t("editing.editTitle")}
      >
        <input type="hidden" name="reviewId" value={reviewId} />
        {itemId && <input type="hidden" name="itemId" value={itemId} />}
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="fields" value={JSON.stringify(fromFormModel(model))} />

        {failure && !conflict && (
          <FormMessage
            error={
              problems.size > 0 ? `${failure.error} ${t("editing.problems", { n: problems.size })}` : failure.error
            }
          />
        )}

        <Section title={t("itemTypes.label")}>
          <label htmlFor="field-itemType" className={labelClass}>
            {t("itemTypes.label")}
          </label>
          <select
            id="field-itemType"
            value={type}
            onChange={(event) =>
              setModel((current) => ({ ...current, itemType: event.target.value as ItemFormModel["itemType"] }))
            }
            aria-describedby="field-itemType-help"
            className={`mt-1 ${inputClass} sm:max-w-xs`}
          >
            {ITEM_TYPES.map((option) => (
              <option key={option} value={option}>
                {t(typeLabelKey(option))}
              </option>
            ))}
          </select>
          <p id="field-itemType-help" className="mt-1 text-xs text-stone-500">
            {t("itemTypes.typeHelp")}
          </p>
        </Section>

        <Section title={t("editing.sectionTitles")}>
          <div className="grid gap-4">
            {area("titleZh", t("item.titleZh"), 2, { lang: "zh-CN" })}
            {area("titleEn", t("item.titleEn"), 2, { lang: "en" })}
          </div>
        </Section>

        <Section
          title={
            type === "PATENT" || type === "STANDARD" ? t(roleLabelKey(type, "AUTHOR")) : t("editing.sectionAuthors")
          }
        >
          {model.authors.length === 0 && <p className="text-sm text-stone-500">{t("editing.noAuthors")}</p>}
          <ol className="space-y-3">
            {model.authors.map((author, index) => {
              const n = index + 1;
              const nameProblem = problems.get(`authors.${index}.nameZh`) ?? problems.get(`authors.${index}.nameEn`);
              return (
                <li key={index} className="rounded-md border border-stone-200 p-3">
                  <fieldset>
                    <legend className="mb-2 flex w-full items-center justify-between gap-2 text-sm font-medium text-stone-700">
                      <span>{t("editing.author", { n })}</span>
                    </legend>
                    <div className="grid gap-3 sm:grid-cols-2">
                      <TextField
                        id={`author-${index}-zh`}
                        label={t("editing.nameZh")}
                        ariaLabel={t("editing.authorNameZh", { n })}
                        value={author.nameZh}
                        onChange={(value) => setAuthor(index, { nameZh: value })}
                        lang="zh-CN"
                        problem={nameProblem}
                      />
                      <TextField
                        id={`author-${index}-en`}
                        label={t("editing.nameEn")}
                        ariaLabel={t("editing.authorNameEn", { n })}
                        value={author.nameEn}
                        onChange={(value) => setAuthor(index, { nameEn: value })}
                        lang="en"
                      />
                      <div className="sm:col-span-2">
                        <TextField
                          id={`author-${index}-aff`}
                          label={t("editing.affiliations")}
                          ariaLabel={t("editing.authorAffiliations", { n })}
                          value={author.affiliations}
                          onChange={(value) => setAuthor(index, { affiliations: value })}
                          rows={2}
                        />
                      </div>
                      <div className="sm:col-span-2">
                        <TextField
                          id={`author-${index}-bio`}
                          label={t("editing.bio")}
                          ariaLabel={t("editing.authorBio", { n })}
                          value={author.bio}
                          onChange={(value) => setAuthor(index, { bio: value })}
                          rows={2}
                        />
                      </div>
                    </div>
                    <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
                      <label className="inline-flex items-center gap-2 text-sm text-stone-700">
                        <input
                          type="checkbox"
                          checked={author.corresponding}
                          onChange={(event) => setAuthor(index, { corresponding: event.target.checked })}
                          aria-label={t("editing.authorCorresponding", { n })}
                          className="h-4 w-4 rounded border-stone-300 text-teal-700"
                        />
                        {t("editing.corresponding")}
                      </label>
                      <div className="flex gap-1">
                        <button
                          type="button"
                          className={buttonSecondary}
                          disabled={index === 0}
                          onClick={() => moveAuthor(index, -1)}
                          aria-label={t("editing.moveAuthorUp", { n })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className={buttonSecondary}
                          disabled={index === model.authors.length - 1}
                          onClick={() => moveAuthor(index, 1)}
                          aria-label={t("editing.moveAuthorDown", { n })}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className={buttonSecondary}
                          onClick={() =>
                            setModel((current) => ({
                              ...current,
                              authors: current.authors.filter((_, i) => i !== index),
                            }))
                          }
                          aria-label={t("editing.removeAuthor", { n })}
                        >
                          ✕
                        </button>
                      </div>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className={`${buttonSecondary} mt-3`}
            onClick={() =>
              setModel((current) => ({
                ...current,
                authors: [
                  ...current.authors,
                  { nameZh: "", nameEn: "", affiliations: "", corresponding: false, bio: "" },
                ],
              }))
            }
          >
            + {t("editing.addAuthor")}
          </button>
        </Section>

        {(otherRoles.length > 0 || model.contributors.length > 0) && (
          <Section title={t("itemTypes.contributors")}>
            <p className="mb-3 text-xs text-stone-500">{t("itemTypes.contributorsHelp")}</p>
            {model.contributors.length === 0 && (
              <p className="text-sm text-stone-500">{t("itemTypes.noContributors")}</p>
            )}
            <ol className="space-y-3">
              {model.contributors.map((contributor, index) => {
                const roleName = t(roleLabelKey(type, contributor.role));
                const n = model.contributors.slice(0, index + 1).filter((c) => c.role === contributor.role).length;
                const name = t("itemTypes.contributorRole", { role: roleName, n });
                const nameProblem = problems.get(`contributors.${index}.nameZh`);
                const roleOptions = otherRoles.includes(contributor.role)
                  ? otherRoles
                  : [...otherRoles, contributor.role];
                return (
                  <li key={index} className="rounded-md border border-stone-200 p-3">
                    <fieldset>
                      <legend className="mb-2 text-sm font-medium text-stone-700">{name}</legend>
                      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-end">
                        <div>
                          <label htmlFor={`contributor-${index}-role`} className={labelClass}>
                            {t("itemTypes.roleLabel")}
                          </label>
                          <select
                            id={`contributor-${index}-role`}
                            aria-label={t("itemTypes.roleOf", { name })}
                            value={contributor.role}
                            onChange={(event) =>
                              setContributor(index, { role: event.target.value as ContributorModel["role"] })
                            }
                            className={`mt-1 ${inputClass}`}
                          >
                            {roleOptions.map((role) => (
                              <option key={role} value={role}>
                                {t(roleLabelKey(type, role))}
                              </option>
                            ))}
                          </select>
                        </div>
                        <TextField
                          id={`contributor-${index}-zh`}
                          label={t("editing.nameZh")}
                          ariaLabel={t("itemTypes.nameZhOf", { name })}
                          value={contributor.nameZh}
                          onChange={(value) => setContributor(index, { nameZh: value })}
                          lang="zh-CN"
                          problem={nameProblem}
                        />
                        <TextField
                          id={`contributor-${index}-en`}
                          label={t("editing.nameEn")}
                          ariaLabel={t("itemTypes.nameEnOf", { name })}
                          value={contributor.nameEn}
                          onChange={(value) => setContributor(index, { nameEn: value })}
                          lang="en"
                        />
                        <button
                          type="button"
                          className={buttonSecondary}
                          onClick={() =>
                            setModel((current) => ({
                              ...current,
                              contributors: current.contributors.filter((_, i) => i !== index),
                            }))
                          }
                          aria-label={t("itemTypes.removeContributor", { role: roleName, n })}
                        >
                          ✕
                        </button>
                      </div>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <div className="mt-3 flex flex-wrap gap-2">
              {otherRoles.map((role) => (
                <button
                  key={role}
                  type="button"
                  className={buttonSecondary}
                  onClick={() =>
                    setModel((current) => ({
                      ...current,
                      contributors: [...current.contributors, { role, nameZh: "", nameEn: "" }],
                    }))
                  }
                >
                  + {t("itemTypes.addContributor", { role: t(roleLabelKey(type, role)) })}
                </button>
              ))}
            </div>
          </Section>
        )}

        <Section title={t("itemTypes.typeFields", { type: t(typeLabelKey(type)) })}>
          {has("container") && (
            <div className="mb-4 grid gap-4 sm:grid-cols-2">
              {text("journalZh", t("itemTypes.inZh", { field: label("container") }), { lang: "zh-CN" })}
              {text("journalEn", t("itemTypes.inEn", { field: label("container") }), { lang: "en" })}
            </div>
          )}
          <div className="grid gap-4 sm:grid-cols-4">
            {text("year", t("fields.year"), { type: "number" })}
            {has("volume") && text("volume", label("volume"))}
            {has("issue") && text("issue", label("issue"))}
            {has("pages") && text("pages", label("pages"))}
          </div>
          {detailFields.length > 0 && (
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              {detailFields.map((field) => (
                <div key={field}>
                  {text(field, label(field), {
                    help: dateField(field)
                      ? t("itemTypes.fieldHints.date")
                      : field === "genre" && type === "THESIS"
                        ? t("itemTypes.fieldHints.degree")
                        : undefined,
                  })}
                </div>
              ))}
            </div>
          )}
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {has("url") && text("url", label("url"), { lang: "en", type: "url" })}
            {has("accessedDate") &&
              text("accessedDate", label("accessedDate"), { help: t("itemTypes.fieldHints.date") })}
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {text("doi", t("fields.doi"), { help: t("editing.doiHelp"), lang: "en" })}
            {text("language", t("itemTypes.fields.language"), { help: t("itemTypes.fieldHints.language") })}
          </div>
        </Section>

        <Section title={t("editing.sectionContent")}>
          <div className="grid gap-4">
            {area("abstractZh", t("item.abstractZh"), 6, { lang: "zh-CN" })}
            {area("abstractEn", t("item.abstractEn"), 6, { lang: "en" })}
            <div className="grid gap-4 sm:grid-cols-2">
              {text("keywordsZh", t("item.keywordsZh"), { lang: "zh-CN", help: t("editing.keywordsHelp") })}
              {text("keywordsEn", t("item.keywordsEn"), { lang: "en", help: t("editing.keywordsEnHelp") })}
            </div>
          </div>
        </Section>

        <Section title={t("editing.sectionOther")}>
          <div className="grid gap-4">
            {area("funding", t("fields.funding"), 2)}
            {area("identifiers", t("editing.identifiersLabel"), 3, { help: t("editing.identifiersHelp") })}
            <div className="grid gap-4 sm:grid-cols-3">
              {text("received", t("item.received"), { type: "date" })}
              {text("published", t("item.published"), { type: "date" })}
              {text("online", t("item.online"), { type: "date" })}
            </div>
          </div>
        </Section>

        <Section title={t("editing.sectionFullText")}>
          {area("fullText", t("fields.fullText"), 12, {
            lang: "zh-CN",
            help: `${t("editing.fullTextHelp")} ${t("editing.characters", { n: model.fullText.length.toLocaleString(locale === "zh" ? "zh-CN" : "en") })}`,
          })}
        </Section>

        <div className="sticky bottom-0 flex justify-end gap-2 border-t border-stone-200 bg-stone-50/95 py-3 backdrop-blur">
          <Link href={cancelHref} className={buttonSecondary}>
            {t("editing.cancel")}
          </Link>
          {conflict && <span className="mr-auto self-center text-sm text-amber-800">{t("editing.resolveFirst")}</span>}
          <button type="submit" className={buttonPrimary} disabled={pending || Boolean(conflict)}>
            {mode === "create"
              ? pending
                ? t("editing.creating")
                : t("editing.create")
              : pending
                ? t("editing.saving")
                : t("editing.save")}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Which error path a form control reports: dates live under `dates.*`, the rest by their own name. */
function problemPathOf(key: keyof ItemFormModel): string {
  // The order of the dates is reported at the received date, where the correction usually belongs.
  if (key === "received") return "dates.received|dates.order";
  if (key === "published" || key === "online") return `dates.${key}`;
  return key;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className={`${cardClass} p-4 sm:p-5`}>
      <h2 className="mb-3 text-sm font-semibold text-stone-600">{title}</h2>
      {children}
    </section>
  );
}

/** A labelled input, or a textarea when given `rows`, with its help text and its problem tied to it for screen readers. */
function TextField({
  id,
  label,
  ariaLabel,
  value,
  onChange,
  rows,
  lang,
  help,
  type = "text",
  problem,
}: {
  id: string;
  label: string;
  ariaLabel?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  lang?: string;
  help?: string;
  type?: string;
  problem?: string;
}) {
  const shared = {
    id,
    value,
    lang,
    "aria-label": ariaLabel,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": [help && `${id}-help`, problem && `${id}-problem`].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {rows ? (
        <textarea
          {...shared}
          rows={rows}
          onChange={(event) => onChange(event.target.value)}
          className={`mt-1 ${inputClass} leading-relaxed`}
        />
      ) : (
        <input
          {...shared}
          type={type}
          onChange={(event) => onChange(event.target.value)}
          className={`mt-1 ${inputClass}`}
        />
      )}
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-stone-500">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
