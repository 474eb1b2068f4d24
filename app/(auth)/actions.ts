"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revokeSession, signUp } from "@/lib/auth/accounts";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientKeyOf, newAccountSignInProof, signIn, signOut } from "@/lib/auth/config";
import { confirmSignUp, requestSignUp, type SignUpSent } from "@/lib/auth/sign-up-confirmation";
import { checkSignUpAllowed, confirmsByEmail, signUpMode } from "@/lib/auth/sign-up-mode";
import { getSessionUser } from "@/lib/auth/session";
import { parseRateLimitedCode } from "@/lib/auth/sign-in-wait";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors/app-error";
import { formAction, publicAction } from "@/lib/http/endpoint";
import { getI18n, LOCALE_COOKIE } from "@/lib/i18n/server";
import { rememberLocale } from "@/lib/notifications/preferences";

async function signInWithPassword(email: FormDataEntryValue | null, password: FormDataEntryValue | null) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const rateLimited = parseRateLimitedCode(error.code);
      if (rateLimited) throw new AppError("RATE_LIMITED", "too many failed sign-ins", undefined, rateLimited);
      const code = (ERROR_CODES as readonly string[]).includes(error.code)
        ? (error.code as ErrorCode)
        : "INVALID_CREDENTIALS";
      throw new AppError(code);
    }
    if (error instanceof AuthError) throw new AppError("INVALID_CREDENTIALS", error.message);
    throw error;
  }
}

export const signInAction = publicAction("signIn", async (_previous: unknown, form: FormData): Promise<undefined> => {
  await signInWithPassword(form.get("email"), form.get("password"));
  redirect(safeCallbackUrl(form.get("callbackUrl")));
});

/**
 * Sign-up as this installation allows (lib/auth/sign-up-mode.ts). Confirmed by e-mail, every well-formed
 * sign-up gets the same answer, "we sent a link to …", after the same work; `open` creates the account at once.
 */
export const signUpAction = publicAction(
  "signUp",
  async (_previous: unknown, form: FormData): Promise<SignUpSent | undefined> => {
    const callbackUrl = safeCallbackUrl(form.get("callbackUrl"));
    const mode = signUpMode();
    await checkSignUpAllowed(mode, callbackUrl);
    const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    const clientKey = clientKeyOf(await headers());
    if (confirmsByEmail(mode)) {
      const { locale } = await getI18n();
      return requestSignUp(input, { clientKey, locale, callbackUrl });
    }
    await signUp(input, clientKey);
    await signInWithPassword(form.get("email"), form.get("password"));
    redirect(callbackUrl);
  },
);

/** The button on the page a sign-up link opens: uses the link up, creates the account and signs the person in. */
export const confirmSignUpAction = publicAction(
  "confirmSignUp",
  async (_previous: unknown, form: FormData): Promise<{ accountExists: true; callbackUrl: string }> => {
    if (signUpMode() === "closed") throw new AppError("SIGN_UP_CLOSED");
    const confirmed = await confirmSignUp(form.get("token"));
    const callbackUrl = safeCallbackUrl(confirmed.callbackUrl);
    if (confirmed.outcome === "exists") return { accountExists: true, callbackUrl };
    const issuedAt = Date.now();
    await signIn("new-account", {
      userId: confirmed.account.id,
      issuedAt: String(issuedAt),
      proof: newAccountSignInProof(confirmed.account.id, issuedAt),
      redirect: false,
    });
    redirect(callbackUrl);
  },
);

export const signOutAction = formAction("signOut", async () => {
  // The cookie alone is not enough: a copy of the token must stop working too.
  const user = await getSessionUser();
  if (user) await revokeSession(user.id, user.sessionId, user.sessionStarted);
  await signOut({ redirectTo: "/sign-in" });
});

export const setLocaleAction = formAction("setLocale", async (form: FormData) => {
  const locale = form.get("locale");
  if (locale !== "zh" && locale !== "en") return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  // E-mails follow the language the person last chose here.
  const user = await getSessionUser();
  if (user) await rememberLocale(user.id, locale);
});
