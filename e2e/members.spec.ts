import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { demoReviewPath } from "./support/scenario";

test("the owner invites a colleague by link; the colleague signs up, joins and reads the review", async ({
  browser,
}) => {
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const owner = await ownerContext.newPage();
  await owner.goto(await demoReviewPath("library"));
  await owner.getByRole("link", { name: "成员" }).click();
  await owner.getByLabel("角色", { exact: true }).selectOption("SUPERVISOR");
  await owner.getByLabel(/备注/).fill("外审导师");
  await owner.getByRole("button", { name: "生成邀请链接" }).click();
  const link = await owner.getByRole("textbox", { name: /邀请链接已生成/ }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
  await expect(owner.getByText("外审导师")).toBeVisible();

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByText("以「导师」身份加入")).toBeVisible();
  await guest.getByRole("link", { name: "注册" }).click();
  const email = `guest-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  await guest.getByLabel("姓名").fill("新导师");
  await guest.getByLabel("邮箱").fill(email);
  await guest.getByLabel("密码").fill("a-long-password");
  await guest.getByRole("button", { name: "注册" }).click();
  await guest.getByRole("button", { name: "接受邀请" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
  await expect(guest.getByText("您的角色: 导师")).toBeVisible();
  await guest.getByRole("navigation", { name: "综述导航" }).getByRole("link", { name: "文献库" }).click();
  await expect(guest.getByRole("table", { name: "文献库" }).getByRole("row")).toHaveCount(6);

  // The link admits one person once.
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole("alert").filter({ hasText: "此邀请已被使用。" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByText(email)).toBeVisible();
  await ownerContext.close();
  await guestContext.close();
});

test("a malformed invitation link gets a clear message", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("alert").filter({ hasText: "邀请链接无效：可能已被撤销或输入有误。" })).toBeVisible();
});

test("signing up twice with one email is refused", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("重复");
  await page.getByLabel("邮箱").fill("owner@huitong.demo");
  await page.getByLabel("密码").fill("a-long-password");
  await page.getByRole("button", { name: "注册" }).click();
  // The answer does not say whether the address has an account.
  await expect(
    page.getByRole("alert").filter({ hasText: "无法用这些信息注册。如果您已有账户，请直接登录。" }),
  ).toBeVisible();
});
