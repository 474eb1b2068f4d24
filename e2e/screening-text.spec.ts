// Screening from the text (issue 19): the full text beside the card with the review's highlight words, Rayyan's
// keys, a second look before "no full text", rulings with no default; the board's assignees and scroll cue; and
// every main page usable on a 390 px phone.
import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";

const SHOTS = "test-results/screening-text";
const FULL_TEXT = [
  "摘要缺失时，正文仍然说明了研究的对象与方法。",
  "本文以三个社区为例，讨论基层治理中的韧性建设，并比较了网格化管理的经验。",
  "结论认为，韧性治理需要居民参与。",
].join("\n");

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("owner", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("screens a paper from its full text with the keyboard", async ({ page }) => {
    test.setTimeout(90_000);
    const scenario = await createScenario("全文筛选", {
      items: ["只有全文的论文", "第二篇论文"],
      screeningVotesRequired: 1,
    });
    await e2eDatabase().reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { fullText: FULL_TEXT } });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(scenario.url("screening"));
    await expect(page.getByRole("heading", { name: "只有全文的论文" })).toBeVisible();
    await expect(page.getByText("摘要缺失", { exact: true })).toBeVisible();

    // The review's highlight words, saved once for the team, are marked in the full text beside the card.
    await page.getByRole("button", { name: "编辑高亮词" }).click();
    await page.getByLabel("高亮词（全组共用）").fill("韧性、基层治理");
    // Typing "i" or "e" into a field votes nothing.
    await expect(page.getByText("已记录您的投票。")).toHaveCount(0);
    await page.getByRole("button", { name: "保存高亮词" }).click();
    await expect(page.getByText("已保存高亮词。")).toBeVisible();
    const fullText = page.getByRole("region", { name: "全文" });
    await expect(fullText.locator("mark", { hasText: "韧性" })).toHaveCount(2);
    await expect(fullText.locator("mark", { hasText: "基层治理" })).toHaveCount(1);
    await expect(page.getByRole("list", { name: "高亮词出现次数" })).toContainText("韧性 ×2");

    // "Full text unavailable" while a full text is stored asks first, in the app's own dialog.
    const reason = page.getByLabel("排除理由");
    await reason.selectOption({ label: "无法获取全文" });
    const confirm = page.getByRole("alertdialog", { name: "这篇文献已存储全文" });
    await expect(confirm).toContainText("「无法获取全文」");
    await shot(page, "confirm-no-full-text-1440");
    await confirm.getByRole("button", { name: "不用，先读全文" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(reason).toHaveValue("");

    // The shortcuts are on screen; ? opens their help, N moves on, → wraps back.
    await page.getByRole("heading", { name: "只有全文的论文" }).click();
    await page.keyboard.press("?");
    const help = page.getByRole("region", { name: "快捷键说明" });
    await expect(help).toContainText("下一篇（跳过本篇）");
    await shot(page, "screening-desk-1440");
    await page.keyboard.press("n");
    await expect(page.getByRole("heading", { name: "第二篇论文" })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("heading", { name: "只有全文的论文" })).toBeVisible();

    // E without a reason asks for one and puts the focus there; Enter in the list then excludes.
    await page.keyboard.press("e");
    await expect(page.getByRole("alert").filter({ hasText: "排除理由" })).toBeVisible();
    await expect(reason).toBeFocused();
    await reason.selectOption({ label: "主题不相关" });
    await reason.press("Enter");
    await expect(page.getByRole("heading", { name: "第二篇论文" })).toBeVisible();
    await page.keyboard.press("i");
    await expect(page.getByText("没有等待您投票的文献了。")).toBeVisible();
    const db = e2eDatabase();
    const states = await db.reviewItem.findMany({
      where: { id: { in: scenario.itemIds } },
      select: { titleZh: true, screeningState: true },
      orderBy: { titleZh: "asc" },
    });
    expect(Object.fromEntries(states.map((row) => [row.titleZh, row.screeningState]))).toEqual({
      只有全文的论文: "EXCLUDED",
      第二篇论文: "INCLUDED",
    });
  });

  test("a conflict ruling starts with no decision and shows every voter's reason", async ({ page }) => {
    const scenario = await createScenario("裁决理由", {
      members: { member: "EDITOR" },
      items: ["有分歧的论文"],
    });
    const db = e2eDatabase();
    const offTopic = await db.exclusionReason.findFirstOrThrow({
      where: { reviewId: scenario.reviewId, labelZh: "主题不相关" },
    });
    const itemId = scenario.itemIds[0]!;
    await db.screeningVote.createMany({
      data: [
        { itemId, userId: scenario.userIds.owner, choice: "EXCLUDE", reasonId: offTopic.id, note: "讨论的是企业" },
        { itemId, userId: scenario.userIds.member, choice: "MAYBE", note: "看不出研究对象" },
      ],
    });
    await db.reviewItem.update({ where: { id: itemId }, data: { screeningState: "CONFLICT" } });

    await page.goto(scenario.url("screening/conflicts"));
    const votes = page.getByRole("list", { name: "对「有分歧的论文」的各方投票与理由" });
    await expect(votes).toContainText("林老师 (Owner): 排除 · 主题不相关");
    await expect(votes).toContainText("讨论的是企业");
    await expect(votes).toContainText("陈同学 (Member): 待定");
    const ruling = page.getByRole("form", { name: "对「有分歧的论文」的裁决" });
    await expect(ruling.getByLabel("纳入", { exact: true })).not.toBeChecked();
    await expect(ruling.getByLabel("排除", { exact: true })).not.toBeChecked();
    await ruling.getByRole("button", { name: "保存裁决" }).click();
    await expect(ruling.getByRole("alert")).toContainText("请选择裁决：纳入或排除。");
    await ruling.getByLabel("排除", { exact: true }).check();
    await expect(ruling.getByLabel("排除理由")).toHaveValue(offTopic.id);
    await expect(ruling).toContainText("投票者一致给出的排除理由「主题不相关」已预先填入");
    await shot(page, "conflict-ruling-1440");
    await ruling.getByRole("button", { name: "保存裁决" }).click();
    await expect(page.getByText("目前没有分歧。")).toBeVisible();
    const decision = await db.screeningDecision.findUniqueOrThrow({ where: { itemId } });
    expect([decision.choice, decision.reasonId]).toEqual(["EXCLUDE", offTopic.id]);
  });

  test("citing an excluded or unscreened paper warns in the bibliography", async ({ page }) => {
    const scenario = await createScenario("引用警告", { items: ["已排除的论文", "未筛选的论文"] });
    const db = e2eDatabase();
    const [excluded, unscreened] = scenario.itemIds as [string, string];
    await db.reviewItem.update({ where: { id: excluded }, data: { screeningState: "EXCLUDED" } });
    const section = await db.synthesisSection.create({
      data: { reviewId: scenario.reviewId, title: "讨论", position: 0, createdById: scenario.userIds.owner },
    });
    const cite = (itemId: string) => ({ type: "citation", attrs: { itemId, locator: null } });
    // Only the stored JSON is read here (the overview never opens the live document).
    await db.sectionDocument.create({
      data: {
        sectionId: section.id,
        state: new Uint8Array(),
        content: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "两篇" }, cite(excluded), cite(unscreened)] }],
        },
        text: "两篇",
        citedItemIds: [excluded, unscreened],
      },
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(scenario.url("synthesis"));
    const bibliography = page.getByRole("list", { name: "参考文献" });
    await expect(bibliography.getByRole("listitem").filter({ hasText: "已排除的论文" })).toContainText(
      "此文献已在筛选中排除。",
    );
    await expect(bibliography.getByRole("listitem").filter({ hasText: "未筛选的论文" })).toContainText(
      "此文献尚未完成筛选。",
    );
    await expect(page.getByRole("note")).toContainText("有 2 篇被引用的文献已在筛选中排除或尚未筛选");
    await shot(page, "synthesis-warning-1440");
  });

  test("board cards show their assignees, and the board says more columns lie to the right", async ({ page }) => {
    const scenario = await createScenario("看板负责人", { members: { member: "EDITOR" }, items: ["分给陈同学的论文"] });
    await e2eDatabase().itemAssignment.create({
      data: { itemId: scenario.itemIds[0]!, userId: scenario.userIds.member, assignedById: scenario.userIds.owner },
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(scenario.url("board"));
    await expect(page.getByRole("list", { name: "「分给陈同学的论文」的负责人" })).toContainText("陈同学");
    const right = page.getByRole("button", { name: "向右滚动看板，查看更多列" });
    const left = page.getByRole("button", { name: "向左滚动看板" });
    await expect(right).toBeEnabled();
    await expect(left).toBeDisabled();
    await shot(page, "board-1440");
    await right.click();
    await expect(left).toBeEnabled();
    await expect(page.getByRole("region", { name: "已排除列" })).toBeInViewport();
  });
});

test.describe("phone", () => {
  test.use({ storageState: storageStateOf("owner"), viewport: { width: 390, height: 844 } });

  test("every main page fits a 390 px screen without sideways scrolling", async ({ page }) => {
    test.setTimeout(120_000);
    const scenario = await createScenario("手机布局", { items: ["一篇标题相当长的关于基层治理与韧性城市建设的论文"] });
    const db = e2eDatabase();
    await db.reviewItem.update({ where: { id: scenario.itemIds[0] }, data: { fullText: FULL_TEXT } });
    const section = await db.synthesisSection.create({
      data: { reviewId: scenario.reviewId, title: "引言", position: 0, createdById: scenario.userIds.owner },
    });
    const paths = [
      "screening",
      "library",
      `items/${scenario.itemIds[0]}`,
      "board",
      "synthesis",
      `synthesis/${section.id}`,
      "dashboard",
      "matrix",
    ];
    const overflowing: { path: string; width: number; culprits: string[] }[] = [];
    for (const path of paths) {
      await page.goto(scenario.url(path));
      await expect(page.locator("main")).toBeVisible();
      await page.waitForLoadState("networkidle");
      // The page's width, and (to say what to fix) the outermost elements that reach past the screen's edge.
      // The page's width and, to say what to fix, the chain of elements whose hiding brings it back to 390 px.
      const measured = await page.evaluate(() => {
        const width = () => document.documentElement.scrollWidth;
        const culprits: string[] = [];
        let node: Element = document.body;
        while (width() > 390) {
          const child = [...node.children].find((candidate) => {
            const element = candidate as HTMLElement;
            const before = element.style.display;
            element.style.display = "none";
            const fits = width() <= 390;
            element.style.display = before;
            return fits;
          });
          if (!child) break;
          culprits.push(`${child.tagName.toLowerCase()}.${String(child.className).slice(0, 60)}`);
          node = child;
        }
        return { width: width(), culprits: culprits.slice(-4) };
      });
      await shot(page, `${path.split("/")[0]}-390`);
      if (measured.width > 390) overflowing.push({ path, ...measured });
    }
    expect(overflowing).toEqual([]);
  });
});
