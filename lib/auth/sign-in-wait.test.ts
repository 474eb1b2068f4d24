import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/translate";
import { parseRateLimitedCode, rateLimitedMessage, refusalCode, waitMinutes } from "./sign-in-wait";

const zh = translator("zh");
const en = translator("en");
const limited = (minutes: number) => new AppError("RATE_LIMITED", "limited", undefined, { waitMinutes: minutes });

describe("the wait a rate-limited sign-in is told", () => {
  it("rounds up to whole minutes, so nobody is told to come back too early", () => {
    expect(waitMinutes(1)).toBe(1);
    expect(waitMinutes(4 * 60_000 + 1)).toBe(5);
    expect(waitMinutes(60 * 60_000)).toBe(60);
  });

  it("travels through next-auth's error code and back", () => {
    expect(refusalCode(limited(37))).toBe("RATE_LIMITED:37");
    expect(parseRateLimitedCode("RATE_LIMITED:37")).toEqual({ waitMinutes: 37 });
    expect(refusalCode(new AppError("INVALID_CREDENTIALS"))).toBe("INVALID_CREDENTIALS");
    expect(parseRateLimitedCode("INVALID_CREDENTIALS")).toBeNull();
    expect(parseRateLimitedCode("RATE_LIMITED:soon")).toBeNull();
  });

  it("names the real wait in both languages", () => {
    expect(rateLimitedMessage(limited(60), zh)).toBe("登录失败次数过多，请 1 小时后再试。");
    expect(rateLimitedMessage(limited(60), en)).toBe("Too many failed sign-ins. Try again in 1 hour.");
    expect(rateLimitedMessage(limited(7), zh)).toBe("登录失败次数过多，请 7 分钟后再试。");
    expect(rateLimitedMessage(limited(7), en)).toBe("Too many failed sign-ins. Try again in 7 minutes.");
    expect(rateLimitedMessage(limited(1), en)).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(rateLimitedMessage(limited(120), en)).toBe("Too many failed sign-ins. Try again in 2 hours.");
  });
});
