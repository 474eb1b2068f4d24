// E-mail is on only when an SMTP server is configured: SMTP_URL (smtp://user:pass@host:587 or
// smtps://…:465), HUITONG_MAIL_FROM (the sender) and HUITONG_PUBLIC_URL (the address people open links at).
import { createHmac, timingSafeEqual } from "node:crypto";
import { readSettings } from "@/lib/config/settings";

export interface MailSettings {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  const publicUrl = (env.HUITONG_PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
  const from = env.HUITONG_MAIL_FROM?.trim() || `会通 Huitong <no-reply@${new URL(publicUrl).hostname}>`;
  return { smtpUrl, from, publicUrl };
}

function secret(): string {
  return process.env.AUTH_SECRET || readSettings().authSecret;
}

/** A signature over the given parts with the installation's secret, for links that work without signing in. */
export function signLink(...parts: string[]): string {
  return createHmac("sha256", secret()).update(parts.join("\n")).digest("base64url");
}

export function verifyLink(signature: string, ...parts: string[]): boolean {
  const expected = Buffer.from(signLink(...parts));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
