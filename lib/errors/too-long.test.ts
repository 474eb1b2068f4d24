// Limits agree end to end: what the item schema allows fits in a server action's body, and a field over its
// limit is named with its length and the limit (the form shows it beside the field and keeps the text).
import { describe, expect, it } from "vitest";
import { COMMENT_MAX_CHARS } from "@/lib/comments/limits";
import { SERVER_ACTION_BODY_LIMIT_MB } from "@/lib/http/security-headers";
import { itemFieldsSchema } from "@/lib/items/item-fields";
import { tooLongFields, utf8Bytes } from "./too-long";

describe("limits agree", () => {
  it("an item with its full text at the 2,000,000-character limit, in Chinese, fits in a server action's body", () => {
    const fields = {
      titleZh: "题".repeat(1000),
      abstractZh: "摘".repeat(20_000),
      abstractEn: "a".repeat(20_000),
      authors: Array.from({ length: 20 }, (_, i) => ({ nameZh: `作者${i}`, bio: "简".repeat(2000) })),
      fullText: "全".repeat(2_000_000),
    };
    expect(itemFieldsSchema.safeParse(fields).success).toBe(true);
    // The form posts the fields as JSON in one multipart field, beside a few small ones.
    const body = utf8Bytes(JSON.stringify(fields)) + 4096;
    expect(body).toBeGreaterThan(6_000_000);
    expect(body).toBeLessThan(SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024 - 64 * 1024);
  });

  it("a 10,000-character comment in Chinese fits too", () => {
    expect(utf8Bytes("评".repeat(COMMENT_MAX_CHARS))).toBeLessThan(SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024);
  });
});

describe("tooLongFields", () => {
  it("names each over-long field with its length and limit", () => {
    const fields = {
      titleZh: "题",
      fullText: "全".repeat(2_000_001),
      authors: [{ nameZh: "甲", bio: "简".repeat(2001) }],
    };
    const parsed = itemFieldsSchema.safeParse(fields);
    expect(tooLongFields(parsed.error, fields)).toEqual([
      { path: "authors.0.bio", count: 2001, max: 2000 },
      { path: "fullText", count: 2_000_001, max: 2_000_000 },
    ]);
  });

  it("leaves other problems to the server's answer", () => {
    const fields = { year: "公元" };
    expect(tooLongFields(itemFieldsSchema.safeParse(fields).error, fields)).toEqual([]);
  });
});
