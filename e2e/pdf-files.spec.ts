// Attaching a Chinese PDF on an item page: the upload, the extraction progress, and the extracted text as the
// item's full text with its reference list; a file that is not a PDF is refused with its name and the reason.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario } from "./support/scenario";

test.use({ storageState: storageStateOf("owner") });

const fixtures = path.resolve(import.meta.dirname, "../lib/files/fixtures");

test("a Chinese two-column PDF attached on the item page becomes its full text", async ({ page }) => {
  test.setTimeout(120_000);
  const scenario = await createScenario("PDF 全文", { items: ["区域化党建引领县域内城乡融合发展的行动策略"] });
  await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  const files = page.getByRole("region", { name: "PDF 文件" });
  await expect(files).toContainText("还没有附加 PDF。");
  await files.getByLabel("选择要附加的 PDF 文件").setInputFiles(path.join(fixtures, "zh-two-column.pdf"));

  await expect(files.getByRole("link", { name: "下载 zh-two-column.pdf" })).toBeVisible();
  await expect(files).toContainText("主全文");
  await expect(files.getByText("文字已提取")).toBeVisible({ timeout: 90_000 });
  await expect(files).toContainText("3 页");
  await expect(files).toContainText("脚注 2 条");

  const fullText = page.getByRole("region", { name: "全文" });
  await expect(fullText).toContainText("中国式现代化是中国共产党领导的社会主义现代化。");
  // Read across the column break, with no running header or page number in between.
  await expect(fullText).toContainText("成为新时代区域化党建回应现实需要、谋求创新突破的重要课题。");
  await expect(fullText).not.toContainText("南京社会科学");
  await expect(page.getByRole("region", { name: "参考文献" })).toContainText("3 条");

  // The download is the same file.
  const response = await page.request.get(
    (await files.getByRole("link", { name: "下载 zh-two-column.pdf" }).getAttribute("href"))!,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
});

test("a file that only claims to be a PDF is refused, naming the file", async ({ page }) => {
  const scenario = await createScenario("PDF 拒收", { items: ["一篇文献"] });
  await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  const files = page.getByRole("region", { name: "PDF 文件" });
  await files.getByLabel("选择要附加的 PDF 文件").setInputFiles({
    name: "笔记.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("这只是笔记，不是 PDF。"),
  });
  await expect(files.getByRole("alert")).toContainText("笔记.pdf：这不是 PDF 文件");
  await expect(files).toContainText("还没有附加 PDF。");
});
