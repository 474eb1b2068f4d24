import type { Page } from "@playwright/test";

/**
 * A toast with this text, in the notifications region (Radix Toast also announces the text once through a hidden
 * status of its own, outside the region, which would otherwise match too).
 */
export function toast(page: Page, text: string | RegExp) {
  return page
    .getByRole("region", { name: /^(通知|Notifications)/ })
    .getByRole("status")
    .filter({ hasText: text });
}
