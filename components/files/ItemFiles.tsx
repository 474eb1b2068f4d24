"use client";
// An item's PDFs: drop or choose files to attach, watch their text being extracted (polled while any is in
// progress), download them, choose the main one, and — when the item already has a full text — compare and
// decide whether the PDF's text replaces it.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormMessage } from "@/components/ui/FormMessage";
import { useToast } from "@/components/ui/toast";
import { buttonDanger, buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { failureMessage } from "@/lib/files/messages";
import { stateLabel } from "@/lib/files/state-label";
import type { ItemFileView } from "@/lib/files/queries";
import { formatBytes } from "@/lib/import/limits";
import { useConfirm } from "@/components/ui/use-confirm";

type FileCommand = "main" | "remove" | "useText" | "keepText" | "retry";
const IN_PROGRESS = new Set(["QUEUED", "EXTRACTING", "OCR_QUEUED", "OCR_RUNNING"]);

export function ItemFiles({
  reviewId,
  itemId,
  initialFiles,
  canEdit,
  currentFullText,
  action,
}: {
  reviewId: string;
  itemId: string;
  initialFiles: ItemFileView[];
  canEdit: boolean;
  currentFullText: string | null;
  action: (command: FileCommand, reviewId: string, fileId: string) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const { askToConfirm, dialog } = useConfirm();
  const router = useRouter();
  const [files, setFiles] = useState(initialFiles);
  const [uploading, setUploading] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  // An upload that went through is said in a toast; problems stay listed beside the drop zone.
  const toast = useToast();
  const [dragging, setDragging] = useState(false);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const busy = files.some((file) => IN_PROGRESS.has(file.state));

  const reload = useCallback(async () => {
    const response = await fetch(`/api/reviews/${reviewId}/items/${itemId}/files`, { cache: "no-store" });
    if (!response.ok) return;
    const { files: next } = (await response.json()) as { files: ItemFileView[] };
    setFiles((previous) => {
      // A file that just finished may have become the full text: the page's server parts show it.
      const finished = next.some(
        (file) => file.state === "DONE" && previous.find((old) => old.id === file.id && old.state !== "DONE"),
      );
      if (finished) router.refresh();
      return next;
    });
  }, [reviewId, itemId, router]);

  // A server refresh brings a new list: it replaces what polling found (React's "adjust state on prop change").
  const [seenInitial, setSeenInitial] = useState(initialFiles);
  if (seenInitial !== initialFiles) {
    setSeenInitial(initialFiles);
    setFiles(initialFiles);
  }
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void reload(), 1500);
    return () => clearInterval(timer);
  }, [busy, reload]);

  async function attach(list: FileList | File[]) {
    setErrors([]);
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      setUploading(file.name);
      const response = await fetch(`/api/reviews/${reviewId}/items/${itemId}/files`, {
        method: "POST",
        headers: { "Content-Type": "application/pdf", "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      }).catch(() => null);
      if (!response?.ok) {
        const body = (await response?.json().catch(() => null)) as { error?: string } | null;
        problems.push(body?.error ?? `${file.name}: ${t("errors.unexpected")}`);
      } else {
        toast(t("files.uploaded", { name: file.name }));
      }
    }
    setUploading(null);
    setErrors(problems);
    if (input.current) input.current.value = "";
    await reload();
  }

  async function run(command: FileCommand, file: ItemFileView) {
    if (
      command === "remove" &&
      !(await askToConfirm({
        title: t("files.removeConfirm", { name: file.fileName }),
        confirmLabel: t("files.remove"),
        destructive: true,
      }))
    ) {
      return;
    }
    startTransition(async () => {
      const result = await action(command, reviewId, file.id);
      if (!result.ok) setErrors([result.error]);
      else {
        setErrors([]);
        await reload();
        router.refresh();
      }
    });
  }

  const offer = files.find(
    (file) =>
      file.isMain &&
      file.state === "DONE" &&
      file.textLength > 0 &&
      !file.textAppliedAt &&
      !file.textDeclinedAt &&
      !!currentFullText,
  );

  return (
    <section aria-labelledby="files-heading" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      {dialog}
      <h2 id="files-heading" className="mb-1 text-sm font-semibold text-stone-500">
        {t("files.title")}
      </h2>
      <p className="mb-3 text-xs text-stone-500">{t("files.help")}</p>

      {files.length === 0 ? (
        <p className="mb-3 text-sm text-stone-600">{t("files.none")}</p>
      ) : (
        <ul className="mb-3 divide-y divide-stone-100" aria-label={t("files.title")}>
          {files.map((file) => (
            <FileRow
              key={file.id}
              reviewId={reviewId}
              file={file}
              canEdit={canEdit}
              pending={pending}
              onRun={(command, target) => void run(command, target)}
            />
          ))}
        </ul>
      )}

      {offer && canEdit && (
        <TextOffer
          reviewId={reviewId}
          file={offer}
          current={currentFullText ?? ""}
          pending={pending}
          onUse={() => void run("useText", offer)}
          onKeep={() => void run("keepText", offer)}
        />
      )}

      {canEdit && (
        <div
          className={`rounded-md border-2 border-dashed p-4 text-center text-sm ${
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
            if (event.dataTransfer.files.length > 0) void attach(event.dataTransfer.files);
          }}
        >
          {uploading ? (
            <p role="status">{t("files.uploading", { name: uploading })}</p>
          ) : (
            <p>
              {t("files.drop")}{" "}
              <FilePicker
                variant="link"
                inputRef={input}
                label={t("files.chooseLabel")}
                buttonLabel={t("files.choose")}
                accept="application/pdf,.pdf"
                multiple
                onFiles={(files) => void attach(files)}
              />
            </p>
          )}
        </div>
      )}
      <div className="mt-3 space-y-2">
        {errors.map((error) => (
          <FormMessage key={error} error={error} />
        ))}
      </div>
    </section>
  );
}

function FileRow({
  reviewId,
  file,
  canEdit,
  pending,
  onRun,
}: {
  reviewId: string;
  file: ItemFileView;
  canEdit: boolean;
  pending: boolean;
  onRun: (command: FileCommand, file: ItemFileView) => void;
}) {
  const { t } = useI18n();
  const total = file.pageCount ?? 0;
  const state = stateLabel(t, file);
  return (
    <li className="space-y-1 py-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <a
          href={`/api/reviews/${reviewId}/files/${file.id}`}
          className="font-medium break-all text-teal-800 hover:underline"
          aria-label={`${t("files.download")} ${file.fileName}`}
        >
          {file.fileName}
        </a>
        {file.isMain && (
          <span className="rounded-full bg-teal-50 px-2 py-0.5 text-xs text-teal-900">{t("files.main")}</span>
        )}
        <span className="text-xs text-stone-500">
          {formatBytes(file.byteSize)}
          {file.pageCount ? ` · ${t("files.pages", { n: file.pageCount })}` : ""}
          {file.footnoteCount > 0 ? ` · ${t("files.footnotes", { n: file.footnoteCount })}` : ""}
        </span>
      </div>
      {file.state === "FAILED" ? (
        <p role="alert" className="text-sm text-red-800">
          {failureMessage(t, file.fileName, file.errorCode, file.errorDetail)}
        </p>
      ) : file.state === "OCR_UNAVAILABLE" ? (
        <p role="status" className="text-sm text-amber-900">
          {t("files.states.OCR_UNAVAILABLE")}
        </p>
      ) : (
        <div className="flex items-center gap-2 text-sm text-stone-600" role="status">
          <span>{state}</span>
          {IN_PROGRESS.has(file.state) && (
            <progress
              className="h-2 w-40"
              aria-label={`${file.fileName}: ${state}`}
              max={total || 1}
              value={total ? file.pagesDone : undefined}
            />
          )}
          {file.state === "DONE" && file.usedOcr && (
            <span className="text-xs text-amber-800">{t("files.usedOcr")}</span>
          )}
        </div>
      )}
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          {!file.isMain && (
            <button type="button" className={buttonSecondary} disabled={pending} onClick={() => onRun("main", file)}>
              {t("files.makeMain")}
            </button>
          )}
          {(file.state === "FAILED" || file.state === "OCR_UNAVAILABLE") && (
            <button type="button" className={buttonSecondary} disabled={pending} onClick={() => onRun("retry", file)}>
              {t("files.retry")}
            </button>
          )}
          <button
            type="button"
            className={buttonDanger}
            disabled={pending}
            aria-label={`${t("files.remove")} ${file.fileName}`}
            onClick={() => onRun("remove", file)}
          >
            {t("files.remove")}
          </button>
        </div>
      )}
    </li>
  );
}

/** The existing full text and the PDF's side by side, before a member decides which to keep. */
function TextOffer({
  reviewId,
  file,
  current,
  pending,
  onUse,
  onKeep,
}: {
  reviewId: string;
  file: ItemFileView;
  current: string;
  pending: boolean;
  onUse: () => void;
  onKeep: () => void;
}) {
  const { t } = useI18n();
  const [extracted, setExtracted] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetch(`/api/reviews/${reviewId}/files/${file.id}?text=1`)
      .then((response) => response.json() as Promise<{ text: string | null }>)
      .then((body) => live && setExtracted(body.text ?? ""));
    return () => {
      live = false;
    };
  }, [reviewId, file.id]);
  const excerpt = (text: string) => (text.length > 1200 ? `${text.slice(0, 1200)}…` : text);
  return (
    <div
      role="region"
      aria-labelledby="file-offer-title"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3"
    >
      <h3 id="file-offer-title" className="text-sm font-semibold text-amber-950">
        {t("files.offer.title")}
      </h3>
      <p className="mb-2 text-xs text-amber-900">{t("files.offer.help", { name: file.fileName })}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <figure>
          <figcaption className="mb-1 text-xs font-medium text-stone-600">
            {t("files.offer.current", { n: current.length })}
          </figcaption>
          <p className="max-h-48 overflow-auto whitespace-pre-line rounded border border-stone-200 bg-white p-2 text-xs">
            {excerpt(current)}
          </p>
        </figure>
        <figure>
          <figcaption className="mb-1 text-xs font-medium text-stone-600">
            {t("files.offer.extracted", { n: file.textLength })}
          </figcaption>
          <p className="max-h-48 overflow-auto whitespace-pre-line rounded border border-stone-200 bg-white p-2 text-xs">
            {extracted === null ? "…" : excerpt(extracted)}
          </p>
        </figure>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonPrimary} disabled={pending} onClick={onUse}>
          {t("files.offer.use")}
        </button>
        <button type="button" className={buttonSecondary} disabled={pending} onClick={onKeep}>
          {t("files.offer.keep")}
        </button>
      </div>
    </div>
  );
}
