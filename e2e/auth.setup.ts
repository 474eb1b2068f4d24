import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, storageStateOf, type DemoRole } from "./accounts";

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("邮箱").fill(DEMO_USERS[role]);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("navigation", { name: "综述导航" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
