import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

test.describe("adding and editing items", () => {
  test.use({ storageState: storageStateOf("member") });

  test("an editor adds an item by hand and edits every kind of field", async ({ page }) => {
    const scenario = await createScenario("添加", { members: { member: "EDITOR" } });
    await page.goto(scenario.url("library"));
    await page.getByRole("link", { name: "添加文献" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "添加文献" })).toBeVisible();

    // Nothing without a title: the form says which field and keeps what was typed.
    await page.getByLabel("年份").fill("20201");
    await page.getByRole("button", { name: "添加文献" }).click();
    await expect(page.getByText("请至少填写一种语言的标题。")).toBeVisible();
    await expect(page.getByText("年份应为 1000 到 2100 之间的整数。")).toBeVisible();
    await expect(page.getByLabel("年份")).toHaveValue("20201");

    await page.getByLabel("中文标题").fill("数字乡村建设中的基层韧性");
    await page.getByLabel("年份").fill("2023");
    await page.getByRole("button", { name: "添加作者" }).click();
    await page.getByLabel("作者 1 中文姓名").fill("王小明");
    await page.getByLabel("作者 1 单位（每行一个）").fill("某某大学公共管理学院\n乡村治理研究中心");
    await page.getByLabel("作者 1 为通讯作者").check();
    await page.getByLabel("期刊（中文）").fill("中国行政管理");
    await page.getByLabel("中文关键词").fill("数字乡村；基层韧性、治理");
    await page.getByLabel("DOI").fill("https://doi.org/10.1234/szxc.2023");
    await page.getByRole("button", { name: "添加文献" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "数字乡村建设中的基层韧性" })).toBeVisible();
    await expect(page.getByText("某某大学公共管理学院；乡村治理研究中心")).toBeVisible();
    await expect(page.getByText("10.1234/szxc.2023", { exact: true })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: /^基层韧性$/ })).toBeVisible();
    await expect(page.getByText("手动添加")).toBeVisible();

    await page.getByRole("link", { name: "编辑元数据" }).click();
    await page.getByLabel("英文标题").fill("Grassroots resilience in digital village building");
    await page.getByRole("button", { name: "添加作者" }).click();
    await page.getByLabel("作者 2 中文姓名").fill("李华");
    await page.getByRole("button", { name: "上移作者 2" }).click();
    await page.getByLabel("收稿").fill("2023-03-15");
    await page.getByLabel("出版", { exact: true }).fill("2023-01-01");
    await page.getByLabel("其他标识符").fill("ISSN: 1006-0863");
    await page.getByRole("button", { name: "保存修改" }).click();
    // Received after published: refused, reported at the received date, nothing typed is lost.
    await expect(page.getByText("收稿日期不能晚于出版或上线日期。")).toBeVisible();
    await expect(page.getByLabel("英文标题")).toHaveValue("Grassroots resilience in digital village building");
    await page.getByLabel("出版", { exact: true }).fill("");
    await page.getByRole("button", { name: "保存修改" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "数字乡村建设中的基层韧性" })).toBeVisible();
    await expect(page.getByText("Grassroots resilience in digital village building")).toBeVisible();
    const authors = page.getByRole("region", { name: "作者" }).getByRole("listitem");
    await expect(authors.first()).toContainText("李华");
    await expect(authors.nth(1)).toContainText("王小明");
    await expect(page.getByText("ISSN: 1006-0863")).toBeVisible();
    await expect(page.getByText("2023-03-15")).toBeVisible();

    await page.goto(scenario.url("activity"));
    await expect(page.getByText(/修改了文献元数据：英文标题、作者、其他标识符、日期/)).toBeVisible();
  });

  test("two people save the same item: the second sees both versions side by side and merges", async ({ browser }) => {
    const scenario = await createScenario("冲突", { members: { member: "EDITOR" }, items: ["同时编辑的文献"] });
    const editPath = scenario.url(`items/${scenario.itemIds[0]}/edit`);
    const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
    const memberContext = await browser.newContext({ storageState: storageStateOf("member") });
    const owner = await ownerContext.newPage();
    const member = await memberContext.newPage();
    await owner.goto(editPath);
    await member.goto(editPath);

    await owner.getByLabel("年份").fill("2021");
    await owner.getByLabel("页码").fill("10-20");
    await owner.getByRole("button", { name: "保存修改" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "同时编辑的文献" })).toBeVisible();

    await member.getByLabel("年份").fill("2022");
    await member.getByLabel("中文摘要").fill("成员写的摘要");
    await member.getByRole("button", { name: "保存修改" }).click();

    const conflict = member.getByRole("region", { name: /在你编辑期间保存了这篇文献/ });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole("heading")).toContainText("林老师");
    const yearRow = conflict.getByRole("row", { name: /年份/ });
    await expect(yearRow).toContainText("双方都修改了");
    await expect(yearRow).toContainText("2021");
    await expect(yearRow).toContainText("2022");
    await expect(conflict.getByRole("row", { name: /页码/ })).toContainText("仅对方修改");
    // Nothing was overwritten: the stored year is still the owner's.
    const stored = await e2eDatabase().reviewItem.findUniqueOrThrow({ where: { id: scenario.itemIds[0] } });
    expect([stored.year, stored.pages, stored.abstractZh]).toEqual([2021, "10-20", null]);

    await yearRow.getByRole("radio", { name: "采用对方的" }).check();
    await conflict.getByRole("button", { name: "保存合并结果" }).click();
    await expect(member.getByRole("heading", { level: 1, name: "同时编辑的文献" })).toBeVisible();
    const merged = await e2eDatabase().reviewItem.findUniqueOrThrow({ where: { id: scenario.itemIds[0] } });
    expect([merged.year, merged.pages, merged.abstractZh]).toEqual([2021, "10-20", "成员写的摘要"]);

    await ownerContext.close();
    await memberContext.close();
  });
});

test.describe("the trash", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("an item goes to the trash as a duplicate, counts in PRISMA, and comes back", async ({ page }) => {
    const scenario = await createScenario("回收站", { items: ["基层党建引领社区治理", "基层党建引领社区治理。"] });
    await page.goto(scenario.url(`items/${scenario.itemIds[1]}`));
    await page.getByRole("button", { name: "移入回收站" }).click();
    const dialog = page.getByRole("dialog", { name: /移入回收站？/ });
    await dialog.getByRole("radio", { name: /重复项/ }).check();
    await dialog.getByLabel("重复于").selectOption({ index: 1 });
    await expect(dialog.getByLabel("重复于")).toHaveValue(scenario.itemIds[0]!);
    await dialog.getByRole("button", { name: "移入回收站" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "文献库" })).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: "已将「基层党建引领社区治理。」移入回收站。" }),
    ).toBeVisible();
    await expect(page.getByText("共 1 篇")).toBeVisible();

    await page.goto(scenario.url("screening/prisma"));
    await expect(page.getByRole("img", { name: /PRISMA/ })).toContainText(/筛选前移除的重复记录\s*n = 1/);

    await page.goto(scenario.url("trash"));
    const row = page.getByRole("row", { name: /基层党建引领社区治理。/ });
    await expect(row).toContainText("林老师");
    await expect(row.getByRole("link", { name: "基层党建引领社区治理", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "恢复「基层党建引领社区治理。」" }).click();
    await expect(page.getByText("回收站是空的。")).toBeVisible();
    await page.goto(scenario.url("library"));
    await expect(page.getByText("共 2 篇")).toBeVisible();
  });

  test("the undo in the library's notice restores the item", async ({ page }) => {
    const scenario = await createScenario("撤销删除", { items: ["误删的文献"] });
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await page.getByRole("button", { name: "移入回收站" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "移入回收站" }).click();
    await expect(page.getByText("该综述还没有文献。")).toBeVisible();
    await page.getByRole("button", { name: "撤销" }).click();
    await expect(page.getByRole("link", { name: "误删的文献" })).toBeVisible();
  });

  test("a viewer sees neither edit nor trash, and the edit page says why", async ({ browser, baseURL }) => {
    const scenario = await createScenario("只读", { members: { viewer: "VIEWER" }, items: ["只读文献"] });
    const context = await browser.newContext({ storageState: storageStateOf("viewer") });
    const page = await context.newPage();
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await expect(page.getByRole("heading", { level: 1, name: "只读文献" })).toBeVisible();
    await expect(page.getByRole("link", { name: "编辑元数据" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "移入回收站" })).toHaveCount(0);
    // The edit page tells a viewer why there is nothing to edit; the save itself is refused on the server.
    await page.goto(`${baseURL}${scenario.url(`items/${scenario.itemIds[0]}/edit`)}`);
    await expect(page.getByText("您以只读成员身份查看，不能修改此文献。")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存修改" })).toHaveCount(0);
    await context.close();
  });
});

test.describe("in English", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("the form and its messages read naturally", async ({ page, context, baseURL }) => {
    const scenario = await createScenario("English form");
    await context.addCookies([{ name: "huitong-locale", value: "en", url: baseURL! }]);
    await page.goto(scenario.url("items/new"));
    await expect(page.getByRole("heading", { level: 1, name: "Add an item" })).toBeVisible();
    await page.getByLabel("DOI").fill("doi is missing");
    await page.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByText("Enter a title in at least one language.")).toBeVisible();
    await expect(page.getByText("A DOI looks like 10.xxxx/…")).toBeVisible();
    await page.getByLabel("English title").fill("Village governance after the reform");
    await page.getByLabel("DOI").fill("");
    await page.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Village governance after the reform" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit metadata" })).toBeVisible();
  });
});
