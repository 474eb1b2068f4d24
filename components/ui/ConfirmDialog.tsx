"use client";
// The app's own confirmation: a modal that names what will happen, traps focus, closes on Escape and
// returns focus to what opened it (Radix AlertDialog). Use it instead of the browser's built-in confirmation box.
import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary } from "./styles";

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel,
  destructive = false,
  pending = false,
  onConfirm,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What the person should know before confirming. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  destructive?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  /**
   * Where the focus goes back to when the dialog closes. Radix returns it to a Trigger; a dialog opened from a
   * handler has none, and the focus would otherwise fall to the page's top.
   */
  returnFocus?: HTMLElement | null;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-stone-900/30" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            if (!returnFocus?.isConnected) return;
            event.preventDefault();
            returnFocus.focus({ preventScroll: true });
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[30rem] max-w-[95vw] -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-lg border border-stone-200 bg-white p-5 shadow-xl focus:outline-none"
        >
          <AlertDialog.Title className="text-base font-semibold text-stone-900">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="space-y-2 text-sm text-stone-700">{children}</div>
          </AlertDialog.Description>
          <div className="flex justify-end gap-2 pt-2">
            <AlertDialog.Cancel className={buttonSecondary}>{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action
              className={destructive ? buttonDanger : buttonPrimary}
              disabled={pending}
              onClick={onConfirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
