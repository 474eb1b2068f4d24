import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, demoReviewPath } from "./support/scenario";

test("a signed-out visitor is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/reviews");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freviews/);
  await expect(page.getByRole("heading", { name: "登录会通" })).toBeVisible();
  // While the demo seed is on, the sign-in page tells a first-time visitor how to look around.
  await expect(page.getByRole("region", { name: "演示账户" })).toContainText("owner@huitong.demo");
});

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill("nobody-here@huitong.demo");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确。" })).toBeVisible();
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("finds no way to edit", async ({ page }) => {
    await page.goto(await demoReviewPath("library"));
    await page.getByRole("link", { name: /党建引领基层韧性治理/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("您以只读成员身份查看，不能修改此文献。")).toBeVisible();
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /保存/ })).toHaveCount(0);
    await page.getByRole("link", { name: "成员" }).click();
    await expect(page.getByRole("heading", { name: "成员" })).toBeVisible();
    await expect(page.getByRole("button", { name: /移除|生成邀请链接/ })).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(0);
  });
});

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("a forged review id in a URL shows not-found", async ({ page }) => {
    await page.goto("/reviews/cm0000000000000000forged/library");
    await expect(page.getByRole("heading", { name: "找不到页面" })).toBeVisible();
  });

  test("switches the interface to English and back", async ({ page }) => {
    await page.goto(await demoReviewPath("library"));
    await page.getByRole("button", { name: "English" }).click();
    await expect(
      page.getByRole("navigation", { name: "Review navigation" }).getByRole("link", { name: "Library" }),
    ).toBeVisible();
    await expect(page.getByRole("table", { name: "Library" })).toContainText("(title missing)");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("navigation", { name: "综述导航" })).toBeVisible();
  });

  test("moves an item to another stage and sees it in the history", async ({ page }) => {
    const scenario = await createScenario("移动", {
      members: { member: "EDITOR" },
      items: ["区域化党建与基层有效治理"],
    });
    await page.goto(scenario.url("library"));
    await page.getByRole("link", { name: /区域化党建与基层有效治理/ }).click();
    await page.getByLabel("更改状态").selectOption({ label: "阅读中" });
    await page.getByLabel("备注（可选）").fill("开始精读");
    await page.getByRole("button", { name: "保存状态" }).click();
    await expect(page.getByRole("status")).toHaveText("状态已更新。");
    await expect(page.getByRole("heading", { name: "状态: 阅读中" })).toBeVisible();
    await expect(page.getByText("开始精读")).toBeVisible();
  });
});
