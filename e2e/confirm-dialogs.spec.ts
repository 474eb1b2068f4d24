import { expect, test } from "@playwright/test";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "./accounts";
import { createScenario } from "./support/scenario";
import { accessTo } from "@/lib/testing/access";

test.use({ storageState: storageStateOf("owner") });

test("moving a section to the trash asks in the app's own dialog; cancelling keeps it", async ({ page }) => {
  const scenario = await createScenario("确认对话框", { items: ["某文献"] });
  await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "研究背景",
  });
  await page.goto(scenario.url("synthesis"));
  const trash = page.getByRole("button", { name: "把「研究背景」移到回收站" });
  await trash.click();
  const ask = page.getByRole("alertdialog", { name: "把「研究背景」移到回收站？正文会保留，可以随时恢复。" });
  await ask.getByRole("button", { name: "取消" }).click();
  await expect(ask).toHaveCount(0);
  // Focus goes back to the button that asked.
  await expect(trash).toBeFocused();
  await expect(page.getByRole("heading", { name: "回收站中的章节" })).toHaveCount(0);

  await trash.click();
  await ask.getByRole("button", { name: "移到回收站" }).click();
  await expect(page.getByRole("button", { name: "恢复「研究背景」" })).toBeVisible();
  await expect(trash).toHaveCount(0);
});
