// An editor has a section open while the owner demotes, then removes them: the open editor turns read-only at
// once and then loses the section, without reloading (finding 1 of issue 17, through the real browser client).
import { expect, test, type Browser } from "@playwright/test";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf, type DemoRole } from "./accounts";
import { createScenario } from "./support/scenario";
import { caretToEnd, expectSaved, sectionEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";

async function openAs(browser: Browser, role: DemoRole, path: string) {
  const context = await browser.newContext({ storageState: storageStateOf(role), locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(path);
  await expect(sectionEditor(page)).toBeVisible({ timeout: 30_000 });
  return page;
}

test("a demoted editor's open section turns read-only at once, and a removed one's is closed", async ({ browser }) => {
  const scenario = await createScenario("实时权限", { members: { member: "EDITOR" } });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "实时",
  });
  const member = await openAs(browser, "member", scenario.url(`synthesis/${sectionId}`));
  await expectSaved(member);
  await caretToEnd(member);
  await member.keyboard.type("编辑写的");
  await expectSaved(member);
  await expect(sectionEditor(member)).toHaveAttribute("contenteditable", "true");

  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner"), locale: "zh-CN" });
  const owner = await ownerContext.newPage();
  await owner.goto(scenario.url("members"));
  const roleSelect = owner.getByLabel(/^更改 陈同学.* 的角色$/);
  await roleSelect.selectOption("VIEWER");
  await roleSelect.locator("xpath=..").getByRole("button", { name: "保存" }).click();

  // No reload on the member's side: the server told the open connection.
  await expect(sectionEditor(member)).toHaveAttribute("contenteditable", "false");
  await expect(member.getByRole("status").filter({ hasText: "只读" })).toBeVisible();

  await owner.getByRole("button", { name: /^移除 陈同学/ }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "移除" }).click();
  await expect(member.getByRole("status").filter({ hasText: "无法连接：没有访问权限" })).toBeVisible();
  await ownerContext.close();
  await member.context().close();
});
