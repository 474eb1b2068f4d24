// Every page of the app, in Chinese and in English, passes axe-core without a serious or critical violation.
// One browser context per language (signed in as the owner with the state auth.setup.ts saved) visits the pages
// in turn; a signed-out context per language checks the sign-in and sign-up pages.
import { accessTo } from "@/lib/testing/access";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
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
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "引言",
  });
  const { roundId } = await openRound(await accessTo(scenario.userIds.supervisor, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "第一轮意见",
    sectionIds: [sectionId],
  });
  fixture = { scenario, themeId: theme.id, sectionId, roundId, demoLibrary: await demoReviewPath("library") };
});

type PageCheck = { name: string; path: (f: Fixture) => string; prepare?: (page: Page) => Promise<void> };

/** The pages a signed-in owner sees, each with what to do before checking it (e.g. open a menu). */
const WORKSPACE_PAGES: PageCheck[] = [
  { name: "review list", path: () => "/reviews" },
  { name: "dashboard", path: (f) => f.scenario.url("dashboard") },
  { name: "library (demo review)", path: (f) => f.demoLibrary },
  {
    name: "library with the export menu open",
    path: (f) => f.scenario.url("library"),
    prepare: async (page) => {
      await page.getByRole("button", { name: /^(导出|Export)$/ }).click();
      await page.getByRole("menu").waitFor();
    },
  },
  {
    name: "dashboard with the review switcher open",
    path: (f) => f.scenario.url("dashboard"),
    prepare: async (page) => {
      await page.getByRole("button", { name: /切换综述|Switch review/ }).click();
      await page.getByRole("menu").waitFor();
    },
  },
  {
    name: "dashboard with the search dialog open",
    path: (f) => f.scenario.url("dashboard"),
    prepare: async (page) => {
      await page.getByRole("button", { name: /搜索本综述|Search this review/ }).click();
      await page.getByRole("dialog").waitFor();
    },
  },
  { name: "item page", path: (f) => f.scenario.url(`items/${f.scenario.itemIds[0]}`) },
  { name: "item edit", path: (f) => f.scenario.url(`items/${f.scenario.itemIds[0]}/edit`) },
  { name: "new item", path: (f) => f.scenario.url("items/new") },
  { name: "board", path: (f) => f.scenario.url("board") },
  { name: "my queue", path: (f) => f.scenario.url("queue") },
  { name: "screening", path: (f) => f.scenario.url("screening") },
  { name: "screening conflicts", path: (f) => f.scenario.url("screening/conflicts") },
  { name: "PRISMA", path: (f) => f.scenario.url("screening/prisma") },
  { name: "themes", path: (f) => f.scenario.url("themes") },
  { name: "theme page", path: (f) => f.scenario.url(`themes/${f.themeId}`) },
  { name: "coder comparison", path: (f) => f.scenario.url("themes/compare") },
  { name: "matrix", path: (f) => f.scenario.url("matrix") },
  { name: "synthesis", path: (f) => f.scenario.url("synthesis") },
  { name: "section editor", path: (f) => f.scenario.url(`synthesis/${f.sectionId}`) },
  { name: "coverage", path: (f) => f.scenario.url("synthesis/coverage") },
  { name: "references", path: (f) => f.scenario.url("references") },
  { name: "rounds", path: (f) => f.scenario.url("rounds") },
  { name: "round summary", path: (f) => f.scenario.url(`rounds/${f.roundId}`) },
  { name: "activity", path: (f) => f.scenario.url("activity") },
  { name: "members", path: (f) => f.scenario.url("members") },
  { name: "settings and backup", path: (f) => f.scenario.url("settings") },
  { name: "import", path: (f) => f.scenario.url("library/import") },
  { name: "search", path: (f) => f.scenario.url("search?q=治理") },
  { name: "trash", path: (f) => f.scenario.url("trash") },
  { name: "inbox", path: () => "/inbox" },
  { name: "account", path: () => "/account" },
];

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

async function expectNoViolations(page: Page, name: string) {
  const found = await violations(page, name);
  expect(found, found.join("\n")).toEqual([]);
}

for (const { locale, browserLocale } of LANGUAGES) {
  // One test per page, run in order in one worker with one signed-in context: a page that fails is reported on
  // its own and the others are still checked.
  test.describe(`axe in ${browserLocale}`, () => {
    test.describe.configure({ mode: "default" });
    let guest: BrowserContext;
    let guestPage: Page;
    let context: BrowserContext;
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      guest = await languageContext(browser, locale, browserLocale, false);
      guestPage = await guest.newPage();
      context = await languageContext(browser, locale, browserLocale, true);
      page = await context.newPage();
    });
    test.afterAll(async () => {
      await guest?.close();
      await context?.close();
    });

    for (const [name, path] of [
      ["sign-in", "/sign-in"],
      ["sign-up", "/sign-up"],
    ] as const) {
      test(name, async () => {
        await visit(guestPage, path);
        await expect(guestPage.locator("html")).toHaveAttribute("lang", locale === "zh" ? /^zh/ : /^en/);
        await expectNoViolations(guestPage, name);
      });
    }

    test("sign-up with its errors shown", async () => {
      await visit(guestPage, "/sign-up");
      await guestPage.getByRole("button", { name: locale === "zh" ? "注册" : "Sign up" }).click();
      await expect(guestPage.locator("form").getByRole("alert")).toBeVisible();
      await expectNoViolations(guestPage, "sign-up with errors");
    });

    for (const check of WORKSPACE_PAGES) {
      test(check.name, async () => {
        await visit(page, check.path(fixture));
        await check.prepare?.(page);
        await expectNoViolations(page, check.name);
      });
    }
  });
}
