import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

test.use({ storageState: storageStateOf("owner") });

const TITLES = ["城乡融合的治理逻辑", "韧性社区建设", "跨域治理的协同机制", "党建引领乡村振兴", "数字治理与基层减负"];

test("filters, sorts and pages on the server, with filters kept in the URL", async ({ page }) => {
  const scenario = await createScenario("文献库", {
    items: [...TITLES, ...Array.from({ length: 53 }, (_, i) => `填充文献 ${String(i + 1).padStart(2, "0")}`)],
  });
  await e2eDatabase().reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { year: 2019 } });
  await e2eDatabase().reviewItem.update({ where: { id: scenario.itemIds[1] }, data: { year: 2024 } });
  await page.goto(scenario.url("library"));
  const table = page.getByRole("table", { name: "文献库" });
  await expect(page.getByText("共 58 篇", { exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(51); // header + 50 on the first page
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "第 2 页" }).click();
  await expect(table.getByRole("row")).toHaveCount(9);

  await page.getByLabel("搜索").fill("治理");
  await page.getByLabel("搜索").press("Enter");
  await expect(page.getByText("符合条件 3 篇，共 58 篇")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("q")).toBe("治理");
  await page.getByRole("link", { name: "移除筛选：搜索: 治理" }).click();
  await expect(page.getByText("共 58 篇", { exact: true })).toBeVisible();

  await page.getByLabel("缺失字段").selectOption({ label: "年份" });
  await expect(page.getByText("符合条件 56 篇，共 58 篇")).toBeVisible();
  await page.getByRole("link", { name: "移除筛选：缺失字段: 年份" }).click();
  // Wait for that navigation to land, or the sort click races it and the slower response wins.
  await expect(page.getByText("共 58 篇", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "按年份排序" }).click();
  await expect(page).toHaveURL(/sort=year/);
  await expect(table.getByRole("columnheader", { name: /年份/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText("城乡融合的治理逻辑");
  await expect(table.getByRole("row").nth(2)).toContainText("韧性社区建设");
});

test("bulk stage change asks for a reason when excluding; bulk assign and tag; select all matching", async ({
  page,
}) => {
  const scenario = await createScenario("批量", { members: { member: "EDITOR" }, items: TITLES });
  await e2eDatabase().theme.create({ data: { reviewId: scenario.reviewId, nameZh: "韧性治理", color: "#b45309" } });
  await page.goto(scenario.url("library"));
  const table = page.getByRole("table", { name: "文献库" });
  await table.getByRole("checkbox", { name: "选择「韧性社区建设」" }).check();
  await table.getByRole("checkbox", { name: "选择「党建引领乡村振兴」" }).check();
  const bulk = page.getByRole("region", { name: "批量操作" });
  await expect(bulk).toContainText("已选 2 篇");

  const stageForm = bulk.getByRole("form", { name: "更改状态" });
  await stageForm.getByLabel("移到状态").selectOption({ label: "已排除" });
  await stageForm.getByLabel("排除理由").selectOption({ label: "主题不相关" });
  await stageForm.getByRole("button", { name: "更改状态" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已更新 2 处。" })).toBeVisible();
  await expect(table.getByRole("row", { name: /韧性社区建设/ })).toContainText("已排除");

  await page.getByLabel("搜索").fill("治理");
  await page.getByLabel("搜索").press("Enter");
  await expect(table.getByRole("row")).toHaveCount(4);
  await page.getByRole("checkbox", { name: "选择本页全部" }).check();
  const assign = bulk.getByRole("form", { name: "分配" });
  await assign.getByLabel("成员").selectOption({ label: "陈同学 (Member)" });
  await assign.getByRole("button", { name: "分配", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已更新 3 处。" })).toBeVisible();
  await expect(table.getByRole("row", { name: /跨域治理的协同机制/ })).toContainText("陈同学 (Member)");

  await page.getByRole("checkbox", { name: "选择本页全部" }).check();
  const tag = bulk.getByRole("form", { name: "主题" });
  await tag.getByLabel("主题").selectOption({ label: "韧性治理" });
  await tag.getByRole("button", { name: "添加" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已更新 3 处。" })).toBeVisible();
  await expect(table.getByRole("row", { name: /数字治理与基层减负/ })).toContainText("韧性治理");
});

test("moves through rows and selects them with the keyboard", async ({ page }) => {
  const scenario = await createScenario("键盘", { items: TITLES.slice(0, 3) });
  await page.goto(scenario.url("library"));
  // The shortcut works once the page is hydrated; on a busy runner the first press may come before that.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByLabel("搜索")).toBeFocused({ timeout: 1000 });
  }).toPass();
  const rows = page.getByRole("table", { name: "文献库" }).getByRole("row");
  await rows.nth(1).focus();
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("x");
  await expect(page.getByRole("region", { name: "批量操作" })).toContainText("已选 1 篇");
  await page.keyboard.press("ArrowUp");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: TITLES[2] })).toBeVisible();
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the library without selection or bulk controls", async ({ page }) => {
    const scenario = await createScenario("只读库", { members: { viewer: "VIEWER" }, items: TITLES.slice(0, 2) });
    await page.goto(scenario.url("library"));
    await expect(page.getByRole("table", { name: "文献库" }).getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "添加文献" })).toHaveCount(0);
  });
});
