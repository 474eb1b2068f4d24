// Two web processes behind one address, as a scaled-out deployment runs them: this journey starts a second
// `npm run web` role process on its own port against the e2e server's PostgreSQL, with the same AUTH_SECRET and
// the e2e server's collaboration process as its /collab upstream. A session signed in on one is valid on the
// other, a change made through one is seen through the other, and editors on the two converge in one section.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { embeddedPostgresPassword, readSettings } from "@/lib/config/settings";
import { storageStateOf } from "./accounts";
import { createScenario } from "./support/scenario";
import { openAs, storedText, synthesisScenario } from "./support/synthesis-scenario";
import { caretToEnd, editorText, expectSaved, sectionEditor } from "./support/synthesis";

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const secondPort = Number(process.env.E2E_SECOND_WEB_PORT ?? e2ePort + 10);
const secondBase = `http://localhost:${secondPort}`;
let second: ChildProcess | null = null;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
  const password = encodeURIComponent(embeddedPostgresPassword(dataDir));
  const pgPort = process.env.E2E_PG_PORT ?? "54339";
  second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      HUITONG_ROLE: "web",
      PORT: String(secondPort),
      DATABASE_URL: `postgresql://postgres:${password}@127.0.0.1:${pgPort}/huitong`,
      // One AUTH_SECRET for every web process: the e2e server generated it in its data directory.
      AUTH_SECRET: readSettings({ ...process.env, HUITONG_DATA_DIR: dataDir }).authSecret,
      COLLAB_UPSTREAM: `127.0.0.1:${e2ePort + 1}`,
      HUITONG_SEED: "off",
      HUITONG_DATA_DIR: path.join(dataDir, "second-web"),
      HUITONG_METRICS_PORT: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await expect
    .poll(
      async () => {
        if (second?.exitCode !== null) throw new Error(`the second web process exited (${second?.exitCode})`);
        return fetch(`${secondBase}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 200_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((resolve) => second!.once("exit", resolve));
  second.kill("SIGTERM");
  await exited;
});

async function openOn(page: Page, base: string, pathAfterHost: string) {
  await page.goto(new URL(pathAfterHost, base).toString());
}

test("a change made through one web process is seen through the other", async ({ browser }) => {
  const scenario = await createScenario("双进程", {
    members: { member: "EDITOR" },
    items: ["韧性社区建设", "跨域治理"],
  });
  const onFirst = await (
    await browser.newContext({ storageState: storageStateOf("owner"), locale: "zh-CN" })
  ).newPage();
  const onSecond = await (
    await browser.newContext({ storageState: storageStateOf("member"), locale: "zh-CN" })
  ).newPage();
  // The session cookie from sign-in on the first process is accepted by the second.
  await openOn(onSecond, secondBase, scenario.url("library"));
  const secondTable = onSecond.getByRole("table", { name: "文献库" });
  await expect(secondTable.getByRole("row", { name: /韧性社区建设/ })).toBeVisible();
  await expect(secondTable.getByRole("row", { name: /韧性社区建设/ })).not.toContainText("已排除");

  await onFirst.goto(scenario.url("library"));
  const table = onFirst.getByRole("table", { name: "文献库" });
  await table.getByRole("checkbox", { name: "选择「韧性社区建设」" }).check();
  const stageForm = onFirst.getByRole("region", { name: "批量操作" }).getByRole("form", { name: "更改状态" });
  await stageForm.getByLabel("移到状态").selectOption({ label: "已排除" });
  await stageForm.getByLabel("排除理由").selectOption({ label: "主题不相关" });
  await stageForm.getByRole("button", { name: "更改状态" }).click();
  await expect(onFirst.getByRole("status").filter({ hasText: "已更新 1 处。" })).toBeVisible();

  await onSecond.reload();
  await expect(secondTable.getByRole("row", { name: /韧性社区建设/ })).toContainText("已排除");
  await onFirst.context().close();
  await onSecond.context().close();
});

test("editors on different web processes write in one section and converge", async ({ browser }) => {
  const { sectionId, path: sectionPath } = await synthesisScenario("双进程协作");
  const onFirst = await openAs(browser, "owner", sectionPath);
  const secondContext = await browser.newContext({ storageState: storageStateOf("member"), locale: "zh-CN" });
  const onSecond = await secondContext.newPage();
  await openOn(onSecond, secondBase, sectionPath);
  await expect(sectionEditor(onSecond)).toBeVisible({ timeout: 30_000 });
  await expectSaved(onFirst);
  await expectSaved(onSecond);

  await caretToEnd(onFirst);
  await onFirst.keyboard.type("甲进程写的。");
  await expect.poll(() => editorText(onSecond)).toContain("甲进程写的。");
  await caretToEnd(onSecond);
  await onSecond.keyboard.type("乙进程写的。");
  await expect.poll(() => editorText(onFirst)).toContain("甲进程写的。乙进程写的。");
  await expect.poll(() => editorText(onSecond)).toBe(await editorText(onFirst));
  await expectSaved(onFirst);
  await expectSaved(onSecond);
  await expect.poll(() => storedText(sectionId)).toBe("甲进程写的。乙进程写的。");
  await onFirst.context().close();
  await secondContext.close();
});
