"use client";
// The library's PDF tools: a progress panel for files being read (polled while any is), and bulk attach — drop
// many PDFs, see each matched to an item (or offered as a new one), adjust, confirm once.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { Modal } from "@/components/ui/Modal";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import { failureMessage } from "@/lib/files/messages";
import { stateLabel } from "@/lib/files/state-label";
import type { StagedFile } from "@/lib/files/bulk";
import type { ReviewFileActivity } from "@/lib/files/queries";

export interface ItemChoice {
  id: string;
  title: string;
}

type Choice = { kind: "attach"; itemId: string } | { kind: "create"; title: string } | { kind: "skip" };
interface Row extends StagedFile {
  choice: Choice;
}

const IN_PROGRESS = new Set(["QUEUED", "EXTRACTING", "OCR_QUEUED", "OCR_RUNNING"]);

/** The files being read in the review, polled while any is; a refresh of the page brings a new list. */
export function FileActivity({
  reviewId,
  initialActivity,
}: {
  reviewId: string;
  initialActivity: ReviewFileActivity[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [activity, setActivity] = useState(initialActivity);
  const [seenInitial, setSeenInitial] = useState(initialActivity);
  if (seenInitial !== initialActivity) {
    setSeenInitial(initialActivity);
    setActivity(initialActivity);
  }
  const busy = activity.some((file) => IN_PROGRESS.has(file.state));

  const reload = useCallback(async () => {
    const response = await fetch(`/api/reviews/${reviewId}/files`, { cache: "no-store" });
    if (!response.ok) return;
    const { files } = (await response.json()) as { files: ReviewFileActivity[] };
    setActivity((previous) => {
      if (
        previous.some(
          (file) =>
            IN_PROGRESS.has(file.state) && !files.find((next) => next.id === file.id && IN_PROGRESS.has(next.state)),
        )
      ) {
        router.refresh();
      }
      return files;
    });
  }, [reviewId, router]);

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void reload(), 2000);
    return () => clearInterval(timer);
  }, [busy, reload]);

  if (activity.length === 0) return null;
  return (
    <section
      aria-labelledby="file-activity-heading"
      className="rounded-md border border-stone-200 bg-white p-3 text-sm"
    >
      <h2 id="file-activity-heading" className="mb-2 font-semibold text-stone-600">
        {t("files.activity")}
      </h2>
      <ul className="space-y-1">
        {activity.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center gap-2">
            <a href={`/reviews/${reviewId}/items/${file.itemId}`} className="text-teal-800 hover:underline">
              {file.fileName}
            </a>
            {file.state === "FAILED" ? (
              <span role="alert" className="text-red-800">
                {failureMessage(t, file.fileName, file.errorCode, file.errorDetail)}
              </span>
            ) : file.state === "OCR_UNAVAILABLE" ? (
              <span className="text-amber-900">{t("files.ocrMissingShort")}</span>
            ) : (
              <>
                <span className="text-stone-600">{stateLabel(t, file)}</span>
                <progress
                  className="h-2 w-32"
                  aria-label={file.fileName}
                  max={file.pageCount || 1}
                  value={file.pageCount ? file.pagesDone : undefined}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The items a file can be attached to, asked for when files are dropped; null when they cannot be had. */
async function fetchItemChoices(reviewId: string): Promise<ItemChoice[] | null> {
  const response = await fetch(`/api/reviews/${reviewId}/files/bulk`).catch(() => null);
  const body = (await response?.json().catch(() => null)) as { items?: ItemChoice[] } | null;
  return response?.ok && body?.items ? body.items : null;
}

/** Drop many PDFs, review how each was matched, confirm once. */
export function BulkAttach({ reviewId }: { reviewId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // The review's items, loaded with the first files dropped (not with the page) and again after items were added.
  const [items, setItems] = useState<ItemChoice[] | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dragging, setDragging] = useState(false);

  async function stage(list: FileList | File[]) {
    const files = Array.from(list);
    setErrors([]);
    setDone(null);
    const problems: string[] = [];
    // Asked for alongside the first upload; each row's choice lists them, so they are there before any row is.
    const choices = items
      ? Promise.resolve(true)
      : fetchItemChoices(reviewId).then((loaded) => {
          setItems(loaded ?? []);
          if (!loaded) problems.push(t("errors.unexpected"));
          return loaded !== null;
        });
    for (const [index, file] of files.entries()) {
      setReading({ done: index, total: files.length });
      const response = await fetch(`/api/reviews/${reviewId}/files/staged`, {
        method: "POST",
        headers: { "Content-Type": "application/pdf", "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as (StagedFile & { error?: string }) | null;
      if (!response?.ok || !body || body.error) {
        problems.push(body?.error ?? `${file.name}: ${t("errors.unexpected")}`);
        continue;
      }
      const listed = await choices;
      const choice: Choice =
        body.match && listed
          ? { kind: "attach", itemId: body.match.itemId }
          : { kind: "create", title: body.metadata.title ?? file.name.replace(/\.pdf$/i, "") };
      setRows((previous) => [...previous, { ...body, choice }]);
    }
    setReading(null);
    setErrors(problems);
  }

  async function attachChosen() {
    setSaving(true);
    const entries = rows.flatMap((row): Record<string, string | null>[] =>
      row.choice.kind === "attach"
        ? [{ kind: "attach", token: row.token, itemId: row.choice.itemId }]
        : row.choice.kind === "create"
          ? [{ kind: "create", token: row.token, title: row.choice.title, doi: row.metadata.doi }]
          : [],
    );
    const response = await fetch(`/api/reviews/${reviewId}/files/bulk`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ entries }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as {
      attached?: number;
      created?: number;
      error?: string;
    } | null;
    setSaving(false);
    if (!response?.ok || !body || body.error) {
      setErrors([body?.error ?? t("errors.unexpected")]);
      return;
    }
    setRows([]);
    setItems(null);
    setDone(t("files.bulk.done", { attached: body.attached ?? 0, created: body.created ?? 0 }));
    router.refresh();
  }

  const chosen = rows.filter((row) => row.choice.kind !== "skip").length;
  return (
    <>
      <button type="button" className={buttonSecondary} onClick={() => setOpen(true)}>
        {t("files.bulk.open")}
      </button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={t("files.bulk.title")}
        className="max-w-[min(64rem,95vw)] sm:w-[min(64rem,95vw)]"
      >
        <div className="space-y-3">
          <div className="absolute right-5 top-4">
            <button type="button" className={buttonSecondary} onClick={() => setOpen(false)}>
              {t("files.bulk.close")}
            </button>
          </div>
          <p className="text-sm text-stone-600">{t("files.bulk.help")}</p>
          <div
            className={`rounded-md border-2 border-dashed p-6 text-center text-sm ${
              dragging ? "border-teal-600 bg-teal-50" : "border-stone-300 bg-stone-50"
            }`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              if (event.dataTransfer.files.length > 0) void stage(event.dataTransfer.files);
            }}
          >
            {reading ? (
              <p role="status">{t("files.bulk.reading", { done: reading.done + 1, total: reading.total })}</p>
            ) : (
              <p>
                {t("files.bulk.drop")}{" "}
                <FilePicker
                  variant="link"
                  label={t("files.bulk.chooseLabel")}
                  buttonLabel={t("files.bulk.choose")}
                  accept="application/pdf,.pdf"
                  multiple
                  clearAfterChoosing
                  onFiles={(files) => void stage(files)}
                />
              </p>
            )}
          </div>
          {errors.map((error) => (
            <FormMessage key={error} error={error} />
          ))}
          {done && <FormMessage success={done} />}
          {rows.length > 0 && (
            <>
              <table className="w-full text-left text-sm" aria-label={t("files.bulk.preview")}>
                <thead className="border-b border-stone-200 text-xs text-stone-500">
                  <tr>
                    <th className="py-1 pr-2 font-medium">{t("files.bulk.file")}</th>
                    <th className="py-1 pr-2 font-medium">{t("files.bulk.match")}</th>
                    <th className="py-1 font-medium">{t("files.bulk.how")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {rows.map((row) => (
                    <tr key={row.token}>
                      <td className="w-1/4 py-2 pr-2 align-top break-words">
                        {row.fileName}
                        {row.metadata.doi && <div className="text-xs text-stone-500">DOI {row.metadata.doi}</div>}
                      </td>
                      <td className="py-2 pr-2 align-top">
                        <ChoiceEditor
                          row={row}
                          items={items ?? []}
                          onChange={(choice) =>
                            setRows((previous) =>
                              previous.map((entry) => (entry.token === row.token ? { ...entry, choice } : entry)),
                            )
                          }
                        />
                      </td>
                      <td className="py-2 align-top text-xs whitespace-nowrap text-stone-600">
                        {row.match && row.choice.kind === "attach" && row.choice.itemId === row.match.itemId
                          ? t(row.match.by === "doi" ? "files.bulk.byDoi" : "files.bulk.byTitle")
                          : row.choice.kind === "attach"
                            ? t("files.bulk.byHand")
                            : t("files.bulk.none")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                className={buttonPrimary}
                disabled={saving || chosen === 0}
                onClick={() => void attachChosen()}
              >
                {t("files.bulk.confirm", { n: chosen })}
              </button>
            </>
          )}
        </div>
      </Modal>
    </>
  );
}

function ChoiceEditor({ row, items, onChange }: { row: Row; items: ItemChoice[]; onChange: (choice: Choice) => void }) {
  const { t } = useI18n();
  const value = row.choice.kind === "attach" ? `item:${row.choice.itemId}` : row.choice.kind;
  const suggested = row.metadata.title ?? row.fileName.replace(/\.pdf$/i, "");
  return (
    <div className="space-y-1">
      <select
        className={`${inlineInputClass} w-full`}
        aria-label={t("files.bulk.choiceFor", { name: row.fileName })}
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          if (next === "skip") onChange({ kind: "skip" });
          else if (next === "create") onChange({ kind: "create", title: suggested });
          else onChange({ kind: "attach", itemId: next.slice(5) });
        }}
      >
        {items.map((item) => (
          <option key={item.id} value={`item:${item.id}`}>
            {item.title}
          </option>
        ))}
        <option value="create">{t("files.bulk.newItem", { title: suggested })}</option>
        <option value="skip">{t("files.bulk.skip")}</option>
      </select>
      {row.choice.kind === "create" && (
        <input
          className={`${inlineInputClass} w-full`}
          aria-label={t("files.bulk.newTitleFor", { name: row.fileName })}
          value={row.choice.title}
          onChange={(event) => onChange({ kind: "create", title: event.target.value })}
        />
      )}
      {row.problem && (
        <p className="text-xs text-amber-900">
          {failureMessage(t, row.fileName, row.problem.code, row.problem.detail)}
        </p>
      )}
    </div>
  );
}
