"use client";
// Uploading the round's Word file back after comments and tracked changes were added in Word, WPS or
// LibreOffice: a preview of what would be created (and what no longer matches) before anything is written.
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ImportEntry } from "@/lib/rounds/word-import";

type Preview = (form: FormData) => Promise<ActionResult<{ entries: ImportEntry[] }>>;
type Apply = (form: FormData) => Promise<ActionResult<{ created: number; unmatched: number }>>;

const STATUS_TONE: Record<ImportEntry["status"], string> = {
  new: "bg-emerald-100 text-emerald-800",
  existing: "bg-stone-100 text-stone-600",
  unmatched: "bg-amber-100 text-amber-900",
};

export function WordImport({
  reviewId,
  roundId,
  preview,
  apply,
}: {
  reviewId: string;
  roundId: string;
  preview: Preview;
  apply: Apply;
}) {
  const { t } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [entries, setEntries] = useState<ImportEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = () => {
    const data = new FormData();
    data.set("reviewId", reviewId);
    data.set("roundId", roundId);
    if (file) data.set("file", file);
    return data;
  };
  const fresh = entries?.filter((entry) => entry.status === "new") ?? [];
  return (
    <section aria-labelledby="word-import-heading" className={`${cardClass} space-y-3 p-4`}>
      <div>
        <h2 id="word-import-heading" className="text-sm font-semibold text-stone-900">
          {t("reviewTools.wordImport.title")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("reviewTools.wordImport.help")}</p>
      </div>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          setDone(null);
          const result = await preview(form());
          setPending(false);
          if (result.ok) {
            setEntries(result.data.entries);
            setError(null);
          } else {
            setEntries(null);
            setError(result.error);
          }
        }}
      >
        <div>
          <FilePicker
            id={fileId}
            label={t("reviewTools.wordImport.file")}
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            required
            onFiles={(files) => {
              setFile(files[0] ?? null);
              setEntries(null);
            }}
          />
        </div>
        <button type="submit" className={buttonSecondary} disabled={!file || pending}>
          {t("reviewTools.wordImport.preview")}
        </button>
      </form>
      {entries && (
        <div className="space-y-2">
          <p className="text-sm font-medium text-stone-800">
            {t("reviewTools.wordImport.summary", {
              fresh: fresh.length,
              existing: entries.filter((entry) => entry.status === "existing").length,
              unmatched: entries.filter((entry) => entry.status === "unmatched").length,
            })}
          </p>
          <ul aria-label={t("reviewTools.wordImport.listLabel")} className="divide-y divide-stone-100 text-sm">
            {entries.map((entry, index) => (
              <li key={index} className="flex flex-wrap items-start gap-2 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_TONE[entry.status]}`}>
                  {t(`reviewTools.wordImport.status.${entry.status}`)}
                </span>
                <span className="text-xs text-stone-500">
                  {t(`reviewTools.wordImport.kind.${entry.kind}`)}
                  {entry.sectionTitle ? ` · ${entry.sectionTitle}` : ""}
                  {entry.wordAuthor ? ` · ${entry.wordAuthor}` : ""}
                </span>
                <span lang="zh-CN" className="basis-full text-stone-800">
                  {entry.kind === "comment"
                    ? `「${entry.quote}」 ${entry.body}`
                    : entry.kind === "reply"
                      ? `「${entry.quote}」 ↳ ${entry.body}`
                      : entry.quote
                        ? t("comments.suggestReplace", { quote: entry.quote, text: entry.suggestion ?? "" })
                        : t("comments.suggestInsert", { text: entry.suggestion ?? "" })}
                </span>
                {entry.replies.length > 0 && (
                  <ul
                    aria-label={t("reviewTools.wordImport.replies", { n: entry.replies.length })}
                    className="basis-full space-y-0.5 border-l-2 border-stone-200 pl-3 text-stone-700"
                  >
                    {entry.replies.map((reply, position) => (
                      <li key={position} lang="zh-CN">
                        <span className="text-xs text-stone-500">{reply.wordAuthor}</span> {reply.body}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={buttonPrimary}
            disabled={fresh.length === 0 || pending}
            onClick={async () => {
              setPending(true);
              const result = await apply(form());
              setPending(false);
              if (result.ok) {
                setEntries(null);
                setDone(t("reviewTools.wordImport.done", { n: result.data.created }));
              } else setError(result.error);
            }}
          >
            {t("reviewTools.wordImport.confirm", { n: fresh.length })}
          </button>
        </div>
      )}
      <FormMessage error={error} success={done} />
    </section>
  );
}
