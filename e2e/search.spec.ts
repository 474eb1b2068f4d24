import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, demoReviewPath, e2eDatabase } from "./support/scenario";

test.use({ storageState: storageStateOf("owner") });

const RESILIENCE_PAPER = "党建引领基层韧性治理的行动逻辑与实践样本";

test("Ctrl K opens the search box; typing 韧性 lists the paper live and a click lands on it", async ({ page }) => {
  await page.goto(await demoReviewPath("dashboard"));
  const dialog = page.getByRole("dialog", { name: "搜索本综述" });
  // The shortcut works once the page is hydrated; until then the key press does nothing, so press again.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel("搜索内容").fill("韧性");
  const results = dialog.getByRole("list", { name: "搜索结果" });
  const hit = results.getByRole("link", { name: new RegExp(RESILIENCE_PAPER) });
  await expect(hit).toBeVisible();
  await expect(results.getByRole("link")).toHaveCount(1);
  await expect(hit.locator("mark").first()).toHaveText("韧性");
  await hit.click();
  // Chromium consumes the text fragment (#:~:text=…) that scrolls to the hit, so the URL ends at the item.
  await expect(page).toHaveURL(/\/items\/[^/#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: RESILIENCE_PAPER })).toBeVisible();

  // Escape closes the box and gives the focus back to its button.
  await page.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: /搜索本综述/ })).toBeFocused();
});

test("the search page updates as the user types, with phrases, exclusions and filters", async ({ page }) => {
  await page.goto(await demoReviewPath("search"));
  const box = page.getByRole("searchbox", { name: "搜索内容" });
  await box.fill("城乡融合");
  const results = page.getByRole("region", { name: "搜索结果" });
  await expect(results.getByRole("listitem").first()).toContainText("城乡融合");
  await expect(page).toHaveURL(/q=%E5%9F%8E%E4%B9%A1/);

  await box.fill('"城乡融合发展"');
  await expect(results.getByText("共 1 条结果")).toBeVisible();

  await box.fill("党建 -韧性");
  await expect(results.getByRole("listitem").first()).toBeVisible();
  await expect(results.getByRole("link", { name: new RegExp(RESILIENCE_PAPER) })).toHaveCount(0);

  await box.fill("governance");
  await expect(results.getByText(/共 \d+ 条结果/)).toBeVisible();
  await page.getByLabel("起始年份").fill("2025");
  await expect(results.getByText("共 1 条结果")).toBeVisible();
  await expect(results.getByRole("link")).toContainText("过疏化");
  await page.getByRole("button", { name: "清除筛选" }).click();
  await expect(page.getByLabel("起始年份")).toHaveValue("");
});

test("a coded passage found by its memo links to its place in the full text", async ({ page }) => {
  const fullText = "第一段介绍研究背景。\n社区网格员在疫情防控中承担了信息收集与上传下达的职责。\n第三段讨论结论。";
  const scenario = await createScenario("搜索", { items: ["网格化治理的实践"] });
  const db = e2eDatabase();
  await db.reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { fullText } });
  const quote = "社区网格员在疫情防控中承担了信息收集";
  const start = fullText.indexOf(quote);
  const coding = await db.coding.create({
    data: {
      reviewId: scenario.reviewId,
      itemId: scenario.itemIds[0]!,
      field: "FULL_TEXT",
      start,
      end: start + quote.length,
      quote,
      prefix: fullText.slice(Math.max(0, start - 20), start),
      suffix: fullText.slice(start + quote.length, start + quote.length + 20),
      memo: "网格员的双重角色值得展开",
      createdById: scenario.userIds.owner,
    },
  });
  await page.goto(scenario.url("search"));
  await page.getByRole("searchbox", { name: "搜索内容" }).fill("双重角色");
  await page
    .getByRole("group", { name: "内容类型" })
    .getByRole("button", { name: /编码段落/ })
    .click();
  const results = page.getByRole("region", { name: "搜索结果" });
  await expect(results.getByText("共 1 条结果")).toBeVisible();
  await results.getByRole("link", { name: /网格化治理的实践/ }).click();
  await expect(page).toHaveURL(new RegExp(`#passage-${coding.id}$`));
  await expect(page.getByText(quote).first()).toBeInViewport();
});

test("traditional characters, field filters and typos are searched and the page says how", async ({ page }) => {
  await page.goto(await demoReviewPath("search"));
  const box = page.getByRole("searchbox", { name: "搜索内容" });
  const results = page.getByRole("region", { name: "搜索结果" });
  const notes = results.getByRole("note", { name: "搜索说明" });

  await box.fill("韌性");
  await expect(results.getByRole("link", { name: new RegExp(RESILIENCE_PAPER) })).toBeVisible();
  await expect(notes).toContainText("「韌性」按「韧性」搜索");

  await box.fill("党建 author:阚道远");
  await expect(results.getByText("共 1 条结果")).toBeVisible();
  await expect(results.getByRole("link")).toContainText("区域党建一体化");
  await expect(notes).toContainText("筛选 作者：阚道远");

  await box.fill("govrnance");
  await expect(results.getByText("没有找到「govrnance」，以下是「governance」的结果。")).toBeVisible();
  await expect(results.getByRole("listitem").first()).toBeVisible();

  await box.fill("governence");
  await results.getByRole("link", { name: "governance", exact: true }).click();
  await expect(box).toHaveValue("governance");
  await expect(page).toHaveURL(/q=governance/);

  await page.getByText("搜索语法").click();
  await expect(page.getByText(/author:阚道远 或 作者:"kan daoyuan"/)).toBeVisible();
});
