import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

/** Where a browser on https://app.example would go for a Location header of `location`. */
function browserDestination(location: string): string {
  return new URL(location, "https://app.example/sign-in").origin;
}

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/reviews/abc/library")).toBe("/reviews/abc/library");
    expect(safeCallbackUrl("/reviews/abc/search?q=%E6%B2%BB%E7%90%86#top")).toBe(
      "/reviews/abc/search?q=%E6%B2%BB%E7%90%86#top",
    );
  });

  it("refuses other sites, however they are spelled", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example/x",
      "/%09/evil.example/x",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%2F/evil.example",
      "/%5C/evil.example",
      "/ /evil.example",
      "\t//evil.example",
      "javascript:alert(1)",
      "",
      42,
      undefined,
    ]) {
      const result = safeCallbackUrl(bad);
      expect(result, JSON.stringify(bad)).toBe("/reviews");
    }
  });

  it("never returns a value a browser would take off the site, nor one with a control character", () => {
    const candidates = ["/%09/evil.example/", "/\t\t/evil.example", "/\u0000/x", "/a\nb", "/./\t/evil.example"];
    for (const raw of candidates) {
      const result = safeCallbackUrl(raw);
      expect(browserDestination(result)).toBe("https://app.example");
      expect(result).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});
