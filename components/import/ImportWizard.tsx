"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, cardClass, inlineInputClass, labelClass } from "@/components/ui/styles";
import { formatBytes } from "@/lib/import/limits";
import type { ImportPreview, PreviewRecord } from "@/lib/import/preview";
import type { RecordProblem } from "@/lib/import/source-record";
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
  const base = `/reviews/${reviewId}/library/import`;

  async function upload() {
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
    const result = await send<ImportPreview>(`${base}/preview`, form, setProgress, () => setPhase("parsing"));
    if (!result.ok) {
      setError(result.error ?? t("transfer.uploadFailed"));
      setPhase("idle");
      return;
    }
    setPreview(result.data);
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
  const lineOf = useMemo(() => new Map((records ?? []).map((r) => [r.index, r.line])), [records]);

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
          <label htmlFor="import-file" className={labelClass}>
            {t("transfer.fileLabel")}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".ris,.txt,.bib,.bibtex,.json,.enw,.xml,.net,.refworks"
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(null);
            }}
            className="mt-1 block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-50"
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
                fileLine={(index) => lineOf.get(index) ?? 0}
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

function RecordRow({
  record,
  checked,
  disabled,
  onToggle,
  fileLine,
}: {
  record: PreviewRecord;
  checked: boolean;
  disabled: boolean;
  onToggle: (on: boolean) => void;
  fileLine: (index: number) => number;
}) {
  const { t, locale } = useI18n();
  const title =
    (locale === "zh" ? (record.titleZh ?? record.titleEn) : (record.titleEn ?? record.titleZh)) ??
    t("transfer.untitled");
  const other = locale === "zh" ? record.titleEn : record.titleZh;
  const authors =
    record.authors.join(locale === "zh" ? "，" : ", ") +
    (record.authorCount > record.authors.length ? (locale === "zh" ? " 等" : " et al.") : "");
  const by = (kind: "doi" | "title") => t(kind === "doi" ? "transfer.byDoi" : "transfer.byTitle");
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
          <p className="font-medium text-amber-900">
            {record.duplicate.in === "review"
              ? t("transfer.duplicateInReview", {
                  by: by(record.duplicate.by),
                  title: record.duplicate.title ?? t("transfer.untitled"),
                })
              : t("transfer.duplicateInFile", { line: fileLine(record.duplicate.index), by: by(record.duplicate.by) })}
          </p>
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

function ProblemText({ problem }: { problem: RecordProblem }) {
  const { t } = useI18n();
  const reason = t(`transfer.problems.${problem.code}` as MessageKey, { detail: problem.detail ?? "" });
  return (
    <>
      {problem.field
        ? t("transfer.problemAt", { line: problem.line, field: problem.field, reason })
        : t("transfer.problemAtRecord", { line: problem.line, reason })}
    </>
  );
}
