// The collaboration server against a real PostgreSQL and real websockets: tickets, roles, persistence,
// restarts and offline edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Server } from "@hocuspocus/server";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createSection, setSectionTrashed } from "@/lib/synthesis/sections";
import { createCollabServer, type CollabContext } from "./server";
import { mintCollabToken } from "./token";
import { accessTo } from "@/lib/testing/access";

const secret = "collab-test-secret";
let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
let server: Server<CollabContext>;
let url: string;
const clients: SectionClient[] = [];

async function startServer(port = 0) {
  server = createCollabServer({ port, secret, debounceMs: 50, maxDebounceMs: 200 });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
}

function connect(userId: string, section = sectionId, doc?: Y.Doc) {
  const client = connectSection({
    url,
    sectionId: section,
    token: mintCollabToken({ userId, sectionId: section }, secret),
    doc,
  });
  clients.push(client);
  return client;
}

async function storedText(section = sectionId) {
  return (await db.sectionDocument.findUnique({ where: { sectionId: section } }))?.text ?? null;
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "collab");
  other = await createReviewWithTeam(db, "collab-other");
  sectionId = (
    await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "韧性治理",
    })
  ).sectionId;
  await startServer();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.destroy();
});

describe("collaboration server", () => {
  it("stores an editor's text in PostgreSQL and reports it stored", async () => {
    const editor = connect(team.users.EDITOR.id);
    expect(await editor.authenticated).toBe("read-write");
    await editor.synced;
    editor.appendParagraph("基层治理的韧性 resilience");
    await editor.waitStored();
    expect(await storedText()).toBe("基层治理的韧性 resilience");
    const stored = await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } });
    expect(stored.updatedById).toBe(team.users.EDITOR.id);
    expect(stored.content).toMatchObject({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("lets two writers edit at once and converge", async () => {
    const owner = connect(team.users.OWNER.id);
    const editor = connect(team.users.EDITOR.id);
    await Promise.all([owner.synced, editor.synced]);
    owner.appendParagraph("负责人写的段落");
    editor.appendParagraph("Editor's paragraph");
    await Promise.all([owner.waitStored(), editor.waitStored()]);
    await expect.poll(() => owner.text()).toBe(editor.text());
    expect(owner.text()).toContain("负责人写的段落");
    expect(owner.text()).toContain("Editor's paragraph");
  });

  it("opens the document read-only for supervisors and viewers and ignores their updates", async () => {
    const before = await storedText();
    for (const role of ["VIEWER", "SUPERVISOR"] as const) {
      const reader = connect(team.users[role].id);
      expect(await reader.authenticated).toBe("readonly");
      await reader.synced;
      const refused = reader.nextRefusal();
      reader.appendParagraph(`forged by ${role}`);
      // The server has read the update and answered that it did not apply it.
      await refused;
      const fresh = connect(team.users.OWNER.id);
      await fresh.synced;
      expect(fresh.text()).not.toContain("forged");
      reader.close();
    }
    expect(await storedText()).toBe(before);
  });

  it("refuses forged tickets, tickets for another section, outsiders and trashed sections", async () => {
    const forged = connectSection({
      url,
      sectionId,
      token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, "wrong"),
    });
    clients.push(forged);
    await expect(forged.authenticated).rejects.toThrow(/authentication failed/);

    const otherSection = (
      await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
        reviewId: team.reviewId,
        title: "另一节",
      })
    ).sectionId;
    const mismatched = connectSection({
      url,
      sectionId,
      token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId: otherSection }, secret),
    });
    clients.push(mismatched);
    await expect(mismatched.authenticated).rejects.toThrow(/authentication failed/);

    const outsider = connect(other.users.OWNER.id);
    await expect(outsider.authenticated).rejects.toThrow(/authentication failed/);

    await setSectionTrashed(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      sectionId: otherSection,
      trashed: true,
    });
    const trashed = connect(team.users.EDITOR.id, otherSection);
    await expect(trashed.authenticated).rejects.toThrow(/authentication failed/);
  });
});
