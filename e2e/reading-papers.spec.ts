import { expect, test } from "@playwright/test";
import { DEMO_USERS, storageStateOf, type DemoRole } from "./accounts";
import { demoReviewPath } from "./support/scenario";

const PAPER_TITLES = [
  "区域党建一体化驱动跨域协同治理",
  "党建治理化:基层党建和基层治理的有效融合",
  "党建引领基层韧性治理的行动逻辑与实践样本",
  "区域化党建与基层有效治理",
];

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  test.describe(`${role} reads the seeded review`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("sees the five papers and reads one's abstract and full text", async ({ page }) => {
      await page.goto(await demoReviewPath("library"));
      await expect(
        page
          .getByRole("button", { name: /党建引领基层治理文献综述/ })
          .or(page.getByText("党建引领基层治理文献综述").first()),
      ).toBeVisible();
      const table = page.getByRole("table", { name: "文献库" });
      await expect(table.getByRole("row")).toHaveCount(6); // header + five papers
      for (const title of PAPER_TITLES)
        await expect(table.getByRole("link", { name: new RegExp(title) })).toBeVisible();
      // The paper without a title in its source is listed as such, never with an invented one.
      await expect(table.getByRole("link", { name: "（标题缺失）" })).toBeVisible();

      await table.getByRole("link", { name: /党建引领基层韧性治理的行动逻辑与实践样本/ }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "党建引领基层韧性治理的行动逻辑与实践样本" }),
      ).toBeVisible();
      const abstract = page.getByRole("region", { name: "摘要" });
      await expect(abstract).toContainText("嵌入—动员—整合");
      const fullText = page.getByRole("region", { name: /全文/ });
      await expect(fullText).toContainText("基层治理是国家治理的基石");
      await expect(fullText).toContainText("[22]徐柳怡,汪涛");
      // The re-posting site's spam is not part of the paper.
      await expect(page.getByText(/开云|上一篇|下一篇/)).toHaveCount(0);
    });
  });
}

test.describe("missing metadata", () => {
  test.use({ storageState: storageStateOf("member") });

  test("a paper whose source has only metadata says its full text and authors are missing", async ({ page }) => {
    await page.goto(await demoReviewPath("library"));
    await page.getByRole("link", { name: /党建治理化/ }).click();
    await expect(page.getByRole("region", { name: "作者" })).toContainText("缺失");
    await expect(page.getByRole("region", { name: /全文/ })).toContainText("来源文件只包含元数据");
    await expect(page.getByText("PSSXiv: 202410.02256V1")).toBeVisible();
  });
});
