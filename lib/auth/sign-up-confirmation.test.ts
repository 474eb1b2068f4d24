// Sign-up confirmed by e-mail, against real PostgreSQL and a real SMTP server started here: the form's answer
// is the same for a new and a taken address, the link works once and for a day, a race for one address creates
// one account, and neither the form nor the mails can be used to flood a mailbox.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { runDueJobs } from "@/lib/jobs/worker";
import { startMailCatcher, type MailCatcher } from "@/lib/testing/mail-catcher";
import { createTestDatabase } from "@/lib/testing/test-database";
import { signUp, verifyCredentials } from "./accounts";
import { MAX_SIGN_UPS_PER_CLIENT } from "./rate-limit";
import {
  confirmSignUp,
  inspectSignUpLink,
  MAX_SIGN_UP_MAILS_PER_EMAIL,
  requestSignUp,
  SIGN_UP_LINK_TTL_MS,
} from "./sign-up-confirmation";
import { signUpMailJob } from "./sign-up-mail";
import { confirmsByEmail, signUpMode } from "./sign-up-mode";

const STRONG = "墨香 quiet harbour lantern";
let db: Database;
let url: string;
let smtp: MailCatcher;
const received: ParsedMail[] = [];
let clientCounter = 0;
const client = () => `203.0.113.${++clientCounter}`;
const context = (locale: "zh" | "en" = "zh", callbackUrl = "/") => ({ clientKey: client(), locale, callbackUrl });
const runJobs = () => runDueJobs(url, db, [signUpMailJob]);
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const mailsTo = (address: string) => received.filter((mail) => to(mail) === address);
function linkIn(mail: ParsedMail): string {
  const match = /http:\/\/huitong\.test\/sign-up\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
  if (!match) throw new Error(`no sign-up link in: ${mail.text}`);
  return match[1]!;
}
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  smtp = await startMailCatcher({ into: received });
  process.env.SMTP_URL = smtp.url;
  process.env.HUITONG_PUBLIC_URL = "http://huitong.test";
  process.env.HUITONG_MAIL_FROM = "Huitong <no-reply@huitong.test>";
  process.env.AUTH_SECRET = "test-secret-for-sign-up-links";
  ({ db, url } = await createTestDatabase());
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
  await db.$disconnect();
});
beforeEach(() => {
  received.length = 0;
});

describe("sign-up by e-mail", () => {
  it("answers a new and a taken address alike, doing the same work: nothing is looked up or written but the job", async () => {
    const taken = await signUp({ name: "已注册", email: "taken@example.org", password: STRONG }, client());
    const usersBefore = await db.user.count();
    const fresh = await requestSignUp({ name: "新人", email: "Fresh@Example.org", password: STRONG }, context());
    const again = await requestSignUp({ name: "冒名", email: "taken@example.org", password: STRONG }, context("en"));
    expect(fresh).toEqual({ sentTo: "fresh@example.org" });
    expect(again).toEqual({ sentTo: "taken@example.org" });
    expect(Object.keys(fresh)).toEqual(Object.keys(again));
    // The request itself wrote one job each and nothing else that depends on the address.
    expect(await db.pendingSignUp.count()).toBe(0);
    expect(await db.user.count()).toBe(usersBefore);
    const jobs = await db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'auth.signUpMail' ORDER BY key`;
    expect(jobs.map((job) => job.key)).toEqual(["sign-up-mail:fresh@example.org", "sign-up-mail:taken@example.org"]);

    await runJobs();
    const [confirmation] = mailsTo("fresh@example.org");
    expect(confirmation!.subject).toBe("[会通] 确认您的注册");
    expect(confirmation!.text).toContain("新人，您好");
    const token = linkIn(confirmation!);
    // Only the token's hash is stored.
    const pending = await db.pendingSignUp.findUniqueOrThrow({ where: { email: "fresh@example.org" } });
    expect(pending.tokenHash).not.toContain(token);
    expect(pending.passwordHash).toMatch(/^\$argon2id\$/);

    // The owner of the taken address hears of the attempt, in the language of the form, with a sign-in link.
    const [attempt] = mailsTo("taken@example.org");
    expect(attempt!.subject).toBe("[Huitong] Someone tried to sign up with your address");
    expect(attempt!.text).toContain("http://huitong.test/sign-in");
    expect(attempt!.text).not.toContain("/sign-up/confirm");
    expect(await db.pendingSignUp.count({ where: { email: "taken@example.org" } })).toBe(0);
    // The taken account is untouched: its own password still works, the stranger's name is not on it.
    expect((await db.user.findUniqueOrThrow({ where: { id: taken.id } })).name).toBe("已注册");
  });

  it("tells a taken address's owner in the language they chose in Huitong", async () => {
    await db.user.update({ where: { email: "taken@example.org" }, data: { locale: "zh" } });
    await requestSignUp({ name: "冒名", email: "taken@example.org", password: STRONG }, context("en"));
    await runJobs();
    expect(mailsTo("taken@example.org")[0]!.subject).toBe("[会通] 有人尝试用您的邮箱注册");
  });

  it("the link creates the account once, with the password chosen on the form, and knows where to go next", async () => {
    await requestSignUp(
      { name: "林晓", email: "lin@example.org", password: STRONG },
      context("zh", "/invite/abcdefghijklmnopqrstuvwxyz012345"),
    );
    await runJobs();
    const token = linkIn(mailsTo("lin@example.org")[0]!);
    expect(await inspectSignUpLink(token)).toEqual({ state: "valid", email: "lin@example.org", name: "林晓" });
    const confirmed = await confirmSignUp(token);
    expect(confirmed).toMatchObject({
      outcome: "created",
      account: { email: "lin@example.org", name: "林晓" },
      callbackUrl: "/invite/abcdefghijklmnopqrstuvwxyz012345",
    });
    await expect(verifyCredentials({ email: "lin@example.org", password: STRONG }, client())).resolves.toMatchObject({
      email: "lin@example.org",
    });
    expect(await codeOf(confirmSignUp(token))).toBe("SIGN_UP_LINK_INVALID");
    expect(await inspectSignUpLink(token)).toEqual({ state: "invalid" });
    expect(await codeOf(confirmSignUp("not-a-token-at-all-but-long-enough"))).toBe("SIGN_UP_LINK_INVALID");
    expect(await codeOf(confirmSignUp(undefined))).toBe("SIGN_UP_LINK_INVALID");
  });

  it("a link older than a day is refused as expired, then as used", async () => {
    await requestSignUp({ name: "迟到", email: "late@example.org", password: STRONG }, context());
    await runJobs();
    const token = linkIn(mailsTo("late@example.org")[0]!);
    const later = new Date(Date.now() + SIGN_UP_LINK_TTL_MS + 1000);
    expect(await inspectSignUpLink(token, later)).toEqual({ state: "expired" });
    expect(await codeOf(confirmSignUp(token, later))).toBe("SIGN_UP_LINK_EXPIRED");
    expect(await codeOf(confirmSignUp(token))).toBe("SIGN_UP_LINK_INVALID");
    expect(await db.user.count({ where: { email: "late@example.org" } })).toBe(0);
  });

  it("signing up again replaces the pending sign-up: only the newest link works", async () => {
    await requestSignUp({ name: "第一次", email: "twice@example.org", password: STRONG }, context());
    await runJobs();
    await requestSignUp({ name: "第二次", email: "twice@example.org", password: STRONG }, context());
    await runJobs();
    const [first, second] = mailsTo("twice@example.org");
    expect(await db.pendingSignUp.count({ where: { email: "twice@example.org" } })).toBe(1);
    expect(await codeOf(confirmSignUp(linkIn(first!)))).toBe("SIGN_UP_LINK_INVALID");
    expect(await confirmSignUp(linkIn(second!))).toMatchObject({ outcome: "created", account: { name: "第二次" } });
  });

  it("two uses of one link at the same moment create one account; the other is refused", async () => {
    await requestSignUp({ name: "并发", email: "race@example.org", password: STRONG }, context());
    await runJobs();
    const token = linkIn(mailsTo("race@example.org")[0]!);
    const outcomes = await Promise.all([codeOf(confirmSignUp(token)), codeOf(confirmSignUp(token))]);
    expect(outcomes.sort()).toEqual(["SIGN_UP_LINK_INVALID", "resolved"]);
    expect(await db.user.count({ where: { email: "race@example.org" } })).toBe(1);
  });

  it("an address that got an account meanwhile only uses the link up", async () => {
    await requestSignUp({ name: "慢一步", email: "meanwhile@example.org", password: STRONG }, context());
    await runJobs();
    const token = linkIn(mailsTo("meanwhile@example.org")[0]!);
    await db.user.create({ data: { email: "meanwhile@example.org", name: "先到", passwordHash: "x" } });
    expect(await confirmSignUp(token)).toMatchObject({ outcome: "exists", email: "meanwhile@example.org" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "meanwhile@example.org" } })).name).toBe("先到");
    expect(await codeOf(confirmSignUp(token))).toBe("SIGN_UP_LINK_INVALID");
  });

  it("mails one address at most a few times an hour, while the form answers as always", async () => {
    for (let round = 0; round < MAX_SIGN_UP_MAILS_PER_EMAIL + 2; round++) {
      await expect(
        requestSignUp({ name: "骚扰", email: "victim@example.org", password: STRONG }, context()),
      ).resolves.toEqual({ sentTo: "victim@example.org" });
      await runJobs();
    }
    expect(mailsTo("victim@example.org")).toHaveLength(MAX_SIGN_UP_MAILS_PER_EMAIL);
  });

  it("one client is stopped after many sign-ups, whatever the addresses", async () => {
    const clientKey = client();
    for (let n = 0; n < MAX_SIGN_UPS_PER_CLIENT; n++) {
      await requestSignUp(
        { name: "批量", email: `bulk${n}@example.org`, password: STRONG },
        { clientKey, locale: "zh", callbackUrl: "/" },
      );
    }
    expect(
      await codeOf(
        requestSignUp(
          { name: "批量", email: "bulk-last@example.org", password: STRONG },
          { clientKey, locale: "zh", callbackUrl: "/" },
        ),
      ),
    ).toBe("SIGN_UP_RATE_LIMITED");
  });

  it("refuses a guessable password before anything is queued", async () => {
    expect(
      await codeOf(requestSignUp({ name: "弱", email: "weak@example.org", password: "12345678" }, context())),
    ).toBe("WEAK_PASSWORD");
    const jobs = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'sign-up-mail:weak@example.org'`;
    expect(jobs[0]!.n).toBe(0);
  });
});

describe("sign-up mode (HUITONG_SIGN_UP)", () => {
  const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
  const smtpEnv = env({ SMTP_URL: "smtp://127.0.0.1:2525" });
  it("confirms by e-mail by default with SMTP, signs up at once without it", () => {
    expect(signUpMode(smtpEnv)).toBe("email");
    expect(signUpMode(env({}))).toBe("open");
    expect(confirmsByEmail("email", smtpEnv)).toBe(true);
    expect(confirmsByEmail("open", smtpEnv)).toBe(false);
  });
  it("takes an explicit choice, and closes rather than guessing", () => {
    expect(signUpMode(env({ ...smtpEnv, HUITONG_SIGN_UP: "open" }))).toBe("open");
    expect(signUpMode(env({ HUITONG_SIGN_UP: "invite" }))).toBe("invite");
    expect(confirmsByEmail("invite", env({}))).toBe(false);
    expect(confirmsByEmail("invite", smtpEnv)).toBe(true);
    expect(signUpMode(env({ ...smtpEnv, HUITONG_SIGN_UP: "closed" }))).toBe("closed");
    expect(signUpMode(env({ HUITONG_SIGN_UP: "email" }))).toBe("closed");
    expect(signUpMode(env({ HUITONG_SIGN_UP: "everyone" }))).toBe("closed");
  });
});
