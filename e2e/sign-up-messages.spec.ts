// The first screen an invited member sees: bad input is answered in the page's language, beside each field, and
// nothing the person typed is wiped.
import { expect, test } from "@playwright/test";

test("sign-up with bad input in Chinese shows Chinese messages beside the fields and keeps the input", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("  ");
  await page.getByLabel("邮箱").fill("lin-at-example");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByRole("button", { name: "注册" }).click();

  await expect(page.locator("form").getByRole("alert")).toHaveText("输入有误，请检查标出的字段。");
  await expect(page.getByLabel("姓名")).toHaveAccessibleDescription("此项必填。");
  await expect(page.getByLabel("邮箱")).toHaveAccessibleDescription("请输入有效的邮箱地址，例如 name@example.com。");
  await expect(page.getByLabel("密码", { exact: true })).toHaveAccessibleDescription(/至少需要 8 个字符。/);
  for (const label of ["姓名", "邮箱", "密码"]) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
  }
  await expect(page.getByText(/Too small|Invalid email|expected string/)).toHaveCount(0);
  // What was typed is still there to correct.
  await expect(page.getByLabel("姓名")).toHaveValue("  ");
  await expect(page.getByLabel("邮箱")).toHaveValue("lin-at-example");
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("short");
  await page.screenshot({ path: test.info().outputPath("sign-up-errors.png") });

  // Correcting only the wrong parts is enough; a refusal by the server (a guessable password) keeps them too.
  await page.getByLabel("姓名").fill("林晓");
  const email = `kept-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill("12345678");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("这个密码太容易被猜到");
  await expect(page.getByLabel("姓名")).toHaveValue("林晓");
  await expect(page.getByLabel("邮箱")).toHaveValue(email);
  await expect(page.getByLabel("姓名")).not.toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("密码", { exact: true }).fill("墨香 quiet harbour lantern");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
});

test("sign-up in English answers in English", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("lin-at-example");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Some input is invalid; check the marked fields.");
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Required.");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "Enter a valid e-mail address, e.g. name@example.com.",
  );
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/At least 8 characters\./);
  await expect(page.getByLabel("Email")).toHaveValue("lin-at-example");
  await context.close();
});

test("a wrong password at sign-in keeps the e-mail address", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill("nobody-here@example.org");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
  await expect(page.getByLabel("邮箱")).toHaveValue("nobody-here@example.org");
});
