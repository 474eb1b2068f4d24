import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

test.describe("stages and exclusion reasons", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("the owner adds, renames and reorders stages and adds an exclusion reason", async ({ page }) => {
    const scenario = await createScenario("设置", { items: ["某文献"] });
    await page.goto(scenario.url("settings"));
    await expect(page.getByRole("heading", { name: "状态流程" })).toBeVisible();

    await page.getByLabel("中文名称", { exact: true }).fill("精读");
    await page.getByLabel("英文名称", { exact: true }).fill("Close reading");
    await page.getByRole("button", { name: "新增状态" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已新增状态。" })).toBeVisible();
    await expect(page.getByLabel("「精读」的中文名称")).toHaveValue("精读");

    await page.getByLabel("「精读」的中文名称").fill("细读");
    await page.getByRole("button", { name: "保存「精读」的名称" }).click();
    await expect(page.getByLabel("「细读」的中文名称")).toBeVisible();
    await page.getByRole("button", { name: "上移「细读」" }).click();
    const stageNames = page
      .getByRole("list")
      .first()
      .getByRole("textbox", { name: /的中文名称/ });
    await expect
      .poll(() => stageNames.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)))
      .toEqual(["待筛选", "待阅读", "阅读中", "已编码", "细读", "已综合", "已排除"]);

    // A stage that has items cannot be deleted; the new one, still unused, can.
    await expect(page.getByRole("button", { name: "删除「待筛选」" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "删除「细读」" })).toBeVisible();

    await page.getByLabel("中文", { exact: true }).fill("书评或会议综述");
    await page.getByLabel("英文", { exact: true }).fill("Book review or conference report");
    await page.getByRole("button", { name: "新增理由" }).click();
    await expect(page.getByLabel("理由「书评或会议综述」的中文")).toBeVisible();

    // The renamed stage shows wherever stages are offered.
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await expect(page.getByLabel("更改状态").getByRole("option", { name: "细读" })).toBeAttached();

    // Deleting a stage asks first, in the app's own dialog; cancelling keeps it.
    await page.goto(scenario.url("settings"));
    await page.getByRole("button", { name: "删除「细读」" }).click();
    const ask = page.getByRole("alertdialog", { name: "确定删除状态「细读」？" });
    await ask.getByRole("button", { name: "取消" }).click();
    await expect(ask).toHaveCount(0);
    await expect(page.getByLabel("「细读」的中文名称")).toBeVisible();
    await page.getByRole("button", { name: "删除「细读」" }).click();
    await ask.getByRole("button", { name: "删除" }).click();
    await expect(page.getByLabel("「细读」的中文名称")).toHaveCount(0);
  });
});

test.describe("moving an item", () => {
  test.use({ storageState: storageStateOf("member") });

  test("excluding needs a reason; the history shows it and the last change can be undone", async ({ page }) => {
    const scenario = await createScenario("排除", { members: { member: "EDITOR" }, items: ["待排除的文献"] });
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await page.getByLabel("更改状态").selectOption({ label: "已排除" });
    await expect(page.getByText("移到「已排除」需要选择排除理由。")).toBeVisible();
    await page.getByRole("button", { name: "保存状态" }).click();
    // The browser holds the form back until a reason is chosen: nothing was saved.
    await expect(page.getByRole("heading", { name: /状态: 待筛选/ })).toBeVisible();

    await page.getByLabel("排除理由").selectOption({ label: "非学术文献" });
    await page.getByLabel("备注（可选）").fill("会议通知");
    await page.getByRole("button", { name: "保存状态" }).click();
    await expect(page.getByRole("heading", { name: /状态: 已排除/ })).toBeVisible();
    const history = page.getByRole("list", { name: "状态记录" });
    await expect(history.getByRole("listitem").first()).toContainText("将状态从「待筛选」改为「已排除」");
    await expect(history.getByRole("listitem").first()).toContainText("理由：非学术文献");
    await expect(history.getByRole("listitem").first()).toContainText("会议通知");

    await page.getByRole("button", { name: "撤销最近一次状态更改（回到「待筛选」）" }).click();
    await expect(page.getByRole("heading", { name: /状态: 待筛选/ })).toBeVisible();
    await expect(history.getByRole("listitem").first()).toContainText("撤销了更改：从「已排除」回到「待筛选」");
    await expect(page.getByText("排除理由：非学术文献")).toHaveCount(0);
  });

  test("in English, the same move reads naturally", async ({ page, context, baseURL }) => {
    const scenario = await createScenario("English", { members: { member: "EDITOR" }, items: ["英文界面文献"] });
    await context.addCookies([{ name: "huitong-locale", value: "en", url: baseURL! }]);
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await page.getByLabel("Change stage").selectOption({ label: "Reading" });
    await page.getByRole("button", { name: "Save stage" }).click();
    await expect(page.getByRole("list", { name: "Stage history" }).getByRole("listitem").first()).toContainText(
      "moved it from “To screen” to “Reading”",
    );
  });
});

test("the owner assigns an item; it appears in the member's queue under its stage", async ({ browser }) => {
  const scenario = await createScenario("分配", {
    members: { member: "EDITOR", viewer: "VIEWER" },
    items: ["分给成员的文献"],
  });
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const owner = await ownerContext.newPage();
  await owner.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  const panel = owner.getByRole("region", { name: "负责成员" });
  await expect(panel.getByText("尚未分配成员")).toBeVisible();
  // Viewers cannot be given work.
  await expect(panel.getByLabel("分配给成员").getByRole("option", { name: /Viewer/ })).toHaveCount(0);
  await panel.getByLabel("分配给成员").selectOption({ label: "陈同学 (Member)" });
  await panel.getByRole("button", { name: "分配", exact: true }).click();
  await expect(panel.getByRole("button", { name: "取消分配 陈同学 (Member)" })).toBeVisible();

  const memberContext = await browser.newContext({ storageState: storageStateOf("member") });
  const member = await memberContext.newPage();
  await member.goto(scenario.url("queue"));
  const toScreen = member.getByRole("region", { name: /待筛选/ });
  await expect(toScreen.getByRole("link", { name: "分给成员的文献" })).toBeVisible();
  // The queue filters by theme like every other list of items.
  await e2eDatabase().theme.create({ data: { reviewId: scenario.reviewId, nameZh: "未使用的主题", color: "#1d4ed8" } });
  await member.reload();
  await member.getByLabel("按主题筛选").selectOption({ label: "未使用的主题" });
  await member.getByRole("button", { name: "应用筛选" }).click();
  await expect(member.getByText("没有符合筛选条件的文献。")).toBeVisible();

  const viewerContext = await browser.newContext({ storageState: storageStateOf("viewer") });
  const viewer = await viewerContext.newPage();
  await viewer.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  await expect(viewer.getByLabel("更改状态")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /撤销|分配/ })).toHaveCount(0);
  await expect(viewer.getByText("您以只读成员身份查看，不能修改此文献。")).toBeVisible();
  await Promise.all([ownerContext.close(), memberContext.close(), viewerContext.close()]);
});

test("stale requests are refused with a clear message and change nothing", async ({ browser }) => {
  const scenario = await createScenario("过期请求", { members: { member: "EDITOR" }, items: ["被争夺的文献"] });
  const db = e2eDatabase();
  const memberContext = await browser.newContext({ storageState: storageStateOf("member") });
  const member = await memberContext.newPage();
  // A stage added and then deleted while the member's page still offers it.
  const doomed = await db.reviewStage.create({
    data: { reviewId: scenario.reviewId, key: "doomed", nameZh: "临时状态", nameEn: "Temporary", position: 99 },
  });
  await member.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  await db.reviewStage.delete({ where: { id: doomed.id } });
  await member.getByLabel("更改状态").selectOption({ label: "临时状态" });
  await member.getByRole("button", { name: "保存状态" }).click();
  await expect(member.getByRole("alert").filter({ hasText: "该状态不存在于此综述中" })).toBeVisible();

  // The owner demotes the member to viewer while their page still shows the form: the server says no.
  await db.membership.updateMany({
    where: { reviewId: scenario.reviewId, userId: scenario.userIds.member },
    data: { role: "VIEWER" },
  });
  await member.getByLabel("更改状态").selectOption({ label: "阅读中" });
  await member.getByRole("button", { name: "保存状态" }).click();
  await expect(member.getByRole("alert").filter({ hasText: "您的角色无权执行此操作。" })).toBeVisible();
  const item = await db.reviewItem.findUniqueOrThrow({ where: { id: scenario.itemIds[0] } });
  expect(item.stageId).toBe(scenario.stages[0]!.id);
  expect(await db.statusChange.count({ where: { itemId: item.id } })).toBe(1);
  await memberContext.close();
});
