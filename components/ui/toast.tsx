"use client";
// Transient feedback after an action ("moved to Screening", "theme created", "export started"), on Radix Toast:
// one provider in the workspace layout, `useToast()` anywhere below it. Each toast is a status message (announced
// politely), stays while hovered or focused, and can be dismissed with its close button, Escape or a swipe;
// F8 moves focus to the notifications. Errors that belong to a field stay beside the field, not here.
import { Toast } from "radix-ui";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";

export type ToastTone = "success" | "info" | "error";
type Show = (message: string, options?: { tone?: ToastTone }) => void;

const ToastContext = createContext<Show | null>(null);
const noToasts: Show = () => {};

/** Shows a toast; outside a ToastProvider (a component test, a page outside the workspace) it does nothing. */
export function useToast(): Show {
  return useContext(ToastContext) ?? noToasts;
}

/**
 * For a form on useActionState: a toast each time the action answers with success (once per answer, so React's
 * double effects in development do not say it twice).
 */
export function useToastOnSuccess(state: { ok: boolean } | null | undefined, message: string | null) {
  const toast = useToast();
  const said = useRef<unknown>(null);
  useEffect(() => {
    if (!state?.ok || !message || said.current === state) return;
    said.current = state;
    toast(message);
  }, [state, message, toast]);
}

const TONES: Record<ToastTone, string> = {
  success: "border-teal-200 bg-white text-stone-900 [&_[data-mark]]:bg-teal-600",
  info: "border-stone-200 bg-white text-stone-900 [&_[data-mark]]:bg-stone-400",
  error: "border-red-200 bg-red-50 text-red-900 [&_[data-mark]]:bg-red-600",
};

/** At most this many toasts at once; an older one gives way to a newer. */
const MAX_SHOWN = 3;

export function ToastProvider({ children, duration = 5000 }: { children: ReactNode; duration?: number }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<{ id: number; message: string; tone: ToastTone }[]>([]);
  const show = useCallback<Show>((message, options) => {
    setToasts((list) => [
      ...list.slice(-(MAX_SHOWN - 1)),
      { id: (list.at(-1)?.id ?? 0) + 1, message, tone: options?.tone ?? "success" },
    ]);
  }, []);
  const remove = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <Toast.Provider duration={duration} swipeDirection="right" label={t("ui.toastRegion")}>
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) remove(toast.id);
            }}
            className={`pointer-events-auto flex items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=end]:translate-x-full ${TONES[toast.tone]}`}
          >
            <span data-mark aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full" />
            <div role="status" className="min-w-0 flex-1">
              <Toast.Description>{toast.message}</Toast.Description>
            </div>
            <Toast.Close
              aria-label={t("ui.toastClose")}
              className="-mr-1 rounded px-1 text-stone-500 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              <span aria-hidden="true">×</span>
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport
          label={`${t("ui.toastRegion")} ({hotkey})`}
          className="pointer-events-none fixed bottom-0 right-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none"
        />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}
