"use client";
// The app's own confirmation as a promise, for code that used to ask the browser's built-in confirmation box: render `dialog`
// where the question belongs, then `await askToConfirm({ title, confirmLabel })` in a handler, or pass a form's submit
// event to `confirmSubmit`, which holds the submission until the person confirms and then submits the same form
// again.
//
// `dialog` is null until a question is asked: a page with dozens of rows (members, stages, codings) mounts no
// AlertDialog at all until one is needed, so no closed dialog root sits beside another open one (several mounted
// roots made a neighbouring alertdialog unreachable to assistive technology in an earlier attempt).
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "./ConfirmDialog";

export interface ConfirmOptions {
  /** The question, naming what will happen ("Remove 张三 from the review?"). */
  title: string;
  /** The verb on the button that goes ahead ("Remove", "Delete"), never a bare "OK". */
  confirmLabel: string;
  destructive?: boolean;
}

export function useConfirm(): {
  askToConfirm: (options: ConfirmOptions) => Promise<boolean>;
  confirmSubmit: (event: FormEvent<HTMLFormElement>, options: ConfirmOptions) => void;
  dialog: ReactNode;
} {
  const { t } = useI18n();
  const [request, setRequest] = useState<
    (ConfirmOptions & { answer: (yes: boolean) => void; opener: HTMLElement | null }) | null
  >(null);
  const confirmedForms = useRef(new WeakSet<HTMLFormElement>());

  const askToConfirm = useCallback((options: ConfirmOptions) => {
    // What asked (the button just pressed) gets the focus back when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return new Promise<boolean>((resolve) =>
      setRequest((previous) => {
        // A question still open is answered "no" before the next one replaces it.
        previous?.answer(false);
        return { ...options, answer: resolve, opener };
      }),
    );
  }, []);

  const confirmSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>, options: ConfirmOptions) => {
      const form = event.currentTarget;
      // The second submission, after the person said yes, goes through.
      if (confirmedForms.current.delete(form)) return;
      event.preventDefault();
      void askToConfirm(options).then((yes) => {
        if (!yes || !form.isConnected) return;
        confirmedForms.current.add(form);
        form.requestSubmit();
      });
    },
    [askToConfirm],
  );

  const dialog = request && (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (open) return;
        request.answer(false);
        setRequest(null);
      }}
      title={request.title}
      confirmLabel={request.confirmLabel}
      cancelLabel={t("common.cancel")}
      destructive={request.destructive}
      returnFocus={request.opener}
      onConfirm={() => {
        request.answer(true);
        setRequest(null);
      }}
    />
  );
  return { askToConfirm, confirmSubmit, dialog };
}
