import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { refreshItemReferences } from "@/lib/references/sync";
import { DEMO_REVIEW_KEY } from "@/seeds/seed";
import { storageStateOf } from "./accounts";
import { createScenario, demoReviewPath, e2eDatabase } from "./support/scenario";

test.use({ storageState: storageStateOf("owner") });

const CITED_TITLE = "韧性治理:风险与应急管理的新路径";

/** An item of the scenario's review with this full text, its references parsed as the app does on save. */
async function addPaper(reviewId: string, stageId: string, titleZh: string, fullText: string) {
  const db = e2eDatabase();
  const item = await db.reviewItem.create({
    data: { reviewId, stageId, titleZh, sourceKind: "MANUAL", fullText },
    select: { id: true },
  });
  await db.$transaction((tx) => refreshItemReferences(tx, { id: item.id, reviewId, fullText }));
  return item.id;
}

test("the seeded paper with a reference list shows its parsed references", async ({ page }) => {
  await page.goto(await demoReviewPath("library"));
  await page
    .getByRole("table", { name: "文献库" })
    .getByRole("link", { name: /党建引领基层韧性治理的行动逻辑与实践样本/ })
    .click();
  const references = page.getByRole("region", { name: "参考文献" });
  await expect(references).toContainText("18 条");
  const entries = references.getByRole("listitem");
  await expect(entries).toHaveCount(18);
  await expect(entries.first()).toContainText("[1]");
  await expect(entries.first()).toContainText("期刊");
  await expect(entries.first()).toContainText("朱正威，刘莹莹");
  await expect(entries.first()).toContainText(CITED_TITLE);
  await expect(entries.first()).toContainText("行政论坛 · 2020 · 27(05) · 81-87");
  await expect(entries.last()).toContainText("[22]");
  await expect(entries.last()).toContainText("领导科学论坛");
  await expect(references.getByRole("button", { name: `将参考文献「${CITED_TITLE}」添加到综述` })).toBeVisible();
});

test("a reference cited by two items is marked, and adding it makes an item of the review in one action", async ({
  page,
}) => {
  const scenario = await createScenario("参考文献");
  const db = e2eDatabase();
  const seeded = await db.reviewItem.findFirstOrThrow({
    where: { review: { seedKey: DEMO_REVIEW_KEY }, seedKey: "003_77c6651b61511a25" },
    select: { fullText: true },
  });
  const stageId = scenario.stages[0]!.id;
  const paperId = await addPaper(scenario.reviewId, stageId, "韧性治理的实践样本", seeded.fullText!);
  await addPaper(
    scenario.reviewId,
    stageId,
    "社区应急治理研究",
    "正文。\n参考文献：\n［1］朱正威，刘莹莹．韧性治理：风险与应急管理的新路径［J］．行政论坛，2020，27（05）：81-87．",
  );

  await page.goto(scenario.url(`items/${paperId}`));
  const references = page.getByRole("region", { name: "参考文献" });
  const first = references.getByRole("listitem").first();
  await expect(first).toContainText("被 2 篇引用");
  await expect(first.getByRole("link", { name: "社区应急治理研究" })).toBeVisible();
  await expect(references.getByText(/被 \d 篇引用/)).toHaveCount(1);

  await first.getByRole("button", { name: `将参考文献「${CITED_TITLE}」添加到综述` }).click();
  await expect(first.getByText("已在综述中")).toBeVisible();
  await first.getByRole("link", { name: `打开综述中的「${CITED_TITLE}」` }).click();
  await expect(page.getByRole("heading", { level: 1, name: CITED_TITLE })).toBeVisible();
  await expect(page.getByLabel("元数据").or(page.getByRole("complementary"))).toContainText("行政论坛");

  await page.goto(scenario.url("library"));
  await expect(page.getByRole("table", { name: "文献库" }).getByRole("link", { name: CITED_TITLE })).toBeVisible();

  // The co-cited list shows the work with both citing items, and that it is now in the review.
  await page.goto(scenario.url("references"));
  const shared = page.getByRole("region", { name: "被多篇文献共同引用的参考文献" });
  await expect(shared.getByRole("listitem")).toHaveCount(1);
  await expect(shared).toContainText("被 2 篇引用");
  await expect(shared).toContainText("已在综述中");
});

test("a review backup downloads and restores into a new review with the same items", async ({ page }) => {
  const titles = ["城乡融合的治理逻辑", "韧性社区建设", "跨域治理的协同机制"];
  const scenario = await createScenario("备份", { items: titles });
  await page.goto(scenario.url("settings"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "⤓ 下载备份" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.huitong-backup\.zip$/);
  const file = (await download.path())!;
  const zip = await JSZip.loadAsync(await readFile(file));
  expect(JSON.parse(await zip.file("backup.json")!.async("string"))).toMatchObject({
    format: "huitong-backup",
    version: 1,
  });

  await page.goto("/reviews");
  const restore = page.getByRole("region", { name: "从备份恢复" });
  // A file that is not a backup is refused with the reason, and nothing is created.
  await restore.getByLabel("备份文件").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("{ this is not json"),
  });
  await restore.getByRole("button", { name: "恢复为新综述" }).click();
  await expect(restore.getByRole("alert")).toContainText("文件不是有效的 JSON");

  await restore.getByLabel("备份文件").setInputFiles(file);
  await restore.getByRole("button", { name: "恢复为新综述" }).click();
  await expect(page).toHaveURL(/\/reviews\/[^/]+\/dashboard$/);
  expect(page.url()).not.toContain(scenario.reviewId);
  await page.goto(page.url().replace(/dashboard$/, "library"));
  const table = page.getByRole("table", { name: "文献库" });
  await expect(table.getByRole("row")).toHaveCount(titles.length + 1);
  for (const title of titles) await expect(table.getByRole("link", { name: title })).toBeVisible();
});
