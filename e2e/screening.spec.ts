import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario } from "./support/scenario";

/** Votes on the item on screen; `last` when it is the voter's last item, so the desk shows it is done instead. */
async function vote(page: Page, choice: "纳入" | "排除" | "待定", reason?: string, last = false) {
  if (reason) await page.getByLabel("排除理由").selectOption({ label: reason });
  await page.getByRole("button", { name: new RegExp(`^${choice}`) }).click();
  await expect(
    last
      ? page.getByText("没有等待您投票的文献了。")
      : page.getByRole("status").filter({ hasText: "已记录您的投票。" }),
  ).toBeVisible();
}

test("two members screen blind; agreement moves the item on, disagreement goes to the owner", async ({ browser }) => {
  // Two signed-in browsers and a dozen round trips: on a loaded two-core runner this journey needs more than 30 s.
  test.setTimeout(90_000);
  const scenario = await createScenario("盲筛", {
    members: { member: "EDITOR" },
    items: ["甲：一致纳入的文献", "乙：意见不一的文献"],
    screeningVotesRequired: 2,
  });
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const memberContext = await browser.newContext({ storageState: storageStateOf("member") });
  const owner = await ownerContext.newPage();
  const member = await memberContext.newPage();

  // The owner votes first on both items.
  await owner.goto(scenario.url("screening"));
  await expect(owner.getByRole("heading", { name: "甲：一致纳入的文献" })).toBeVisible();
  await vote(owner, "纳入");
  await expect(owner.getByRole("heading", { name: "乙：意见不一的文献" })).toBeVisible();
  await owner.keyboard.press("i"); // the shortcut does what the button does
  await expect(owner.getByText("没有等待您投票的文献了。")).toBeVisible();

  // The member sees the item, the vote count, but not how the owner voted.
  await member.goto(scenario.url("screening"));
  await expect(member.getByRole("heading", { name: "甲：一致纳入的文献" })).toBeVisible();
  await expect(member.getByText("已收到 1/2 票")).toBeVisible();
  await expect(member.getByText("盲审：在本篇收齐 2 票之前，您看不到其他成员的投票。")).toBeVisible();
  await expect(member.getByText(/林老师/)).toHaveCount(0);
  await vote(member, "纳入");

  // Excluding needs a reason, on the client and on the server.
  await expect(member.getByRole("heading", { name: "乙：意见不一的文献" })).toBeVisible();
  await member.getByRole("button", { name: /^排除/ }).click();
  await expect(
    member.getByRole("alert").filter({ hasText: "排除文献时必须从排除理由列表中选择一个理由。" }),
  ).toBeVisible();
  await vote(member, "排除", "非学术文献", true);

  // After both votes, the first item is decided and everyone's votes are shown.
  await member.getByRole("link", { name: "甲：一致纳入的文献" }).click();
  await expect(member.getByText("已有结论：纳入")).toBeVisible();
  await expect(member.getByRole("region", { name: "全部投票" })).toContainText("林老师 (Owner): 纳入");
  await member.goto(scenario.url(`items/${scenario.itemIds[0]}`));
  await expect(member.getByRole("heading", { name: /状态: 待阅读/ })).toBeVisible();

  // The disagreement waits in the conflicts list; the owner rules and the ruling is recorded.
  await owner.goto(scenario.url("screening/conflicts"));
  await expect(owner.getByRole("link", { name: "分歧（1）" })).toBeVisible();
  const ruling = owner.getByRole("form", { name: "对「乙：意见不一的文献」的裁决" });
  await expect(owner.getByRole("list", { name: "对「乙：意见不一的文献」的各方投票与理由" })).toContainText(
    "陈同学 (Member): 排除 · 非学术文献",
  );
  await ruling.getByLabel("排除", { exact: true }).check();
  await ruling.getByLabel("排除理由").selectOption({ label: "非学术文献" });
  await ruling.getByLabel("裁决说明（可选）").fill("会议通知，不是论文");
  await ruling.getByRole("button", { name: "保存裁决" }).click();
  await expect(owner.getByText("目前没有分歧。")).toBeVisible();
  await expect(owner.getByRole("region", { name: "已裁决" })).toContainText("林老师 (Owner) 于");
  await expect(owner.getByRole("region", { name: "已裁决" })).toContainText("会议通知，不是论文");

  // The PRISMA diagram counts what happened, and downloads as a standalone SVG.
  await owner.getByRole("link", { name: "PRISMA 流程图" }).click();
  const table = owner.getByRole("table", { name: "流程图数据" });
  await expect(table.getByRole("row", { name: /^识别的记录/ })).toContainText("2");
  await expect(table.getByRole("row", { name: /^已筛选的记录/ })).toContainText("2");
  await expect(table.getByRole("row", { name: /^筛选时排除的记录/ })).toContainText("1");
  await expect(table.getByRole("row", { name: /^纳入综述的研究/ })).toContainText("1");
  await expect(owner.getByRole("img", { name: "PRISMA 2020 流程图" })).toBeVisible();
  const [download] = await Promise.all([
    owner.waitForEvent("download"),
    owner.getByRole("link", { name: "下载 SVG" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("prisma-flow.svg");
  const svg = await readFile((await download.path())!, "utf8");
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain("非学术文献: 1");
  await Promise.all([ownerContext.close(), memberContext.close()]);
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees screening progress but no vote buttons", async ({ page }) => {
    const scenario = await createScenario("只读筛选", { members: { viewer: "VIEWER" }, items: ["某篇文献"] });
    await page.goto(scenario.url("screening"));
    await expect(page.getByText("您以只读成员身份查看筛选进度；只有负责人和编辑可以投票。")).toBeVisible();
    await expect(page.getByRole("button", { name: /^纳入|^排除|^待定/ })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "筛选进度" })).toContainText("未筛选");
  });
});
