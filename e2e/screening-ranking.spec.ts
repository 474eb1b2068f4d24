import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario } from "./support/scenario";

test("after one inclusion and one exclusion the desk serves the most likely record first, and the owner records a stop", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const scenario = await createScenario("优先筛选", {
    items: [
      "党建引领乡村振兴与基层治理",
      "深度学习图像识别网络",
      "图像分割网络的训练方法",
      "乡村振兴中的基层党建与治理创新",
    ],
    screeningVotesRequired: 1,
  });
  const context = await browser.newContext({ storageState: storageStateOf("owner") });
  const owner = await context.newPage();

  await owner.goto(scenario.url("screening"));
  await expect(owner.getByText(/团队纳入和排除至少各一篇文献后/)).toBeVisible();
  await expect(owner.getByRole("heading", { name: "党建引领乡村振兴与基层治理" })).toBeVisible();
  await owner.getByRole("button", { name: /^纳入/ }).click();
  await expect(owner.getByRole("heading", { name: "深度学习图像识别网络" })).toBeVisible();
  await owner.getByLabel("排除理由").selectOption({ index: 1 });
  await owner.getByRole("button", { name: /^排除/ }).click();
  await expect(owner.getByRole("heading", { name: "图像分割网络的训练方法" })).toBeVisible();

  // The worker retrains a moment after the decisions; the desk switches to relevance order once it has.
  const order = owner.getByRole("navigation", { name: "筛选顺序" });
  await expect(async () => {
    await owner.reload();
    await expect(order).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(order.getByRole("link", { name: "最可能纳入的优先" })).toHaveAttribute("aria-current", "page");
  await expect(owner.getByRole("heading", { name: "乡村振兴中的基层党建与治理创新" })).toBeVisible();
  await expect(owner.getByText(/相关度：/)).toBeVisible();
  await expect(owner.getByText("提高分数的词：")).toBeVisible();

  // Import order stays one click away.
  await order.getByRole("link", { name: "按加入顺序" }).click();
  await expect(owner.getByRole("heading", { name: "图像分割网络的训练方法" })).toBeVisible();

  // The dashboard's stopping aid: set a rule, see it met, record the stop; PRISMA reports it.
  await owner.goto(scenario.url("dashboard"));
  const stopping = owner.getByRole("region", { name: "何时停止筛选" });
  await expect(stopping.getByText("估计仍未发现的相关文献")).toBeVisible();
  await expect(stopping.getByText(/方法：排序模型/)).toBeVisible();
  const rule = stopping.getByRole("form", { name: "停止规则" });
  await rule.getByLabel("连续排除篇数达到").check();
  await rule.getByLabel("阈值").fill("1");
  await rule.getByRole("button", { name: "保存规则" }).click();
  await expect(rule.getByRole("status")).toHaveText("已保存停止规则。");
  await expect(stopping.getByText(/已满足停止规则/)).toBeVisible();
  const stop = stopping.getByRole("form", { name: "记录停止筛选" });
  await stop.getByLabel("说明（可选）").fill("连续排除达到阈值");
  await stop.getByRole("button", { name: "记录停止筛选" }).click();
  await expect(stopping.getByText(/停止筛选：已有结论 2 篇，未筛选 2 篇/)).toBeVisible();

  await owner.goto(scenario.url("screening/prisma"));
  await expect(owner.getByRole("rowheader", { name: "按停止规则未筛选的记录" })).toBeVisible();
  await context.close();
});
