// Renders a component inside the app's providers, in English unless a test asks for Chinese.
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider } from "@/components/i18n/I18nProvider";
import type { Locale } from "@/lib/i18n/messages";

export function renderWithI18n(ui: ReactElement, locale: Locale = "en"): RenderResult {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}

/** jsdom has no ResizeObserver; Radix's positioning only needs it to exist. */
export function stubResizeObserver() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
