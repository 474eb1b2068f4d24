import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { toast } from "./support/toast";
import { createScenario } from "./support/scenario";

test.describe("owner", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("drags a card to another column; the move is an ordinary stage change", async ({ page }) => {
    const scenario = await createScenario("看板", { items: ["拖动的文献", "留下的文献"] });
    await page.goto(scenario.url("board"));
    const toScreen = page.getByRole("region", { name: "待筛选列" });
    const reading = page.getByRole("region", { name: "阅读中列" });
    await expect(toScreen).toContainText("2 篇");
    await toScreen.getByRole("listitem").filter({ hasText: "拖动的文献" }).dragTo(reading);
    // Done moves are said in a toast.
    await expect(toast(page, "已将「拖动的文献」移到「阅读中」。")).toBeVisible();
    await expect(reading).toContainText("1 篇");
    await expect(reading.getByRole("link", { name: "拖动的文献" })).toBeVisible();
    await page.goto(scenario.url(`items/${scenario.itemIds[0]}`));
    await expect(page.getByRole("list", { name: "状态记录" }).getByRole("listitem").first()).toContainText(
      "将状态从「待筛选」改为「阅读中」",
    );
  });

  test("moves with the keyboard menu; excluding asks for a reason", async ({ page }) => {
    const scenario = await createScenario("看板键盘", { items: ["用菜单移动的文献", "要排除的文献"] });
    await page.goto(scenario.url("board"));
    await page.getByLabel("将「用菜单移动的文献」移动到…").selectOption({ label: "待阅读" });
    await expect(
      page.getByRole("region", { name: "待阅读列" }).getByRole("link", { name: "用菜单移动的文献" }),
    ).toBeVisible();

    await page.getByLabel("将「要排除的文献」移动到…").selectOption({ label: "已排除" });
    const dialog = page.getByRole("dialog", { name: "排除「要排除的文献」" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("排除理由").selectOption({ label: "研究设计不符" });
    await dialog.getByRole("button", { name: "确认排除" }).click();
    await expect(
      page.getByRole("region", { name: "已排除列" }).getByRole("link", { name: "要排除的文献" }),
    ).toBeVisible();
    // The card moves at once; the confirmation says the server has stored it.
    await expect(toast(page, "「要排除的文献」")).toBeVisible();
    // The dialog gave focus back to the board (the card it was opened from has moved away).
    await expect(page.getByRole("region", { name: "看板各列" })).toBeFocused();
    await page.reload();
    await expect(page.getByRole("region", { name: "已排除列" })).toContainText("1 篇");
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees the board without move controls", async ({ page }) => {
    const scenario = await createScenario("只读看板", { members: { viewer: "VIEWER" }, items: ["某文献"] });
    await page.goto(scenario.url("board"));
    await expect(page.getByText("您以只读成员身份查看看板，不能移动卡片。")).toBeVisible();
    await expect(page.getByRole("combobox", { name: /移动到/ })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /的主题/ })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "按主题筛选" })).toBeVisible();
    await expect(page.getByRole("region", { name: "待筛选列" }).getByRole("listitem").first()).not.toHaveAttribute(
      "draggable",
      "true",
    );
  });
});
