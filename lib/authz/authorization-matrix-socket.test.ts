// The authorization matrix, continued for the collaboration socket: each role of review A opening one of its
// sections, a member of review B only (the outsider), and someone with no valid ticket. Writers get a writable
// connection; supervisors and viewers a read-only one whose edits are never stored; the others are refused.
import type { Server } from "@hocuspocus/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCollabServer, type CollabContext } from "@/lib/collab/server";
import { mintCollabToken } from "@/lib/collab/token";
import type { Database } from "@/lib/db/client";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { accessTo } from "@/lib/testing/access";

const secret = "socket-matrix-secret";
let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionA: string;
let sectionB: string;
let server: Server<CollabContext>;
let url: string;
const clients: SectionClient[] = [];

function open(userId: string, sectionId: string, tokenSecret = secret) {
  const client = connectSection({ url, sectionId, token: mintCollabToken({ userId, sectionId }, tokenSecret) });
  clients.push(client);
  return client;
}

async function storedText(sectionId: string) {
  return (await db.sectionDocument.findUnique({ where: { sectionId } }))?.text ?? "";
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "socket-a");
  b = await createReviewWithTeam(db, "socket-b");
  sectionA = (await createSection(await accessTo(a.users.OWNER.id, a.reviewId), { reviewId: a.reviewId, title: "甲" }))
    .sectionId;
  sectionB = (await createSection(await accessTo(b.users.OWNER.id, b.reviewId), { reviewId: b.reviewId, title: "乙" }))
    .sectionId;
  server = createCollabServer({ port: 0, secret, debounceMs: 30, maxDebounceMs: 100, accessChangesUrl: false });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.destroy();
});

const EXPECTED = { OWNER: "read-write", EDITOR: "read-write", SUPERVISOR: "readonly", VIEWER: "readonly" } as const;

describe("the collaboration socket", () => {
  it.each(Object.entries(EXPECTED))("opens review A's section for its %s as %s", async (role, scope) => {
    const client = open(a.users[role as keyof typeof EXPECTED].id, sectionA);
    expect(await client.authenticated).toBe(scope);
    await client.synced;
    client.appendParagraph(`written by ${role}`);
    if (scope === "read-write") {
      await client.waitStored();
      expect(await storedText(sectionA)).toContain(`written by ${role}`);
      return;
    }
    // A writer's later change is stored; the reader's earlier one, sent first on its own connection, is not.
    client.provider.setAwarenessField("probe", role);
    const owner = open(a.users.OWNER.id, sectionA);
    await owner.synced;
    await expect
      .poll(() => owner.provider.awareness?.getStates().get(client.doc.clientID)?.probe, { timeout: 10_000 })
      .toBe(role);
    owner.appendParagraph(`after ${role}`);
    await owner.waitStored();
    expect(await storedText(sectionA)).toContain(`after ${role}`);
    expect(await storedText(sectionA)).not.toContain(`written by ${role}`);
  });

  it.each(["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const)(
    "refuses review B's %s (an outsider to review A)",
    async (role) => {
      const outsider = open(b.users[role].id, sectionA);
      await expect(outsider.authenticated).rejects.toThrow(/authentication failed/);
    },
  );

  it("refuses a forged ticket, a ticket for another section and a member of A opening B's section", async () => {
    await expect(open(a.users.OWNER.id, sectionA, "not-the-secret").authenticated).rejects.toThrow(/failed/);
    const mismatched = connectSection({
      url,
      sectionId: sectionA,
      token: mintCollabToken({ userId: a.users.OWNER.id, sectionId: sectionB }, secret),
    });
    clients.push(mismatched);
    await expect(mismatched.authenticated).rejects.toThrow(/failed/);
    await expect(open(a.users.OWNER.id, sectionB).authenticated).rejects.toThrow(/failed/);
    expect(await storedText(sectionB)).toBe("");
  });
});
