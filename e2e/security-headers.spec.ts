// The browser-side defences: a Content-Security-Policy with a per-response nonce that the app itself passes
// (no violation while using the library, an item, the search and the synthesis editor, socket included),
// framing refused, sniffing off, a referrer policy, and HSTS only for requests that came over HTTPS.
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { demoReviewPath } from "./support/scenario";
import { caretToEnd, expectSaved, sectionEditor } from "./support/synthesis";
import { openAs, synthesisScenario } from "./support/synthesis-scenario";

test.use({ storageState: storageStateOf("owner") });

/** Records every CSP violation a page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleReports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  return async () => [
    ...consoleReports,
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

test("every page carries the security headers; the policy's nonce changes per response", async ({ page }) => {
  const path = await demoReviewPath("library");
  const first = await page.request.get(path);
  const second = await page.request.get(path);
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval';/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/connect-src 'self' ws:\/\/localhost:\d+ wss:\/\/localhost:\d+/);
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  // Next put the nonce on its own scripts.
  const nonce = policy.match(/'nonce-([^']+)'/)![1]!;
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  for (const response of [first, await page.request.get("/api/health"), await page.request.get("/sign-in")]) {
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  }
  const overHttps = await page.request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("the library, an item, the search and the synthesis editor run without a CSP violation", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);

  await page.goto(await demoReviewPath("library"));
  await page
    .getByRole("link", { name: /韧性治理/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto(await demoReviewPath("search"));
  await page.getByRole("searchbox", { name: "搜索内容" }).fill("城乡融合");
  await expect(page.getByRole("region", { name: "搜索结果" }).getByRole("listitem").first()).toContainText("城乡融合");
  expect(await violations()).toEqual([]);

  // The editor: Tiptap, Yjs over the /collab socket, carets, the save badge.
  const { path } = await synthesisScenario("安全策略");
  await page.goto(path);
  await expect(sectionEditor(page)).toBeVisible({ timeout: 30_000 });
  await expectSaved(page);
  await caretToEnd(page);
  await page.keyboard.type("内容安全策略下照常写作。");
  await expectSaved(page);
  // A second writer makes the carets and presence render too.
  const other = await openAs(browser, "member", path);
  await expect(sectionEditor(page)).toContainText("内容安全策略下照常写作。");
  await other.context().close();
  expect(await violations()).toEqual([]);

  // The watch itself works: an injected inline handler (no nonce) is blocked and reported.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", `<img src="/nowhere.png" onerror="window.injected = 1">`),
  );
  await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/script-src/)]));
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
});
