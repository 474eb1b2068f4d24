"use client";
// The app's modal dialog (Radix Dialog): it traps focus, closes on Escape or a click outside, hides the page from
// assistive technology while open, and gives focus back to whatever had it when it opened (a Trigger is not
// needed: most dialogs here open from a handler, a menu or a drop).
import { Dialog } from "radix-ui";
import { useRef, type ReactNode } from "react";

export function Modal({
  open,
  onOpenChange,
  title,
  titleHidden = false,
  description,
  className = "max-w-md",
  returnFocus,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The dialog's name, shown as its heading (or only named, with titleHidden). */
  title: ReactNode;
  titleHidden?: boolean;
  description?: ReactNode;
  /** Width and padding of the panel. */
  className?: string;
  /** Where focus goes when the dialog closes, when not back to what had it before (e.g. that is gone). */
  returnFocus?: () => HTMLElement | null | undefined;
  children: ReactNode;
}) {
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-stone-900/40" />
        <Dialog.Content
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const target = returnFocus?.() ?? (opener.current?.isConnected ? opener.current : null);
            target?.focus({ preventScroll: true });
          }}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-stone-200 bg-white p-5 shadow-xl focus:outline-none ${className}`}
        >
          <Dialog.Title className={titleHidden ? "sr-only" : "text-base font-semibold text-stone-900"}>
            {title}
          </Dialog.Title>
          {description && (
            <Dialog.Description className="mt-1 text-sm text-stone-600">{description}</Dialog.Description>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
