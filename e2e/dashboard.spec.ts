import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

test.describe("the dashboard", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("shows progress by stage, member and theme, conflicts waiting, and linked activity", async ({ page }) => {
    const scenario = await createScenario("概览", {
      members: { member: "EDITOR" },
      items: ["甲文献", "乙文献", "丙文献", "丁文献"],
    });
    const db = e2eDatabase();
    await db.itemAssignment.createMany({
      data: scenario.itemIds.slice(0, 2).map((itemId) => ({ itemId, userId: scenario.userIds.member })),
    });
    const theme = await db.theme.create({
      data: { reviewId: scenario.reviewId, nameZh: "网格治理", color: "#b45309" },
    });
    await db.itemTheme.createMany({
      data: scenario.itemIds.slice(0, 3).map((itemId) => ({ itemId, themeId: theme.id })),
    });
    await db.reviewItem.update({ where: { id: scenario.itemIds[3] }, data: { screeningState: "CONFLICT" } });

    // A stage change made through the item page shows up in the feed, named and linked.
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await page.getByLabel("更改状态").selectOption({ label: "待阅读" });
    await page.getByRole("button", { name: "保存状态" }).click();
    await expect(page.getByRole("status").filter({ hasText: "状态已更新。" })).toBeVisible();

    await page.goto(scenario.url(""));
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: "各状态的文献数量: 待筛选 3，待阅读 1，阅读中 0，已编码 0，已综合 0，已排除 0" }),
    ).toBeVisible();
    await expect(page.getByRole("img", { name: "陈同学 (Member) 负责的文献按状态：待筛选 1，待阅读 1" })).toBeVisible();
    await expect(page.getByRole("link", { name: /网格治理：3 篇/ })).toBeVisible();
    await expect(page.getByText("1 个分歧等待裁决")).toBeVisible();
    await expect(page.getByText("2 篇尚未分配")).toBeVisible();

    const feed = page.getByRole("region", { name: "最近动态" });
    await expect(feed.getByText("林老师 (Owner) 将状态从「待筛选」改为「待阅读」")).toBeVisible();
    await feed.getByRole("link", { name: "甲文献" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "甲文献" })).toBeVisible();

    // The stage rows lead to the library filtered by that stage.
    await page.goto(scenario.url("dashboard"));
    await page.getByRole("link", { name: /待筛选：3 篇，占 75%/ }).click();
    await expect(page.getByText("符合条件 3 篇，共 4 篇")).toBeVisible();

    await page.goto(scenario.url("dashboard"));
    await page.getByRole("link", { name: "去裁决" }).click();
    await expect(page).toHaveURL(/\/screening\/conflicts$/);
  });

  test("reads naturally in English", async ({ page, context, baseURL }) => {
    const scenario = await createScenario("Overview", { items: ["某文献"] });
    await context.addCookies([{ name: "huitong-locale", value: "en", url: baseURL! }]);
    await page.goto(scenario.url("dashboard"));
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Progress by stage" })).toBeVisible();
    await expect(page.getByText("No conflicts waiting")).toBeVisible();
    await expect(page.getByText("Unassigned items: 1")).toBeVisible();
  });
});
