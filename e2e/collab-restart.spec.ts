// Nothing is lost when the collaboration server dies. This journey kills the one collaboration process of
// the e2e server, so it runs in a Playwright project of its own, after every other journey has finished
// (see playwright.config.ts): no journey running in parallel has its editor pulled away.
import { expect, test } from "@playwright/test";
import { storedText, openAs, synthesisScenario } from "./support/synthesis-scenario";
import { caretToEnd, collabPid, expectSaved, sectionEditor } from "./support/synthesis";

test("nothing is lost when the collaboration server dies: offline edits merge when it is back", async ({ browser }) => {
  const { sectionId, path } = await synthesisScenario("重启");
  const page = await openAs(browser, "member", path);
  await expectSaved(page);
  await caretToEnd(page);
  await page.keyboard.type("宕机之前写的。");
  await expectSaved(page);

  process.kill(collabPid(), "SIGKILL");
  await expect(page.getByRole("status").filter({ hasText: /^离线/ })).toBeVisible();
  await page.keyboard.type("宕机期间写的。");
  await expect(page.getByRole("status").filter({ hasText: /离线 · \d+ 处修改未发送/ })).toBeVisible();
  // The supervisor in `npm start` brings it back; the editor reconnects and sends what it kept.
  await expectSaved(page, 30_000);
  await expect.poll(() => storedText(sectionId)).toBe("宕机之前写的。宕机期间写的。");

  const fresh = await openAs(browser, "owner", path);
  await expect(sectionEditor(fresh)).toContainText("宕机之前写的。宕机期间写的。");
  await page.context().close();
  await fresh.context().close();
});
