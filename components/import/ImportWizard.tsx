"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, cardClass, inlineInputClass } from "@/components/ui/styles";
import { formatBytes } from "@/lib/import/limits";
import { CSV_TARGETS, type CsvTarget } from "@/lib/import/parse-csv-targets";
import type { ImportPreview, PreviewRecord, RecordSummary } from "@/lib/import/preview";
import type { RecordProblem } from "@/lib/import/source-record";
import { MAX_AUTHORS } from "@/lib/items/item-fields";
import type { MessageKey } from "@/lib/i18n/translate";

const PAGE_SIZE = 100;

type Phase = "idle" | "uploading" | "parsing" | "preview" | "committing";
type Show = "all" | "duplicates" | "problems";

/** POSTs a form with upload progress (fetch cannot report it) and reads the JSON answer. */
function send<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  onUploaded: () => void,
): Promise<{ ok: true; data: T } | { ok: false; error: string | null }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.upload.onload = onUploaded;
    request.onload = () => {
      const body = request.response as ({ error?: string } & T) | null;
      if (request.status >= 200 && request.status < 300 && body) resolve({ ok: true, data: body });
      else resolve({ ok: false, error: body?.error ?? null });
    };
    request.onerror = () => resolve({ ok: false, error: null });
    request.send(form);
  });
}

function importable(record: PreviewRecord) {
  return !record.blocked;
}

export function ImportWizard({ reviewId, maxBytes }: { reviewId: string; maxBytes: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [show, setShow] = useState<Show>("all");
  const [page, setPage] = useState(0);
  // The CSV column mapping as the user has set it; sent with the next preview and with the commit.
  const [mapping, setMapping] = useState<CsvTarget[] | null>(null);
  const base = `/reviews/${reviewId}/library/import`;

  async function upload(csvMapping: CsvTarget[] | null = null) {
    if (!file) return;
    if (file.size > maxBytes) {
      setError(t("errors.IMPORT_TOO_LARGE", { size: formatBytes(file.size), limit: formatBytes(maxBytes) }));
      return;
    }
    setError(null);
    setProgress(0);
    setPhase("uploading");
    const form = new FormData();
    form.set("file", file);
    if (csvMapping) form.set("csvMapping", JSON.stringify(csvMapping));
    const result = await send<ImportPreview>(`${base}/preview`, form, setProgress, () => setPhase("parsing"));
    if (!result.ok) {
      setError(result.error ?? t("transfer.uploadFailed"));
      setPhase(csvMapping ? "preview" : "idle");
      return;
    }
    setPreview(result.data);
    setMapping(result.data.csv ? result.data.csv.mapping : null);
    setSelected(new Set(result.data.records.filter((r) => importable(r) && !r.duplicate).map((r) => r.index)));
    setShow("all");
    setPage(0);
    setPhase("preview");
  }

  async function commit() {
    if (!file || !preview) return;
    if (selected.size === 0) {
      setError(t("transfer.nothingSelected"));
      return;
    }
    setError(null);
    setProgress(0);
    setPhase("committing");
    const form = new FormData();
    form.set("file", file);
    form.set("selected", JSON.stringify([...selected]));
    if (preview.csv && mapping) form.set("csvMapping", JSON.stringify(mapping));
    const result = await send<{ imported: number }>(`${base}/commit`, form, setProgress, () => setProgress(1));
    if (!result.ok) {
      setError(result.error ?? t("transfer.uploadFailed"));
      setPhase("preview");
      return;
    }
    router.push(`/reviews/${reviewId}/library?imported=${result.data.imported}`);
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setSelected(new Set());
    setMapping(null);
    setError(null);
    setPhase("idle");
  }

  const records = preview?.records;
  const counts = useMemo(() => {
    const list = records ?? [];
    return {
      fresh: list.filter((r) => !r.duplicate && importable(r)).length,
      duplicates: list.filter((r) => r.duplicate).length,
      problems: list.filter((r) => r.problems.length > 0).length,
      blocked: list.filter((r) => r.blocked).length,
    };
  }, [records]);
  const shown = useMemo(
    () =>
      (records ?? []).filter((r) =>
        show === "duplicates" ? r.duplicate !== null : show === "problems" ? r.problems.length > 0 : true,
      ),
    [records, show],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const pageRecords = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const toggle = (index: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(index);
    else next.delete(index);
    setSelected(next);
  };

  if (!preview || phase === "idle" || phase === "uploading" || phase === "parsing") {
    const busy = phase === "uploading" || phase === "parsing";
    return (
      <form
        className={`${cardClass} max-w-3xl space-y-4 p-5`}
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div>
          <FilePicker
            id="import-file"
            label={t("transfer.fileLabel")}
            accept=".ris,.txt,.bib,.bibtex,.json,.enw,.xml,.net,.refworks,.nbib,.csv,.tsv,.tab"
            disabled={busy}
            onFiles={(files) => {
              setFile(files[0] ?? null);
              setError(null);
            }}
          />
        </div>
        {busy && (
          <div className="space-y-1">
            <p className="text-sm text-stone-600" aria-live="polite">
              {phase === "uploading" ? t("transfer.uploading") : t("transfer.parsing")}
            </p>
            <progress
              aria-label={t("transfer.uploadProgress")}
              className="h-2 w-full accent-teal-700"
              max={1}
              value={phase === "uploading" ? progress : undefined}
            />
          </div>
        )}
        <FormMessage error={error} />
        <button type="submit" className={buttonPrimary} disabled={!file || busy}>
          {t("transfer.preview")}
        </button>
      </form>
    );
  }

  const committing = phase === "committing";
  const selectableIndexes = preview.records.filter(importable).map((r) => r.index);
  return (
    <section className="space-y-3" aria-labelledby="preview-heading">
      <div className={`${cardClass} space-y-3 p-4`}>
        <h2 id="preview-heading" className="font-medium">
          {t("transfer.fileSummary", {
            file: preview.fileName,
            format: t(`transfer.formatNames.${preview.format}`),
            encoding: t(`transfer.encodings.${preview.encoding}`),
            n: preview.records.length,
          })}
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("transfer.previewTable")}>
          <li className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-emerald-900">
            {t("transfer.countNew", { n: counts.fresh })}
          </li>
          <li className="rounded-full bg-amber-50 px-2.5 py-0.5 text-amber-900">
            {t("transfer.countDuplicates", { n: counts.duplicates })}
          </li>
          <li className="rounded-full bg-stone-100 px-2.5 py-0.5 text-stone-800">
            {t("transfer.countProblems", { n: counts.problems })}
          </li>
          {counts.blocked > 0 && (
            <li className="rounded-full bg-red-50 px-2.5 py-0.5 text-red-800">
              {t("transfer.countBlocked", { n: counts.blocked })}
            </li>
          )}
        </ul>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonSecondary}
            disabled={committing}
            onClick={() => setSelected(new Set(selectableIndexes))}
          >
            {t("transfer.selectAll")}
          </button>
          <button
            type="button"
            className={buttonSecondary}
            disabled={committing}
            onClick={() => {
              const next = new Set(selected);
              for (const r of preview.records) if (r.duplicate) next.delete(r.index);
              setSelected(next);
            }}
          >
            {t("transfer.deselectDuplicates")}
          </button>
          <button
            type="button"
            className={buttonSecondary}
            disabled={committing}
            onClick={() => setSelected(new Set())}
          >
            {t("transfer.selectNone")}
          </button>
          <label className="ml-auto flex items-center gap-2 text-sm text-stone-700">
            {t("transfer.showFilter")}
            <select
              className={`${inlineInputClass} py-1.5`}
              value={show}
              onChange={(event) => {
                setShow(event.target.value as Show);
                setPage(0);
              }}
            >
              <option value="all">{t("transfer.showAll")}</option>
              <option value="duplicates">{t("transfer.showDuplicates")}</option>
              <option value="problems">{t("transfer.showProblems")}</option>
            </select>
          </label>
        </div>
      </div>

      {preview.csv && mapping && (
        <CsvMappingPanel
          layout={preview.csv}
          mapping={mapping}
          disabled={committing}
          onChange={setMapping}
          onApply={() => void upload(mapping)}
        />
      )}

      <div className={`${cardClass} overflow-x-auto`}>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("transfer.previewTable")}</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="w-16 whitespace-nowrap px-3 py-2">
                {t("transfer.colSelect")}
              </th>
              <th scope="col" className="w-16 whitespace-nowrap px-3 py-2">
                {t("transfer.colLine")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transfer.colRecord")}
              </th>
              <th scope="col" className="w-[32%] px-3 py-2">
                {t("transfer.colStatus")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {pageRecords.map((record) => (
              <RecordRow
                key={record.index}
                record={record}
                checked={selected.has(record.index)}
                disabled={committing || record.blocked}
                onToggle={(on) => toggle(record.index, on)}
              />
            ))}
          </tbody>
        </table>
      </div>

      {pages > 1 && (
        <nav aria-label={t("library.pagination")} className="flex items-center gap-3 text-sm">
          <button type="button" className={buttonSecondary} disabled={page === 0} onClick={() => setPage(page - 1)}>
            ← {t("transfer.previousPage")}
          </button>
          <span className="tabular-nums text-stone-600">{t("transfer.pageOf", { page: page + 1, pages })}</span>
          <button
            type="button"
            className={buttonSecondary}
            disabled={page >= pages - 1}
            onClick={() => setPage(page + 1)}
          >
            {t("transfer.nextPage")} →
          </button>
        </nav>
      )}

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-50/95 py-3 backdrop-blur">
        <button type="button" className={buttonPrimary} disabled={committing} onClick={() => void commit()}>
          {committing
            ? t("transfer.importing", { n: selected.size })
            : t("transfer.importSelected", { n: selected.size })}
        </button>
        <button type="button" className={buttonSecondary} disabled={committing} onClick={reset}>
          {t("transfer.chooseAnother")}
        </button>
        {committing && (
          <progress
            aria-label={t("transfer.commitProgress")}
            className="h-2 w-64 accent-teal-700"
            max={1}
            value={progress < 1 ? progress : undefined}
          />
        )}
        <div className="basis-full">
          <FormMessage error={error} />
        </div>
      </div>
    </section>
  );
}

function titleIn(locale: string, summary: RecordSummary, untitled: string) {
  return (locale === "zh" ? (summary.titleZh ?? summary.titleEn) : (summary.titleEn ?? summary.titleZh)) ?? untitled;
}

function authorsIn(locale: string, summary: RecordSummary) {
  return (
    summary.authors.join(locale === "zh" ? "，" : ", ") +
    (summary.authorCount > summary.authors.length ? (locale === "zh" ? " 等" : " et al.") : "")
  );
}

function RecordRow({
  record,
  checked,
  disabled,
  onToggle,
}: {
  record: PreviewRecord;
  checked: boolean;
  disabled: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const title = titleIn(locale, record, t("transfer.untitled"));
  const other = locale === "zh" ? record.titleEn : record.titleZh;
  const authors = authorsIn(locale, record);
  return (
    <tr className={`align-top ${record.blocked ? "bg-red-50/40" : record.duplicate ? "bg-amber-50/40" : ""}`}>
      <td className="px-3 py-2">
        <input
          type="checkbox"
          className="h-4 w-4 accent-teal-700"
          checked={checked}
          disabled={disabled}
          aria-label={t("transfer.selectRecord", { line: record.line, title })}
          onChange={(event) => onToggle(event.target.checked)}
        />
      </td>
      <td className="px-3 py-2 tabular-nums text-stone-500">{record.line}</td>
      <td className="px-3 py-2">
        <p className="font-medium text-stone-900">{title}</p>
        {other && other !== title && <p className="text-stone-600">{other}</p>}
        <p className="text-xs text-stone-500">
          {[authors, record.journal, record.year, record.doi ? `DOI ${record.doi}` : null].filter(Boolean).join(" · ")}
        </p>
      </td>
      <td className="space-y-1 px-3 py-2 text-xs">
        {record.blocked ? (
          <p className="font-medium text-red-800">{t("transfer.blocked")}</p>
        ) : record.duplicate ? (
          <DuplicateCompare record={record} checked={checked} disabled={disabled} onToggle={onToggle} />
        ) : (
          <p className="text-emerald-800">{t("transfer.statusNew")}</p>
        )}
        {record.problems.length > 0 && (
          <ul className="space-y-0.5">
            {record.problems.map((problem, index) => (
              <li key={index} className={problem.severity === "error" ? "text-red-800" : "text-stone-600"}>
                <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/**
 * The duplicate and the record it matches, side by side (title, authors, year), so the reviewer can judge
 * for themselves; "keep both" imports this one anyway.
 */
function DuplicateCompare({
  record,
  checked,
  disabled,
  onToggle,
}: {
  record: PreviewRecord;
  checked: boolean;
  disabled: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const duplicate = record.duplicate!;
  const by = t(duplicate.by === "doi" ? "transfer.byDoiAndTitle" : "transfer.byTitle");
  const where =
    duplicate.in === "review"
      ? t("transfer.duplicateInReviewShort")
      : t("transfer.duplicateInFileShort", { line: duplicate.otherLine ?? 0 });
  const side = (label: string, summary: RecordSummary) => (
    <div className="min-w-0 flex-1 rounded border border-amber-200 bg-white p-2">
      <p className="font-medium text-stone-500">{label}</p>
      <p className="text-stone-900">{titleIn(locale, summary, t("transfer.untitled"))}</p>
      <p className="text-stone-600">{authorsIn(locale, summary) || t("transfer.noAuthors")}</p>
      <p className="text-stone-600">{summary.year ?? t("transfer.noYear")}</p>
    </div>
  );
  const title = titleIn(locale, record, t("transfer.untitled"));
  return (
    <div className="space-y-1.5">
      <p className="font-medium text-amber-900">{t("transfer.duplicateSummary", { where, by })}</p>
      <div className="flex gap-2" role="group" aria-label={t("transfer.compareLabel", { line: record.line })}>
        {side(t("transfer.thisRecord"), record)}
        {side(duplicate.in === "review" ? t("transfer.inLibrary") : where, duplicate.other)}
      </div>
      <button
        type="button"
        className={buttonSecondary}
        disabled={disabled}
        aria-pressed={checked}
        aria-label={t(checked ? "transfer.skipDuplicateLabel" : "transfer.keepBothLabel", { line: record.line, title })}
        onClick={() => onToggle(!checked)}
      >
        {checked ? t("transfer.skipDuplicate") : t("transfer.keepBoth")}
      </button>
      {checked && <p className="text-emerald-800">{t("transfer.keepingBoth")}</p>}
    </div>
  );
}

/** A CSV's columns, what each holds in the first row, and the field each is read into; the user can change it. */
function CsvMappingPanel({
  layout,
  mapping,
  disabled,
  onChange,
  onApply,
}: {
  layout: NonNullable<ImportPreview["csv"]>;
  mapping: CsvTarget[];
  disabled: boolean;
  onChange: (mapping: CsvTarget[]) => void;
  onApply: () => void;
}) {
  const { t } = useI18n();
  const changed = mapping.some((target, index) => target !== layout.mapping[index]);
  const delimiter = layout.delimiter === "\t" ? "tab" : layout.delimiter === ";" ? "semicolon" : "comma";
  return (
    <section className={`${cardClass} space-y-3 p-4`} aria-labelledby="csv-mapping-heading">
      <div>
        <h3 id="csv-mapping-heading" className="font-medium">
          {t("transfer.csvMappingTitle")}
        </h3>
        <p className="text-sm text-stone-600">
          {layout.tool
            ? t("transfer.csvDetected", {
                tool: t(`transfer.csvTools.${layout.tool}`),
                delimiter: t(`transfer.csvDelimiters.${delimiter}`),
              })
            : t("transfer.csvUnknownTool", { delimiter: t(`transfer.csvDelimiters.${delimiter}`) })}
        </p>
      </div>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("transfer.csvMappingTitle")}</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("transfer.csvColumn")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transfer.csvSample")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("transfer.csvField")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {layout.headers.map((header, index) => (
              <tr key={index}>
                <th scope="row" className="px-3 py-1.5 text-left font-medium text-stone-800">
                  {header || t("transfer.csvUnnamed", { n: index + 1 })}
                </th>
                <td className="max-w-xs truncate px-3 py-1.5 text-stone-600" title={layout.sample[index] ?? ""}>
                  {layout.sample[index] ?? ""}
                </td>
                <td className="px-3 py-1.5">
                  <select
                    className={`${inlineInputClass} py-1`}
                    aria-label={t("transfer.csvFieldFor", { column: header || String(index + 1) })}
                    value={mapping[index] ?? "ignore"}
                    disabled={disabled}
                    onChange={(event) => {
                      const next = [...mapping];
                      next[index] = event.target.value as CsvTarget;
                      onChange(next);
                    }}
                  >
                    {CSV_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {t(`transfer.csvTargets.${target}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonPrimary} disabled={disabled || !changed} onClick={onApply}>
          {t("transfer.csvApply")}
        </button>
        {changed && <p className="text-sm text-amber-900">{t("transfer.csvChanged")}</p>}
      </div>
    </section>
  );
}

function ProblemText({ problem }: { problem: RecordProblem }) {
  const { t } = useI18n();
  const reason = t(`transfer.problems.${problem.code}` as MessageKey, {
    detail: problem.detail ?? "",
    max: MAX_AUTHORS.toLocaleString("en-US"),
  });
  return (
    <>
      {problem.field
        ? t("transfer.problemAt", { line: problem.line, field: problem.field, reason })
        : t("transfer.problemAtRecord", { line: problem.line, reason })}
    </>
  );
}
