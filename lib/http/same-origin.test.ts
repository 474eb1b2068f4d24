import { describe, expect, it } from "vitest";
import { judgeOrigin } from "./same-origin";

const judge = (headers: Record<string, string>) => judgeOrigin(new Headers(headers));

describe("judgeOrigin", () => {
  it("accepts the app's own pages", () => {
    expect(judge({ host: "huitong.example", origin: "https://huitong.example", "sec-fetch-site": "same-origin" })).toBe(
      "same-origin",
    );
    expect(judge({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe("same-origin");
    // Behind a proxy that rewrites Host, the forwarded host is the one the browser addressed.
    expect(
      judge({ host: "127.0.0.1:3000", "x-forwarded-host": "huitong.example", origin: "https://huitong.example" }),
    ).toBe("same-origin");
  });

  it("refuses other ports, subdomains and sites, whichever signal tells", () => {
    expect(judge({ host: "localhost:3000", origin: "http://localhost:3001" })).toBe("cross-origin");
    expect(judge({ host: "app.example.edu", origin: "https://students.example.edu" })).toBe("cross-origin");
    expect(judge({ host: "localhost:3000", origin: "null" })).toBe("cross-origin");
    expect(judge({ host: "localhost:3000", "sec-fetch-site": "same-site" })).toBe("cross-origin");
    expect(judge({ host: "localhost:3000", "sec-fetch-site": "cross-site", origin: "http://localhost:3000" })).toBe(
      "cross-origin",
    );
    expect(judge({ origin: "http://localhost:3000" })).toBe("cross-origin");
  });

  it("lets a program without browser signals through (it has no borrowed cookie)", () => {
    expect(judge({ host: "localhost:3000" })).toBe("no-browser-signal");
  });
});
