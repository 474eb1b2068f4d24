"use client";
// The app's own confirmation as a promise, for code that used to ask the browser's confirm(): render `dialog`
// once, then `await confirm({ title })` in a handler, or pass a form's submit event to `confirmSubmit`, which holds
// the submission until the person confirms and then submits the same form again.
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "./ConfirmDialog";

export interface ConfirmOptions {
  /** The question, naming what will happen ("Remove 张三 from the review?"). */
  title: string;
  confirmLabel?: string;
  destructive?: boolean;
}

export function useConfirm(): {
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  confirmSubmit: (event: FormEvent<HTMLFormElement>, options: ConfirmOptions) => void;
  dialog: ReactNode;
} {
  const { t } = useI18n();
  const [request, setRequest] = useState<(ConfirmOptions & { answer: (yes: boolean) => void }) | null>(null);
  const confirmedForms = useRef(new WeakSet<HTMLFormElement>());

  const confirm = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setRequest({ ...options, answer: resolve })),
    [],
  );

  const confirmSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>, options: ConfirmOptions) => {
      const form = event.currentTarget;
      // The second submission, after the person said yes, goes through.
      if (confirmedForms.current.delete(form)) return;
      event.preventDefault();
      void confirm(options).then((yes) => {
        if (!yes) return;
        confirmedForms.current.add(form);
        form.requestSubmit();
      });
    },
    [confirm],
  );

  const dialog = (
    <ConfirmDialog
      open={request !== null}
      onOpenChange={(open) => {
        if (open) return;
        request?.answer(false);
        setRequest(null);
      }}
      title={request?.title ?? ""}
      confirmLabel={request?.confirmLabel ?? t("common.confirm")}
      cancelLabel={t("common.cancel")}
      destructive={request?.destructive}
      onConfirm={() => {
        request?.answer(true);
        setRequest(null);
      }}
    />
  );
  return { confirm, confirmSubmit, dialog };
}
