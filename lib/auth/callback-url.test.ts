import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => expect(safeCallbackUrl("/reviews/abc/library")).toBe("/reviews/abc/library"));
  it("refuses other sites", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", 42, undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/reviews");
    }
  });
});
