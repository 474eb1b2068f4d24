// Sign-up confirmed by e-mail, in Chinese, end to end. The e2e server runs with HUITONG_SIGN_UP=open (its
// journeys sign up fresh people directly), so this journey starts a Huitong of its own — its own database on
// the e2e PostgreSQL, hence its own job queue and worker — in `email` mode, sending to an SMTP server this spec
// runs. It reads the link out of the received mail, finishes sign-up in the browser, and checks that a taken
// address gets the very same answer, that a used link says so, and that an invited person comes back to the
// invitation.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import pg from "pg";
import { embeddedPostgresPassword } from "@/lib/config/settings";
import { createDatabaseClient } from "@/lib/db/client";
import { newInvitationToken } from "@/lib/members/invitation-token";
import { startMailCatcher, type MailCatcher } from "@/lib/testing/mail-catcher";

test.describe.configure({ mode: "serial" });

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const port = Number(process.env.E2E_SIGN_UP_PORT ?? e2ePort + 3);
const smtpPort = Number(process.env.E2E_SIGN_UP_SMTP_PORT ?? e2ePort + 6);
const base = `http://localhost:${port}`;
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
const pgPort = process.env.E2E_PG_PORT ?? "54339";
const pgPassword = encodeURIComponent(embeddedPostgresPassword(dataDir));
const databaseName = `huitong_sign_up_${randomBytes(4).toString("hex")}`;
const databaseUrl = `postgresql://postgres:${pgPassword}@127.0.0.1:${pgPort}/${databaseName}`;
const adminUrl = `postgresql://postgres:${pgPassword}@127.0.0.1:${pgPort}/postgres`;
const PASSWORD = "墨香 quiet harbour lantern";

const received: ParsedMail[] = [];
let smtp: MailCatcher;
let app: ChildProcess | null = null;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  smtp = await startMailCatcher({ into: received, port: smtpPort });
  await admin(`CREATE DATABASE "${databaseName}"`);
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      COLLAB_PORT: String(port + 1),
      DATABASE_URL: databaseUrl,
      HUITONG_DATA_DIR: path.join(dataDir, "sign-up-email"),
      HUITONG_SEED: "off",
      HUITONG_METRICS_PORT: "",
      HUITONG_SIGN_UP: "email",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      HUITONG_PUBLIC_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await expect
    .poll(
      async () => {
        if (app?.exitCode !== null) throw new Error(`the sign-up Huitong exited (${app?.exitCode})`);
        return fetch(`${base}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 200_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await smtp.close();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

/** The mails to an address, once `count` of them have arrived. */
async function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
  await expect
    .poll(() => received.filter((mail) => recipient(mail) === address).length, { timeout: 30_000 })
    .toBe(count);
  return received.filter((mail) => recipient(mail) === address);
}

function confirmLink(mail: ParsedMail): string {
  const link = new RegExp(`${base}/sign-up/confirm\\?token=[A-Za-z0-9_-]+`).exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`no sign-up link in the mail: ${mail.text}`);
  return link;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const folder = process.env.E2E_SCREENSHOTS_DIR;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

async function submitSignUp(page: Page, pathAfterHost: string, name: string, email: string) {
  await page.goto(`${base}${pathAfterHost}`);
  await expect(page.getByText("提交后，我们会向您的邮箱发送一个确认链接，打开它即可完成注册。")).toBeVisible();
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
}

test("a new address gets a link by e-mail that finishes sign-up once; a taken address gets the same answer", async ({
  browser,
}) => {
  const email = `mail-${Date.now()}@example.org`;
  const newcomer = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await submitSignUp(newcomer, "/sign-up", "林晓", email);
  const sent = newcomer.getByRole("status");
  await expect(sent.getByRole("heading", { name: "请查收邮件" })).toBeVisible();
  await expect(sent).toContainText(`我们已向 ${email} 发送了一个链接，打开它即可完成注册。`);
  const answer = await sent.innerText();
  await shoot(newcomer, "sign-up-sent");

  const [confirmation] = await mailsTo(email, 1);
  expect(confirmation!.subject).toBe("[会通] 确认您的注册");
  const link = confirmLink(confirmation!);
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "完成注册" })).toBeVisible();
  await expect(newcomer.getByText(`林晓，点击下面的按钮，用 ${email} 创建会通账户并登录。`)).toBeVisible();
  await shoot(newcomer, "sign-up-confirm");
  await newcomer.getByRole("button", { name: "完成注册" }).click();
  await expect(newcomer.getByRole("heading", { name: "我的综述" })).toBeVisible();

  // The link is used up: opened again, it says so and offers to start again.
  const later = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await later.goto(link);
  await expect(later.getByText("这个注册链接无效或已经用过。")).toBeVisible();
  await expect(later.getByRole("link", { name: "重新注册" })).toHaveAttribute("href", "/sign-up");
  await shoot(later, "sign-up-link-used");

  // Someone else tries the same address: word for word the same answer; the owner hears of it by e-mail.
  const stranger = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await submitSignUp(stranger, "/sign-up", "冒名者", email);
  await expect(stranger.getByRole("heading", { name: "请查收邮件" })).toBeVisible();
  expect(await stranger.getByRole("status").innerText()).toBe(answer);
  const [, attempt] = await mailsTo(email, 2);
  expect(attempt!.subject).toBe("[会通] 有人尝试用您的邮箱注册");
  expect(attempt!.text).toContain(`${base}/sign-in`);
  expect(attempt!.text).not.toContain("/sign-up/confirm");
});

test("an invited person who signs up by e-mail comes back to the invitation", async ({ browser }) => {
  // A review with an open invitation, written straight into this Huitong's database.
  const database = createDatabaseClient(databaseUrl);
  const { token, tokenHash } = newInvitationToken();
  const owner = await database.user.create({
    data: { email: `owner-${Date.now()}@example.org`, name: "周老师", passwordHash: "unused" },
  });
  const review = await database.review.create({
    data: { titleZh: "城市社区韧性综述", memberships: { create: { userId: owner.id, role: "OWNER" } } },
  });
  await database.invitation.create({
    data: {
      reviewId: review.id,
      role: "EDITOR",
      tokenHash,
      createdById: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await database.$disconnect();

  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.goto(`${base}/invite/${token}`);
  await page.getByRole("link", { name: "注册", exact: true }).click();
  const email = `invited-${Date.now()}@example.org`;
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await submitSignUp(page, new URL(page.url()).pathname + new URL(page.url()).search, "陈同学", email);
  await expect(page.getByRole("status")).toContainText(email);
  const [confirmation] = await mailsTo(email, 1);
  await page.goto(confirmLink(confirmation!));
  await page.getByRole("button", { name: "完成注册" }).click();
  await expect(page).toHaveURL(`${base}/invite/${token}`);
  await expect(page.getByText("城市社区韧性综述")).toBeVisible();
  await expect(page.getByRole("button", { name: "接受邀请" })).toBeVisible();
});
