// How guessable a new password is, judged by zxcvbn (dictionaries of common passwords, words, names and
// keyboard patterns, English and language-neutral) together with what the attacker knows about this person:
// their e-mail address and name. A password an attacker would try within 10^8 guesses is refused.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  // The dictionaries take about half a second to load: once per process, when first needed.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** The pieces of a person's own data an attacker would try first. */
export function personalInputs(email: string, name?: string | null): string[] {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  const words = (name ?? "").toLowerCase().split(/\s+/);
  // Each piece alone and run together ("zhang.wei" is also tried as "zhangwei").
  return [
    email.toLowerCase(),
    local,
    local.replace(/[._+-]+/g, ""),
    ...local.split(/[._+-]+/),
    domain,
    ...domain.split("."),
    (name ?? "").toLowerCase(),
    words.join(""),
    ...words,
  ]
    .map((part) => part.trim())
    .filter((part, index, all) => part.length >= 3 && all.indexOf(part) === index);
}

export function isPasswordStrongEnough(password: string, userInputs: string[]): boolean {
  const lowered = password.toLowerCase();
  // The address or name itself, however capitalised, is never enough, even when zxcvbn finds it long.
  if (userInputs.some((input) => lowered === input.toLowerCase())) return false;
  return zxcvbn().check(password, userInputs).score >= MIN_PASSWORD_SCORE;
}
