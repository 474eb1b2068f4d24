// Item types end to end: a thesis added by hand with its institution and supervisor, found by the library's
// type filter, cited as [D] in the synthesis; a reference missing what its type needs is flagged with a link
// to fix it, and the synthesis export warns before writing it.
import { expect, test } from "@playwright/test";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { caretToEnd, expectSaved, sectionEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";

test.use({ storageState: storageStateOf("owner"), locale: "zh-CN" });

const THESIS = "面向中文信息处理的现代汉语并列结构研究";
const BARE = "党建引领基层治理的实践样本";

test("a thesis added by hand is filtered by type and cited as [D]; an incomplete reference is flagged", async ({
  page,
}) => {
  test.setTimeout(120_000); // a build-cold editor on a two-core runner
  const scenario = await createScenario("类型", { items: [BARE] });

  // Add a thesis: the form shows the thesis's own fields once the type is chosen.
  await page.goto(scenario.url("library"));
  await page.getByRole("link", { name: "添加文献" }).click();
  await expect(page.getByLabel("期刊（中文）")).toBeVisible();
  await page.getByLabel("文献类型").selectOption({ label: "学位论文" });
  await expect(page.getByLabel("期刊（中文）")).toHaveCount(0);
  await page.getByLabel("中文标题").fill(THESIS);
  await page.getByRole("button", { name: "添加作者" }).click();
  await page.getByLabel("作者 1 中文姓名").fill("吴云芳");
  await page.getByLabel("授予单位").fill("北京大学");
  await page.getByLabel("出版地").fill("北京");
  await page.getByLabel("学位").fill("博士学位论文");
  await page.getByLabel("年份").fill("2003");
  await page.getByRole("button", { name: "添加导师" }).click();
  await page.getByLabel("导师 1的中文姓名").fill("俞士汶");
  await page.getByRole("button", { name: "添加文献" }).click();

  await expect(page.getByRole("heading", { level: 1, name: THESIS })).toBeVisible();
  const metadata = page.getByRole("complementary", { name: "元数据" });
  await expect(metadata).toContainText("学位论文");
  await expect(metadata).toContainText("北京大学");
  await expect(metadata).toContainText("博士学位论文");
  const people = page.getByRole("region", { name: "作者" });
  await expect(people).toContainText("吴云芳");
  await expect(people).toContainText("导师");
  await expect(people).toContainText("俞士汶");
  // A thesis has no journal, so none is reported missing; nothing its citation needs is missing either.
  await expect(page.getByText(/不完整：缺少/)).toHaveCount(0);

  // The library filters by type and shows it.
  await page.goto(scenario.url("library"));
  await page.getByLabel("文献类型").selectOption({ label: "学位论文" });
  await expect(page).toHaveURL(/type=THESIS/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // header + the thesis
  await expect(rows.nth(1)).toContainText(THESIS);
  await expect(rows.nth(1)).toContainText("学位论文");
  await expect(rows.nth(1)).toContainText("北京大学");

  // Cite the thesis and the bare item in the synthesis (both included at screening, so no screening warning).
  await e2eDatabase().reviewItem.updateMany({
    where: { reviewId: scenario.reviewId },
    data: { screeningState: "INCLUDED" },
  });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "文献",
  });
  await page.goto(scenario.url(`synthesis/${sectionId}`));
  await expect(sectionEditor(page)).toBeVisible({ timeout: 30_000 });
  await expectSaved(page);
  await caretToEnd(page);
  await page.keyboard.type("并列结构@吴云芳");
  const suggestions = page.getByRole("listbox", { name: "引用建议" });
  await expect(suggestions.getByRole("option", { name: new RegExp(THESIS) })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type("；基层治理@党建引领");
  await expect(suggestions.getByRole("option", { name: new RegExp(BARE) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(sectionEditor(page)).toContainText("并列结构[1]；基层治理[2]");
  await expectSaved(page);

  const bibliography = page.getByRole("list", { name: "参考文献" });
  const entries = bibliography.getByRole("listitem");
  await expect(entries.first()).toHaveText(`[1] 吴云芳. ${THESIS}[D]. 北京: 北京大学, 2003.`);
  await expect(entries.nth(1)).toContainText(`[2] ${BARE}[J].`);
  await expect(entries.nth(1)).toContainText("不完整：缺少作者、所载出版物、年份、卷或期、页码");
  await expect(page.getByText("1 条参考文献不完整")).toBeVisible();

  // The synthesis page flags it too; its export warns before writing and can still go ahead.
  await page.getByRole("link", { name: "全部章节" }).first().click();
  const listed = page.getByRole("list", { name: "参考文献" }).getByRole("listitem");
  await expect(listed.nth(1)).toContainText("不完整：缺少作者");
  await page.getByRole("link", { name: "导出 Word（.docx）" }).click();
  const warning = page.getByRole("dialog", { name: "导出 Word（.docx）" });
  await expect(warning.getByRole("alert")).toHaveText("1 条参考文献不完整，导出的参考文献表中这些条目会缺少著录项。");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    warning.getByRole("link", { name: "仍然导出" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);

  // "补全" opens the incomplete item's edit form.
  await listed.nth(1).getByRole("link", { name: /补全/ }).click();
  await expect(page).toHaveURL(new RegExp(`/items/${scenario.itemIds[0]}/edit$`));
  await expect(page.getByLabel("中文标题")).toHaveValue(BARE);
});
