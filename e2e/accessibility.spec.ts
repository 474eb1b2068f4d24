// Every page of the app, in Chinese and in English, passes axe-core without a serious or critical violation.
// One browser context per language (signed in as the owner from auth.setup.ts) visits the pages in turn, so the
// whole sweep costs one sign-in per language; a signed-out context checks the sign-in and sign-up pages.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openRound } from "@/lib/rounds/rounds";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "./accounts";
import { createScenario, demoReviewPath, e2eDatabase, type Scenario } from "./support/scenario";

const LANGUAGES = [
  { locale: "zh", browserLocale: "zh-CN" },
  { locale: "en", browserLocale: "en-US" },
] as const;

interface Fixture {
  scenario: Scenario;
  themeId: string;
  sectionId: string;
  roundId: string;
  demoLibrary: string;
}

let fixture: Fixture;

test.beforeAll(async () => {
  const scenario = await createScenario("无障碍检查", {
    members: { member: "EDITOR", supervisor: "SUPERVISOR" },
    items: ["社区治理中的党建引领", "基层治理现代化的路径"],
  });
  const db = e2eDatabase();
  await db.reviewItem.update({
    where: { id: scenario.itemIds[0] },
    data: {
      abstractZh: "本文讨论党建引领基层治理的机制与路径。",
      fullText: "一、引言\n\n党建引领是基层治理的重要方式。\n\n二、案例\n\n社区通过网格化管理回应居民需求。",
      year: 2021,
      journalZh: "行政论坛",
    },
  });
  const theme = await db.theme.create({ data: { reviewId: scenario.reviewId, nameZh: "网格治理", color: "#b45309" } });
  await db.itemTheme.create({ data: { itemId: scenario.itemIds[0]!, themeId: theme.id } });
  const { sectionId } = await createSection(scenario.userIds.owner, { reviewId: scenario.reviewId, title: "引言" });
  const { roundId } = await openRound(scenario.userIds.supervisor, {
    reviewId: scenario.reviewId,
    title: "第一轮意见",
    sectionIds: [sectionId],
  });
  fixture = { scenario, themeId: theme.id, sectionId, roundId, demoLibrary: await demoReviewPath("library") };
});

/** The pages a signed-in owner sees, each with what to do before checking it (e.g. open a menu). */
function workspacePages(f: Fixture): { name: string; path: string; prepare?: (page: Page) => Promise<void> }[] {
  const s = f.scenario;
  const item = s.itemIds[0]!;
  return [
    { name: "review list", path: "/reviews" },
    { name: "dashboard", path: s.url("dashboard") },
    { name: "library (demo review)", path: f.demoLibrary },
    {
      name: "library with the export menu open",
      path: s.url("library"),
      prepare: async (page) => {
        await page
          .locator("summary")
          .filter({ hasText: /导出|Export/ })
          .first()
          .click();
      },
    },
    { name: "item page", path: s.url(`items/${item}`) },
    { name: "item edit", path: s.url(`items/${item}/edit`) },
    { name: "new item", path: s.url("items/new") },
    { name: "board", path: s.url("board") },
    { name: "my queue", path: s.url("queue") },
    { name: "screening", path: s.url("screening") },
    { name: "screening conflicts", path: s.url("screening/conflicts") },
    { name: "PRISMA", path: s.url("screening/prisma") },
    { name: "themes", path: s.url("themes") },
    { name: "theme page", path: s.url(`themes/${f.themeId}`) },
    { name: "coder comparison", path: s.url("themes/compare") },
    { name: "matrix", path: s.url("matrix") },
    { name: "synthesis", path: s.url("synthesis") },
    { name: "section editor", path: s.url(`synthesis/${f.sectionId}`) },
    { name: "coverage", path: s.url("synthesis/coverage") },
    { name: "references", path: s.url("references") },
    { name: "rounds", path: s.url("rounds") },
    { name: "round summary", path: s.url(`rounds/${f.roundId}`) },
    { name: "activity", path: s.url("activity") },
    { name: "members", path: s.url("members") },
    { name: "settings and backup", path: s.url("settings") },
    { name: "import", path: s.url("library/import") },
    { name: "search", path: s.url("search?q=治理") },
    { name: "trash", path: s.url("trash") },
    { name: "inbox", path: "/inbox" },
    { name: "account", path: "/account" },
  ];
}

/** The serious and critical violations on the page as it is now, one line each, naming the offending nodes. */
async function violations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(" | ")}`,
    );
}

async function languageContext(browser: Browser, locale: "zh" | "en", browserLocale: string, signedIn: boolean) {
  const context = await browser.newContext({
    locale: browserLocale,
    ...(signedIn ? { storageState: storageStateOf("owner") } : {}),
  });
  const url = new URL(test.info().project.use.baseURL ?? "http://localhost");
  await context.addCookies([{ name: "huitong-locale", value: locale, domain: url.hostname, path: "/" }]);
  return context;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("load");
}

for (const { locale, browserLocale } of LANGUAGES) {
  test(`every page passes axe in ${browserLocale}`, async ({ browser }) => {
    test.setTimeout(240_000);
    const found: string[] = [];

    const guest = await languageContext(browser, locale, browserLocale, false);
    const guestPage = await guest.newPage();
    for (const [name, path] of [
      ["sign-in", "/sign-in"],
      ["sign-up", "/sign-up"],
    ] as const) {
      await test.step(name, async () => {
        await visit(guestPage, path);
        await expect(guestPage.locator("html")).toHaveAttribute("lang", browserLocale === "zh-CN" ? /^zh/ : /^en/);
        found.push(...(await violations(guestPage, name)));
      });
    }
    await test.step("sign-up with its errors shown", async () => {
      await guestPage.getByRole("button", { name: locale === "zh" ? "注册" : "Sign up" }).click();
      await expect(guestPage.locator("form").getByRole("alert")).toBeVisible();
      found.push(...(await violations(guestPage, "sign-up with errors")));
    });
    await guest.close();

    const context = await languageContext(browser, locale, browserLocale, true);
    const page = await context.newPage();
    for (const { name, path, prepare } of workspacePages(fixture)) {
      await test.step(name, async () => {
        await visit(page, path);
        await prepare?.(page);
        found.push(...(await violations(page, name)));
      });
    }
    await context.close();

    expect(found, found.join("\n")).toEqual([]);
  });
}
