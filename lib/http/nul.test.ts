// NUL (U+0000) is refused at the edge with TEXT_HAS_NUL naming the field, before PostgreSQL (which cannot store
// it) fails deep inside a query with an error nobody can act on.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { startThread } from "@/lib/comments/threads";
import { updateItem } from "@/lib/items/commands";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { parseInput } from "@/lib/validation";
import { findNul, urlHasNul } from "./nul";
import { accessTo } from "@/lib/testing/access";

describe("findNul", () => {
  it("names where the first NUL is", () => {
    expect(findNul("a\u0000b")).toBe("");
    expect(findNul({ title: "ok", authors: [{ bio: "x" }, { bio: "y\u0000" }] })).toBe("authors.1.bio");
    const form = new FormData();
    form.set("body", "评论\u0000");
    expect(findNul(form)).toBe("body");
    expect(findNul({ a: ["fine", 1, null, { b: "也可以" }] })).toBeNull();
  });

  it("finds an encoded NUL anywhere in a URL", () => {
    expect(urlHasNul("/reviews/x/search?q=%00")).toBe(true);
    expect(urlHasNul("/reviews/abc%00/library")).toBe(true);
    expect(urlHasNul("/reviews/x/search?q=%E5%85%AC%E5%85%B1")).toBe(false);
    // "%2500" is the text "%00", not a NUL.
    expect(urlHasNul("/reviews/x/search?q=%2500")).toBe(false);
  });

  it("parseInput refuses NUL with TEXT_HAS_NUL and the field", () => {
    const schema = z.object({ title: z.string() });
    expect(() => parseInput(schema, { title: "标题\u0000" })).toThrow(
      expect.objectContaining({ code: "TEXT_HAS_NUL", fields: { title: [expect.stringContaining("NUL")] } }),
    );
  });
});

describe("commands refuse NUL instead of failing in the database", () => {
  let db: Database;
  let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
  beforeAll(async () => {
    ({ db } = await createTestDatabase());
    team = await createReviewWithTeam(db, "nul");
  });

  it("a section title, a comment and an item's full text", async () => {
    const owner = team.users.OWNER.id;
    await expect(
      createSection(await accessTo(owner, team.reviewId), { reviewId: team.reviewId, title: "引言\u0000" }),
    ).rejects.toMatchObject({
      code: "TEXT_HAS_NUL",
      fields: { title: expect.any(Array) },
    });
    const { sectionId } = await createSection(await accessTo(owner, team.reviewId), {
      reviewId: team.reviewId,
      title: "引言",
    });
    await expect(
      accessTo(owner, team.reviewId).then((access) =>
        startThread(access, { reviewId: team.reviewId, sectionId, anchor: null, body: "意见\u0000" }),
      ),
    ).rejects.toMatchObject({ code: "TEXT_HAS_NUL" });
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: team.itemId } });
    await expect(
      accessTo(owner, team.reviewId).then((access) =>
        updateItem(access, {
          reviewId: team.reviewId,
          itemId: team.itemId,
          version: item.version,
          fields: { titleZh: "题名", fullText: "从 PDF 复制\u0000的文字" },
        }),
      ),
    ).rejects.toMatchObject({ code: "TEXT_HAS_NUL", fields: { "fields.fullText": expect.any(Array) } });
    expect(await db.synthesisSection.count({ where: { reviewId: team.reviewId } })).toBe(1);
    expect(await db.commentThread.count({ where: { reviewId: team.reviewId } })).toBe(0);
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: team.itemId } })).version).toBe(item.version);
  });
});
