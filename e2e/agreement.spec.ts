import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

/**
 * Two coders on one 15-character paper: the owner coded 网格员走访入 (0–5), the member 走访入户， (2–7).
 * Characters: both 3, owner only 2, member only 2, neither 8 → agreement 11/15, κ = 0.400, α = 0.420;
 * with the uncoded second theme pooled in, κ stays 0.400 and α over both themes is 0.528.
 */
async function agreementScenario(label: string) {
  const scenario = await createScenario(label, {
    members: { member: "EDITOR", supervisor: "EDITOR" },
    items: ["甲篇", "乙篇"],
  });
  const db = e2eDatabase();
  const grid = await db.theme.create({ data: { reviewId: scenario.reviewId, nameZh: "网格治理", color: "#4d7c0f" } });
  await db.theme.create({
    data: { reviewId: scenario.reviewId, nameZh: "=其他", nameEn: "=Other", color: "#1d4ed8" },
  });
  const text = "网格员走访入户，收集居民诉求。";
  for (const itemId of scenario.itemIds) {
    await db.reviewItem.update({ where: { id: itemId }, data: { fullText: text } });
  }
  const code = (itemId: string, userId: string, start: number, end: number) =>
    db.coding.create({
      data: {
        reviewId: scenario.reviewId,
        itemId,
        field: "FULL_TEXT",
        start,
        end,
        quote: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
        createdById: userId,
        themes: { create: [{ themeId: grid.id }] },
      },
    });
  const [first, second] = scenario.itemIds as [string, string];
  await code(first, scenario.userIds.owner, 0, 5);
  await code(first, scenario.userIds.member, 2, 7);
  // The third coder read both papers; the member never opened the second.
  await code(first, scenario.userIds.supervisor, 0, 7);
  await code(second, scenario.userIds.supervisor, 8, 14);
  await code(second, scenario.userIds.owner, 8, 14);
  const names = Object.fromEntries(
    (await db.user.findMany({ where: { id: { in: Object.values(scenario.userIds) } } })).map((user) => [
      user.id,
      user.name,
    ]),
  );
  return { scenario, name: (role: "owner" | "member" | "supervisor") => names[scenario.userIds[role]]! };
}

test.describe("coding agreement", () => {
  test.use({ storageState: storageStateOf("member") });

  test("two coders character by character, then three, then the CSV", async ({ page }) => {
    const { scenario, name } = await agreementScenario("编码一致性");
    await page.goto(scenario.url("themes"));
    await page.getByRole("link", { name: "编码一致性（逐字，全部主题） →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "编码一致性" })).toBeVisible();

    const coders = page.getByRole("group", { name: "编码者" });
    for (const role of ["owner", "member", "supervisor"] as const) await coders.getByLabel(name(role)).uncheck();
    await coders.getByLabel(name("owner")).check();
    await page.getByRole("button", { name: "计算一致性" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请至少选择两位编码者。" })).toBeVisible();

    await page.getByRole("group", { name: "编码者" }).getByLabel(name("member")).check();
    await page.getByRole("button", { name: "计算一致性" }).click();
    const summary = page.getByRole("region", { name: "全部主题" });
    await expect(summary.getByRole("definition").filter({ hasText: "0.400" })).toBeVisible();
    await expect(summary.getByText("Cohen's kappa（合并）")).toBeVisible();
    // Landis & Koch: 0.21–0.40 is fair.
    await expect(summary.getByRole("definition").filter({ hasText: "0.400" })).toContainText("(一般)");
    await expect(summary.getByRole("definition").filter({ hasText: "0.528" })).toBeVisible();
    await expect(summary).toContainText("比较的文献：1 篇");
    const cell = page
      .getByRole("table", { name: "按主题和文献" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "网格治理" }) });
    await expect(cell.getByRole("cell")).toHaveText(["甲篇", "15", "5", "5", "3", "8", "73.3%", "0.400", "0.420"]);
    await page.screenshot({ path: "test-results/agreement-two-coders.png", fullPage: true });

    await page.getByRole("group", { name: "编码者" }).getByLabel(name("supervisor")).check();
    await page.getByRole("button", { name: "计算一致性" }).click();
    await expect(summary.getByText("Light's kappa（两两平均）")).toBeVisible();
    await expect(summary).toContainText("比较的文献：2 篇");
    const byTheme = page.getByRole("table", { name: "按主题（全部文献）" });
    await expect(byTheme.getByRole("columnheader", { name: `${name("supervisor")} 编码字数` })).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载 CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ · 编码一致性 · \d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      `主题,文献,比较字数,${name("owner")} 编码字数,${name("member")} 编码字数,${name("supervisor")} 编码字数,一致率,kappa,alpha`,
    );
    expect(lines[1]).toMatch(/^全部主题,全部文献,,,,,0\.\d+,0\.\d+,0\.\d+$/);
    // The theme named like a formula is written as text.
    expect(lines.some((line) => line.startsWith("'=其他,全部文献,30,0,0,0,1,,"))).toBe(true);
    expect(lines).toContain("网格治理,甲篇,15,5,5,7,0.8222,0.6182,0.6303");
  });

  test("reads naturally in English", async ({ page, context, baseURL }) => {
    const { scenario } = await agreementScenario("Coding agreement");
    await context.addCookies([{ name: "huitong-locale", value: "en", url: baseURL! }]);
    await page.goto(scenario.url("themes/compare"));
    await page.getByRole("link", { name: "Coding agreement (character level, all themes) →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Coding agreement" })).toBeVisible();
    await page.getByRole("button", { name: "Compute agreement" }).click();
    const summary = page.getByRole("region", { name: "All themes" });
    await expect(summary.getByText("Krippendorff's alpha (nominal)")).toBeVisible();
    await expect(page.getByRole("table", { name: "By theme (all papers)" }).getByRole("rowheader")).toHaveText([
      "网格治理",
      "=Other",
    ]);
    await page.screenshot({ path: "test-results/agreement-english.png", fullPage: true });
  });
});
