import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { toast } from "./support/toast";
import { createScenario, demoReviewPath, e2eDatabase } from "./support/scenario";
import { selectText } from "./support/select-text";

/** A review of its own holding the seeded resilience paper's real text, so coding it disturbs no other spec. */
async function scenarioWithSeededPaper(label: string) {
  const scenario = await createScenario(label, {
    members: { member: "EDITOR" },
    items: ["党建引领基层韧性治理的行动逻辑与实践样本"],
  });
  const db = e2eDatabase();
  const seeded = await db.reviewItem.findFirstOrThrow({
    where: { titleZh: "党建引领基层韧性治理的行动逻辑与实践样本", review: { seedKey: { not: null } } },
    select: { fullText: true, abstractZh: true, year: true },
  });
  await db.reviewItem.update({
    where: { id: scenario.itemIds[0] },
    data: { fullText: seeded.fullText, abstractZh: seeded.abstractZh, year: 2025 },
  });
  await db.itemAuthor.create({
    data: { itemId: scenario.itemIds[0]!, position: 0, nameZh: "孙肖远", affiliations: [] },
  });
  return { scenario, fullText: seeded.fullText! };
}

test.describe("codebook and passage coding", () => {
  test.use({ storageState: storageStateOf("member") });

  test("an editor builds the codebook, codes Chinese passages, and finds them in the matrix and on the theme page", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const { scenario, fullText } = await scenarioWithSeededPaper("编码");
    await page.goto(scenario.url("themes"));
    await expect(page.getByRole("heading", { level: 1, name: "编码本" })).toBeVisible();
    const newTheme = page.getByRole("form", { name: "创建主题" });
    await newTheme.getByLabel("中文名称").fill("韧性治理");
    await newTheme.getByLabel("英文名称").fill("Resilient governance");
    await newTheme.getByLabel("定义（中文）").fill("基层在风险冲击下维持与恢复功能的能力");
    await newTheme.getByRole("button", { name: "创建主题" }).click();
    await expect(page.getByRole("link", { name: "韧性治理" })).toBeVisible();
    await expect(newTheme.getByLabel("中文名称")).toHaveValue("");
    await newTheme.getByLabel("中文名称").fill("组织动员");
    await newTheme.getByRole("button", { name: "创建主题" }).click();
    await expect(page.getByRole("link", { name: "组织动员" })).toBeVisible();
    // A name already taken is refused, whatever its case or language.
    await newTheme.getByLabel("中文名称").fill("新主题");
    await newTheme.getByLabel("英文名称").fill("resilient GOVERNANCE");
    await newTheme.getByRole("button", { name: "创建主题" }).click();
    await expect(newTheme.getByRole("alert")).toContainText("已有同名的条目");
    await expect(newTheme.getByLabel("中文名称")).toHaveValue("新主题");

    // Code a phrase of the seeded paper's full text.
    const phrase = fullText.match(/韧性[^，。\n]{4,16}/)![0];
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    const body = page.getByRole("region", { name: "全文" });
    await selectText(body, phrase);
    await body.getByRole("button", { name: "为所选文字编码 · 全文" }).click();
    // The form opens in a popover beside the selection, outside the text's region.
    const form = page.getByRole("form", { name: "为所选文字编码" });
    await form.getByRole("button", { name: "保存编码" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "请至少选择一个主题。" })).toBeVisible();
    await form.getByRole("option", { name: "韧性治理" }).click();
    await form.getByLabel("备忘（可选）").fill("核心概念");
    await form.getByRole("button", { name: "保存编码" }).click();
    await expect(body.getByText("已编码。")).toBeVisible();
    await expect(body.locator("mark", { hasText: phrase })).toHaveAttribute("title", "已编码：韧性治理");
    const entry = body.getByRole("listitem").filter({ hasText: `「${phrase}」` });
    await expect(entry).toContainText("陈同学 (Member)");
    await expect(entry).toContainText("核心概念");

    // A passage across two paragraphs, with two themes.
    const paragraphs = fullText.split("\n").filter((line) => line.length > 12);
    const tail = paragraphs[1]!.slice(-6);
    const head = paragraphs[2]!.slice(0, 6);
    await selectText(body, tail, head);
    await body.getByRole("button", { name: "为所选文字编码 · 全文" }).click();
    await form.getByRole("option", { name: "韧性治理" }).click();
    await form.getByRole("option", { name: "组织动员" }).click();
    await expect(form.getByRole("option", { selected: true })).toHaveCount(2);
    await form.getByRole("button", { name: "保存编码" }).click();
    await expect(body.getByText("全文中的编码（2）")).toBeVisible();
    const stored = await e2eDatabase().coding.findMany({
      where: { itemId: scenario.itemIds[0] },
      orderBy: { start: "asc" },
    });
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(stored.map((coding) => squeeze(coding.quote))).toContain(squeeze(tail + head));
    expect(stored.some((coding) => coding.quote.includes("\n"))).toBe(true);

    // The matrix counts both; its cell opens the passages.
    await page.getByRole("navigation", { name: "综述导航" }).getByRole("link", { name: "矩阵" }).click();
    const cell = page.getByRole("link", { name: /^韧性治理 × 党建引领基层韧性治理的行动逻辑与实践样本：2 处编码/ });
    await expect(cell).toBeVisible();
    await cell.click();
    const passages = page.getByRole("region", {
      name: /「韧性治理」在《党建引领基层韧性治理的行动逻辑与实践样本》中的段落/,
    });
    await expect(passages).toContainText(phrase);
    const csv = await page.request.get(scenario.url("matrix/matrix.csv"));
    expect(await csv.text()).toContain("孙肖远 (2025),2,1");

    // The theme page: definition, then the passages grouped by paper with their citation.
    await page.goto(scenario.url("themes"));
    await page.getByRole("link", { name: "韧性治理" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "韧性治理" })).toBeVisible();
    await expect(page.getByText("基层在风险冲击下维持与恢复功能的能力")).toBeVisible();
    const paper = page.getByRole("region", { name: "党建引领基层韧性治理的行动逻辑与实践样本" });
    await expect(paper).toContainText("孙肖远 (2025)");
    await expect(paper.getByRole("blockquote").first()).toContainText(phrase);
    await paper.getByRole("link", { name: "在原文中查看 →" }).first().click();
    await expect(page).toHaveURL(/#passage-/);
    await expect(page.getByRole("region", { name: "全文" }).locator("mark", { hasText: phrase })).toBeInViewport();
  });

  test("merging moves the codings; the codebook goes out and comes back as CSV and REFI-QDA", async ({ page }) => {
    const { scenario } = await scenarioWithSeededPaper("合并");
    const db = e2eDatabase();
    const [, drop] = await Promise.all(
      [
        ["基层韧性", "#0f766e"],
        ["社区韧性", "#b45309"],
      ].map(([nameZh, color]) =>
        db.theme.create({ data: { reviewId: scenario.reviewId, nameZh: nameZh!, color: color! } }),
      ),
    );
    await db.itemTheme.create({ data: { itemId: scenario.itemIds[0]!, themeId: drop!.id } });
    await page.goto(scenario.url("themes"));
    await page.getByLabel("把「社区韧性」合并到").selectOption({ label: "基层韧性" });
    await page
      .getByRole("listitem")
      .filter({ has: page.getByLabel("把「社区韧性」合并到") })
      .getByRole("button", { name: "合并", exact: true })
      .click();
    await page
      .getByRole("alertdialog", { name: /^合并后「社区韧性」/ })
      .getByRole("button", { name: "合并" })
      .click();
    await expect(page.getByText("已合并到「基层韧性」")).toBeVisible();
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await expect(page.getByRole("button", { name: "移除主题「基层韧性」" })).toBeVisible();

    const qdc = await (await page.request.get(scenario.url("themes/codebook.qdc"))).text();
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(qdc).toContain('name="基层韧性"');
    expect(qdc).not.toContain('name="社区韧性"');

    await page.goto(scenario.url("themes"));
    const upload = page.getByLabel("导入编码本文件（.csv 或 .qdc）");
    await upload.setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name_zh,color\n网格治理,#12345\n,#123456\n", "utf8"),
    });
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "编码本文件有问题，未导入任何内容。" })).toBeVisible();
    await expect(page.getByText("第 2 行：颜色应写成 #rrggbb，例如 #0f766e。")).toBeVisible();
    await expect(page.getByText("第 3 行：中文名称（name_zh）为空。")).toBeVisible();

    await upload.setInputFiles({
      name: "codebook.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("\uFEFFname_zh,name_en,parent_name_zh\r\n网格治理,Grid governance,基层韧性\r\n", "utf8"),
    });
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByText("已导入：新建 1 个、更新 0 个主题。")).toBeVisible();
    await expect(page.getByRole("link", { name: "网格治理" })).toBeVisible();
  });

  test("a viewer reads codings but cannot code", async ({ browser }) => {
    const { scenario } = await scenarioWithSeededPaper("只读编码");
    await e2eDatabase().membership.create({
      data: { reviewId: scenario.reviewId, userId: scenario.userIds.viewer, role: "VIEWER" },
    });
    const context = await browser.newContext({ storageState: storageStateOf("viewer") });
    const page = await context.newPage();
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await expect(page.getByRole("region", { name: "全文" })).toBeVisible();
    await expect(page.getByRole("button", { name: /为所选文字编码/ })).toHaveCount(0);
    await page.goto(scenario.url("themes"));
    await expect(page.getByRole("form", { name: "创建主题" })).toHaveCount(0);
    await context.close();
  });
});

test("the seeded review's codebook is there on first start", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("owner") });
  const page = await context.newPage();
  await page.goto(await demoReviewPath("themes"));
  for (const name of ["韧性治理", "城乡融合", "跨域治理", "党建引领", "区域化党建", "协同治理"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await context.close();
});

test.describe("themes beyond the item page", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("the board tags and untags cards and filters by theme", async ({ page }) => {
    const scenario = await createScenario("看板主题", { items: ["甲篇", "乙篇"] });
    await e2eDatabase().theme.create({ data: { reviewId: scenario.reviewId, nameZh: "网格治理", color: "#4d7c0f" } });
    await page.goto(scenario.url("board"));
    await page.getByLabel("「甲篇」的主题…").selectOption({ label: "＋ 网格治理" });
    await expect(toast(page, "已为「甲篇」添加主题「网格治理」。")).toBeVisible();
    await page.getByLabel("按主题筛选").selectOption({ label: "网格治理" });
    await page.getByRole("button", { name: "应用筛选" }).click();
    const column = page.getByRole("region", { name: "待筛选列" });
    await expect(column.getByRole("link", { name: "甲篇" })).toBeVisible();
    await expect(column.getByRole("link", { name: "乙篇" })).toHaveCount(0);
    await page.getByLabel("「甲篇」的主题…").selectOption({ label: "－ 网格治理" });
    await expect(toast(page, "已从「甲篇」移除主题「网格治理」。")).toBeVisible();
    await page.reload();
    await expect(column.getByRole("link", { name: "甲篇" })).toHaveCount(0);
  });

  test("two coders compared: shared and single passages and Cohen's kappa", async ({ page }) => {
    const scenario = await createScenario("编码者比较", {
      members: { member: "EDITOR" },
      items: ["甲篇", "乙篇", "丙篇"],
    });
    const db = e2eDatabase();
    const theme = await db.theme.create({
      data: { reviewId: scenario.reviewId, nameZh: "网格治理", color: "#4d7c0f" },
    });
    const other = await db.theme.create({ data: { reviewId: scenario.reviewId, nameZh: "其他", color: "#1d4ed8" } });
    const text = "网格员走访入户，收集居民诉求。";
    const code = (itemId: string, userId: string, start: number, end: number, themeId: string) =>
      db.coding.create({
        data: {
          reviewId: scenario.reviewId,
          itemId,
          field: "FULL_TEXT",
          start,
          end,
          quote: text.slice(start, end),
          prefix: "",
          suffix: "",
          createdById: userId,
          themes: { create: [{ themeId }] },
        },
      });
    for (const itemId of scenario.itemIds) {
      await db.reviewItem.update({ where: { id: itemId }, data: { fullText: text } });
    }
    const [a, b, c] = scenario.itemIds as [string, string, string];
    await code(a, scenario.userIds.owner, 0, 5, theme.id);
    await code(a, scenario.userIds.member, 2, 7, theme.id);
    await code(b, scenario.userIds.owner, 8, 14, theme.id);
    await code(b, scenario.userIds.member, 0, 3, other.id);
    await code(c, scenario.userIds.owner, 0, 3, other.id);
    await code(c, scenario.userIds.member, 0, 3, other.id);

    await page.goto(scenario.url("themes"));
    await page.getByRole("link", { name: "比较两位编码者 →" }).click();
    await page.getByRole("combobox", { name: "主题", exact: true }).selectOption({ label: "网格治理" });
    await page.getByLabel("编码者 A").selectOption({ label: "林老师 (Owner)" });
    await page.getByLabel("编码者 B").selectOption({ label: "陈同学 (Member)" });
    await page.getByRole("button", { name: "比较" }).click();
    // Owner yes/yes/no, member yes/no/no over three papers: agreement 2/3, kappa 0.40.
    await expect(page.getByText("κ = 0.40")).toBeVisible();
    await expect(page.getByText("一致率 67%，基于 3 篇两人都编码过的文献")).toBeVisible();
    await expect(page.getByRole("region", { name: "两人都编码（1）" })).toContainText("网格员走访");
    await expect(page.getByRole("region", { name: "仅 林老师 (Owner) 编码（1）" })).toContainText("收集居民诉求");
  });
});

test.describe("in English", () => {
  test.use({ storageState: storageStateOf("member") });

  test("the codebook, the reader and the matrix read naturally", async ({ page, context, baseURL }) => {
    const { scenario, fullText } = await scenarioWithSeededPaper("English coding");
    await e2eDatabase().theme.create({
      data: { reviewId: scenario.reviewId, nameZh: "韧性治理", nameEn: "Resilient governance", color: "#c2410c" },
    });
    await context.addCookies([{ name: "huitong-locale", value: "en", url: baseURL! }]);
    await page.goto(scenario.url("themes"));
    await expect(page.getByRole("heading", { level: 1, name: "Codebook" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Export REFI-QDA (.qdc)" })).toBeVisible();

    const phrase = fullText.match(/基层[^，。\n]{4,12}/)![0];
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    const body = page.getByRole("region", { name: "Full text" });
    await selectText(body, phrase);
    await body.getByRole("button", { name: "Code the selection · Full text" }).click();
    await page
      .getByRole("form", { name: "Code the selection" })
      .getByRole("option", { name: "Resilient governance" })
      .click();
    await page.getByRole("button", { name: "Save coding" }).click();
    await expect(body.getByText("Full text: codings (1)")).toBeVisible();

    await page.goto(scenario.url("matrix"));
    await expect(page.getByRole("heading", { level: 1, name: "Themes × papers" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Resilient governance × .*: passages coded 1/ })).toBeVisible();
  });
});
