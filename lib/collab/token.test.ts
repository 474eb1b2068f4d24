import { describe, expect, it } from "vitest";
import { COLLAB_TOKEN_TTL_MS, mintCollabToken, sectionDocumentName, sectionIdOf, verifyCollabToken } from "./token";

describe("collaboration tokens", () => {
  const secret = "test-secret";
  it("round-trips a ticket", () => {
    const token = mintCollabToken({ userId: "u1", sectionId: "s1" }, secret, 1000);
    expect(verifyCollabToken(token, secret, 2000)).toMatchObject({ userId: "u1", sectionId: "s1" });
  });
  it("refuses an expired, forged or malformed token", () => {
    const token = mintCollabToken({ userId: "u1", sectionId: "s1" }, secret, 1000);
    expect(verifyCollabToken(token, secret, 1000 + COLLAB_TOKEN_TTL_MS + 1)).toBeNull();
    expect(verifyCollabToken(token, "other-secret", 2000)).toBeNull();
    const [payload, signature] = token.split(".");
    const widened = Buffer.from(JSON.stringify({ userId: "u2", sectionId: "s1", expiresAt: 9e15 })).toString(
      "base64url",
    );
    expect(verifyCollabToken(`${widened}.${signature}`, secret, 2000)).toBeNull();
    expect(verifyCollabToken(payload ?? "", secret, 2000)).toBeNull();
    expect(verifyCollabToken("", secret, 2000)).toBeNull();
  });
  it("names section documents and reads them back", () => {
    expect(sectionIdOf(sectionDocumentName("abc123"))).toBe("abc123");
    expect(sectionIdOf("section.")).toBeNull();
    expect(sectionIdOf("item.abc")).toBeNull();
  });
});
