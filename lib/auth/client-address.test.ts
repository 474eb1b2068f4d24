import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted (the default)", () => {
    const none = parseTrustedProxies(undefined);
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.9");
  });

  it("believes only the hops added by trusted proxies, read from the right", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, ::1");
    // The client forged "1.2.3.4"; the proxy appended the real peer 198.51.100.5.
    expect(resolveClientAddress("10.1.2.3", "1.2.3.4, 198.51.100.5", trusted)).toBe("198.51.100.5");
    expect(resolveClientAddress("::1", "198.51.100.5, 10.0.0.2", trusted)).toBe("198.51.100.5");
    expect(resolveClientAddress("192.0.2.7", undefined, trusted)).toBe("192.0.2.7");
    expect(resolveClientAddress("192.0.2.7", "not-an-ip", trusted)).toBe("192.0.2.7");
    // A peer outside the list is the client, whatever it forwards.
    expect(resolveClientAddress("203.0.113.9", "10.0.0.1", trusted)).toBe("203.0.113.9");
  });

  it("matches IPv6 ranges and refuses malformed configuration", () => {
    const trusted = parseTrustedProxies("2001:db8::/32");
    expect(resolveClientAddress("2001:db8::5", "2001:db9::1", trusted)).toBe("2001:db9::1");
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/HUITONG_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/prefix/);
  });

  it("reads only the header the web server sets, never X-Forwarded-For", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
    expect(clientAddressOf(new Headers({ "x-huitong-client-address": "203.0.113.9" }))).toBe("203.0.113.9");
  });
});
