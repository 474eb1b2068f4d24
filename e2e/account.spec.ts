import { expect, test, type Browser, type Page } from "@playwright/test";

const STRONG = "墨香 quiet harbour lantern";

async function signUp(page: Page, label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(`测试 ${label}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(STRONG);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
  return email;
}

async function signInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
  return { context, page };
}

test("a weak password is refused at sign-up with a clear message", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("弱密码");
  await page.getByLabel("邮箱").fill(`weak-${Date.now()}@example.org`);
  await page.getByLabel("密码").fill("12345678");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "这个密码太容易被猜到" })).toBeVisible();
  await expect(page.getByLabel("密码")).toHaveAttribute("aria-invalid", "true");
});

test("signing out ends the session on the server: a copy of the cookie no longer opens the app", async ({
  page,
  browser,
}) => {
  await signUp(page, "signout");
  const copy = await page.context().storageState();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("heading", { name: "登录会通" })).toBeVisible();

  const replay = await browser.newContext({ storageState: copy });
  const stolen = await replay.newPage();
  await stolen.goto("/reviews");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await replay.close();
});

test("changing the password ends the other sessions and keeps this one", async ({ page, browser }) => {
  const email = await signUp(page, "password");
  const other = await signInElsewhere(browser, email, STRONG);

  await page.getByRole("link", { name: /账户/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "账户" })).toBeVisible();
  const form = page.getByRole("region", { name: "修改密码" });
  await form.getByLabel("当前密码").fill("not my password at all");
  await form.getByLabel("新密码").fill("a new and rather long passphrase");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toContainText("当前密码不正确。");

  await form.getByLabel("当前密码").fill(STRONG);
  await form.getByLabel("新密码").fill(email);
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toContainText("这个密码太容易被猜到");

  await form.getByLabel("当前密码").fill(STRONG);
  await form.getByLabel("新密码").fill("a new and rather long passphrase");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("status")).toContainText("密码已修改");

  // This browser is still signed in; the other one is not.
  await page.goto("/reviews");
  await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
  await other.page.goto("/reviews");
  await expect(other.page).toHaveURL(/\/sign-in/);
  await other.context.close();
  const again = await signInElsewhere(browser, email, "a new and rather long passphrase");
  await again.context.close();
});

test("signing out everywhere ends the other sessions and keeps this one", async ({ page, browser }) => {
  const email = await signUp(page, "everywhere");
  const other = await signInElsewhere(browser, email, STRONG);
  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "在所有设备上退出" });
  await sessions.getByRole("button", { name: "在所有其他设备上退出" }).click();
  await expect(sessions.getByRole("status")).toContainText("已全部结束");
  await page.goto("/reviews");
  await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
  await other.page.goto("/reviews");
  await expect(other.page).toHaveURL(/\/sign-in/);
  await other.context.close();
});

test("a callback URL that a browser would read as another site stays on this one", async ({ page, baseURL }) => {
  const email = await signUp(page, "redirect");
  await page.getByRole("button", { name: "退出登录" }).click();
  for (const callback of ["/%09/evil.example/", "/%0A/evil.example/"]) {
    const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill(STRONG);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("heading", { name: "我的综述" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("heading", { name: "登录会通" })).toBeVisible();
  }
});
