// Who may create an account on this installation, from HUITONG_SIGN_UP:
// - `email` (the default when SMTP is configured): anyone, once they open the link sent to the address. The
//   form answers the same way whether or not the address has an account (lib/auth/sign-up-confirmation.ts).
// - `open` (the default without SMTP): anyone, at once, as before e-mail existed. An address in use is refused,
//   which tells a stranger that the address has an account: the README's security section says so.
// - `invite`: only through a live invitation link (the invitation page's sign-up link); confirmed by e-mail when
//   SMTP is configured, at once otherwise.
// - `closed`: nobody; accounts exist only by the seed or an administrator.
// `email` without SMTP cannot confirm anything and counts as `closed` rather than silently becoming `open`.
import { AppError } from "@/lib/errors/app-error";
import { previewInvitation } from "@/lib/members/queries";
import { mailSettings } from "@/lib/notifications/mail-settings";

export const SIGN_UP_MODES = ["email", "open", "invite", "closed"] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

const warned = new Set<string>();
function warnOnce(message: string) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

export function signUpMode(env: NodeJS.ProcessEnv = process.env): SignUpMode {
  const smtp = mailSettings(env) !== null;
  const raw = env.HUITONG_SIGN_UP?.trim().toLowerCase();
  if (!raw) return smtp ? "email" : "open";
  if (!(SIGN_UP_MODES as readonly string[]).includes(raw)) {
    warnOnce(`HUITONG_SIGN_UP=${raw} is not one of ${SIGN_UP_MODES.join(", ")}: sign-up is closed`);
    return "closed";
  }
  if (raw === "email" && !smtp) {
    warnOnce("HUITONG_SIGN_UP=email needs SMTP_URL to send the confirmation links: sign-up is closed");
    return "closed";
  }
  return raw as SignUpMode;
}

/** Whether a new account waits for its address to be confirmed by e-mail (else it is created at once). */
export function confirmsByEmail(mode: SignUpMode, env: NodeJS.ProcessEnv = process.env): boolean {
  return mode === "email" || (mode === "invite" && mailSettings(env) !== null);
}

/** The invitation a sign-up comes from: its token, when the way back after signing up is an invitation page. */
export function invitationTokenOf(callbackUrl: string): string | null {
  return /^\/invite\/([A-Za-z0-9_-]{32})$/.exec(callbackUrl)?.[1] ?? null;
}

/**
 * Refuses a sign-up this installation does not take: none when closed; in `invite` mode, one that does not come
 * from a live invitation (its page's sign-up link carries the way back to it). Says nothing about any address.
 */
export async function checkSignUpAllowed(mode: SignUpMode, callbackUrl: string): Promise<void> {
  if (mode === "closed") throw new AppError("SIGN_UP_CLOSED");
  if (mode !== "invite") return;
  const token = invitationTokenOf(callbackUrl);
  const invitation = token ? await previewInvitation(token).catch(() => null) : null;
  if (invitation?.state !== "open") throw new AppError("SIGN_UP_INVITE_ONLY");
}
