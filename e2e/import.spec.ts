// References in and out: a CNKI RIS export is uploaded, previewed with its duplicates shown beside the
// records they repeat, imported with one duplicate kept on purpose, and the library exported again as RIS;
// a spreadsheet of unknown layout is imported after mapping its columns.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

test.use({ storageState: storageStateOf("owner") });

const FIXTURE = path.resolve(import.meta.dirname, "../lib/import/fixtures/cnki-sample.ris");

test("import a CNKI RIS file with duplicates left out, then export the library as RIS", async ({ page }) => {
  const scenario = await createScenario("导入", { items: ["韧性治理：风险与应急管理的新路径"] });
  // The item already in the library carries the DOI of the file's first record.
  await e2eDatabase().reviewItem.update({
    where: { id: scenario.itemIds[0] },
    data: { doi: "10.16637/j.cnki.23-1360/d.2020.05.009", year: 2020 },
  });
  await page.goto(scenario.url("library"));
  await page.getByRole("link", { name: "导入", exact: true }).click();
  await expect(page.getByRole("heading", { name: "导入文献" })).toBeVisible();

  // A file in no known format is refused with the reason, and nothing is shown to import.
  await page.getByLabel("导出文件").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("会议记录\n下周讨论文献导入\n"),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "无法识别文件格式（文件开头为“会议记录”）" })).toBeVisible();

  await page.getByLabel("导出文件").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("heading", { name: "cnki-sample.ris：RIS 格式，UTF-8 编码，共 4 条记录" })).toBeVisible();
  await expect(page.getByText("2 条新文献", { exact: true })).toBeVisible();
  await expect(page.getByText("2 条疑似重复", { exact: true })).toBeVisible();

  const table = page.getByRole("table", { name: "解析出的记录" });
  const inLibrary = table.getByRole("row", { name: /韧性治理：风险与应急管理的新路径/ });
  await expect(inLibrary).toContainText("文献库中已有（DOI 相同且标题一致）");
  // The library's record beside this one: title, authors, year.
  const compare = inLibrary.getByRole("group", { name: /与其重复项的对比/ });
  await expect(compare).toContainText("文献库中的韧性治理：风险与应急管理的新路径");
  const repeated = table.getByRole("row").filter({ hasText: "与文件第 19 行重复（标题、年份、第一作者相同）" });
  await expect(repeated).toHaveCount(1);
  await expect(repeated.getByRole("group")).toContainText("阚道远，杨宁");

  // Everything selected, then the duplicates taken out again.
  await page.getByRole("button", { name: "全选可导入的记录" }).click();
  await expect(page.getByRole("button", { name: "导入所选 4 条" })).toBeVisible();
  await page.getByRole("button", { name: "取消选择重复记录" }).click();
  await expect(inLibrary.getByRole("checkbox")).not.toBeChecked();
  await expect(repeated.getByRole("checkbox")).not.toBeChecked();
  await expect(
    table.getByRole("checkbox", { name: '导入第 34 行的记录「区域化党建与基层有效治理："过疏化"乡村的治理单元重构」' }),
  ).toBeChecked();
  await expect(page.getByRole("button", { name: "导入所选 2 条" })).toBeVisible();
  // The reviewer judges the repeated record a different paper after all, and keeps both.
  await repeated.getByRole("button", { name: /^保留两者/ }).click();
  await expect(repeated.getByRole("checkbox")).toBeChecked();
  await expect(repeated).toContainText("将导入这条记录，两者都保留。");
  await page.getByRole("button", { name: "导入所选 3 条" }).click();

  await expect(page).toHaveURL(/\/library\?imported=3$/);
  await expect(page.getByRole("status").filter({ hasText: "已导入 3 条文献。" })).toBeVisible();
  await expect(page.getByText("共 4 篇", { exact: true })).toBeVisible();
  const library = page.getByRole("table", { name: "文献库" });
  // Both copies of the record kept on purpose are in the library.
  const kept = library.getByRole("row", { name: /区域党建一体化驱动跨域协同治理/ });
  await expect(kept).toHaveCount(2);
  await expect(kept.first()).toContainText("阚道远");
  await expect(library.getByRole("row", { name: /"过疏化"乡村的治理单元重构/ })).toContainText("理论月刊");

  await page.getByRole("button", { name: "导出", exact: true }).click();
  const menu = page.getByRole("menu", { name: "导出文献" });
  // The format is a radio item that keeps the menu open; the keyboard reaches it like a mouse would.
  await menu.getByRole("menuitemradio", { name: "BibTeX" }).click();
  await expect(menu.getByRole("menuitemradio", { name: "BibTeX" })).toBeChecked();
  await menu.getByRole("menuitemradio", { name: "RIS" }).press("Enter");
  await expect(menu.getByRole("menuitemradio", { name: "RIS" })).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: "全部文献（4 条）" }).click(),
  ]);
  await expect(menu).toBeHidden();
  await expect(
    page.getByRole("region", { name: /通知/ }).getByRole("status").filter({ hasText: "正在导出 RIS 文件" }),
  ).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^.+ · 文献库 · \d{4}-\d{2}-\d{2}\.ris$/);
  const ris = await readFile((await download.path())!, "utf8");
  expect(ris.match(/^TY {2}- /gm)).toHaveLength(4);
  expect(ris).toContain("TI  - 区域党建一体化驱动跨域协同治理:作用机制与实践框架");
  expect(ris).toContain("AU  - 阚道远");
  expect(ris).toContain("TI  - 韧性治理：风险与应急管理的新路径");
  expect(ris).toContain("DO  - 10.16637/j.cnki.23-1360/d.2020.05.009");
});

test("import a spreadsheet of unknown layout after mapping its columns", async ({ page }) => {
  const scenario = await createScenario("表格导入", { items: [] });
  await page.goto(scenario.url("library"));
  await page.getByRole("link", { name: "导入", exact: true }).click();
  await page.getByLabel("导出文件").setInputFiles({
    name: "my-sheet.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "\uFEFFHeading;Writers;Yr;Notes\r\n数字治理与基层减负;王小明;2023;first\r\nGovernance of resilient cities;Smith, John;2021;second\r\n",
    ),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("heading", { name: /my-sheet\.csv：CSV\/TSV 格式/ })).toBeVisible();
  const columns = page.getByRole("region", { name: "表格的列" });
  await expect(columns).toContainText("未识别出导出工具（分号分隔）");
  // Nothing is recognised, so nothing can be imported yet.
  await expect(page.getByText("2 条因错误无法导入", { exact: true })).toBeVisible();

  await columns.getByLabel("“Heading”列读入的字段").selectOption({ label: "标题" });
  await columns.getByLabel("“Writers”列读入的字段").selectOption({ label: "作者" });
  await columns.getByLabel("“Yr”列读入的字段").selectOption({ label: "年份" });
  await expect(columns).toContainText("对应关系已修改");
  await columns.getByRole("button", { name: "按此对应重新解析" }).click();

  await expect(page.getByText("2 条新文献", { exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "解析出的记录" });
  await expect(table.getByRole("row", { name: /数字治理与基层减负/ })).toContainText("王小明 · 2023");
  await expect(columns.getByLabel("“Heading”列读入的字段")).toHaveValue("title");
  await page.getByRole("button", { name: "导入所选 2 条" }).click();

  await expect(page).toHaveURL(/\/library\?imported=2$/);
  const library = page.getByRole("table", { name: "文献库" });
  await expect(library.getByRole("row", { name: /Governance of resilient cities/ })).toContainText("Smith, John");
});
