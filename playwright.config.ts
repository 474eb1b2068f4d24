import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Notification e-mail goes to an SMTP server that e2e/notify-review.spec.ts listens on while it runs.
const e2eSmtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 25);

// Playwright's own browser cannot be downloaded on offline machines; Debian's Chromium stands in.
const bundledBrowser = (() => {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
const executablePath = bundledBrowser ? undefined : "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  // No retries anywhere: a journey that passes only on a second try is a flaky journey, and CI must say so.
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Two-core CI runners with two workers and a browser each are slow; journeys with two signed-in browsers need room.
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: executablePath ? { executablePath } : {},
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], locale: "zh-CN" },
      dependencies: ["setup"],
      testIgnore: /collab-restart\.spec\.ts/,
    },
    // Kills the collaboration process: it runs alone, once every other journey has finished.
    {
      name: "collab-restart",
      testMatch: /collab-restart\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], locale: "zh-CN" },
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    command: "tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HUITONG_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      HUITONG_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort}`,
      // The journeys sign up fresh people directly; e2e/sign-up-email.spec.ts runs a Huitong of its own in
      // `email` mode to check sign-up by e-mail.
      HUITONG_SIGN_UP: "open",
      HUITONG_PUBLIC_URL: baseURL,
    },
  },
});
