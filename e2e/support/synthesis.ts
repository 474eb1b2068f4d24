// Helpers for specs that write in the synthesis editor.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export function sectionEditor(page: Page): Locator {
  return page.getByRole("textbox", { name: /^(章节正文|Section text)/ });
}

/** The editor's text as a reader sees it: collaborators' caret labels are not part of the document. */
export async function editorText(page: Page): Promise<string> {
  return sectionEditor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return [...copy.querySelectorAll("p, h2, h3, h4, li")].map((block) => block.textContent ?? "").join("\n");
  });
}

// Two-core CI runners with two browsers per journey need room for the first connection.
export async function expectSaved(page: Page, timeout = 30_000) {
  await expect(page.getByRole("status").filter({ hasText: /^(已保存|Saved)$/ })).toBeVisible({ timeout });
}

/** Places the caret at the very end of the section's text. */
export async function caretToEnd(page: Page) {
  await sectionEditor(page).click();
  await page.keyboard.press("Control+End");
}

/** The process id of the e2e server's collaboration process (see scripts/collab-process.ts). */
export function collabPid(): number {
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
  return Number(readFileSync(path.join(dataDir, "collab.pid"), "utf8"));
}

/** Selects the first occurrence of `text` in the section's text, as a mouse drag would. */
export async function selectInEditor(page: Page, text: string) {
  await sectionEditor(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`text not found in the editor: ${wanted}`);
  }, text);
}
