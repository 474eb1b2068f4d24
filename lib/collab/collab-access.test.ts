// Access that changes while a section is open: a role change or removal announced by PostgreSQL NOTIFY reaches
// every collaboration process at once; presence (name and colour) is the server's, not the client's. Real
// Hocuspocus servers, real websockets, a real PostgreSQL.
import type { Server } from "@hocuspocus/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endAllSessions } from "@/lib/auth/accounts";
import type { Database } from "@/lib/db/client";
import { changeMemberRole, removeMember } from "@/lib/members/commands";
import { collaboratorColor } from "@/lib/synthesis/collaborator-color";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createCollabServer, type CollabContext } from "./server";
import { mintCollabToken } from "./token";
import { accessTo } from "@/lib/testing/access";

const secret = "collab-access-secret";
let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
// Two collaboration processes on one database, as when scaled out.
const servers: Server<CollabContext>[] = [];
const urls: string[] = [];
const clients: SectionClient[] = [];

function connect(userId: string, server = 0) {
  const client = connectSection({
    url: urls[server]!,
    sectionId,
    token: mintCollabToken({ userId, sectionId }, secret),
  });
  clients.push(client);
  return client;
}

async function addMember(role: "EDITOR" | "VIEWER", label: string) {
  const user = await createUser(db, label);
  const membership = await db.membership.create({ data: { reviewId: team.reviewId, userId: user.id, role } });
  return { ...user, membershipId: membership.id };
}

async function storedText() {
  return (await db.sectionDocument.findUnique({ where: { sectionId } }))?.text ?? "";
}

/** What `observer` sees of `subject`'s presence. */
function presenceOf(observer: SectionClient, subject: SectionClient) {
  return observer.provider.awareness?.getStates().get(subject.doc.clientID)?.user as
    { name?: string; color?: string } | undefined;
}

/**
 * Announces presence from `client` and waits until `observer` sees it. The server handles one connection's
 * messages in order, so once this returns, every update `client` sent before it has been dealt with.
 */
async function roundTrip(client: SectionClient, observer: SectionClient, marker: string) {
  client.provider.setAwarenessField("user", { name: marker, color: "#000000" });
  client.provider.setAwarenessField("marker", marker);
  await expect
    .poll(() => observer.provider.awareness?.getStates().get(client.doc.clientID)?.marker, { timeout: 10_000 })
    .toBe(marker);
}

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  team = await createReviewWithTeam(db, "access");
  sectionId = (
    await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "动态权限",
    })
  ).sectionId;
  for (let i = 0; i < 2; i++) {
    const server = createCollabServer({ port: 0, secret, debounceMs: 50, maxDebounceMs: 200, accessChangesUrl: url });
    await server.listen();
    servers.push(server);
    urls.push(`ws://127.0.0.1:${server.address.port}`);
  }
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.destroy();
});

describe("access changes on open connections", () => {
  it("turns a demoted editor's connections read-only at once, in every process, and tells the editor", async () => {
    const demoted = await addMember("EDITOR", "demoted");
    const owner = connect(team.users.OWNER.id, 0);
    const here = connect(demoted.id, 0);
    const elsewhere = connect(demoted.id, 1);
    expect(await here.authenticated).toBe("read-write");
    expect(await elsewhere.authenticated).toBe("read-write");
    await Promise.all([owner.synced, here.synced, elsewhere.synced]);
    here.appendParagraph("降级前写的");
    await here.waitStored();

    await changeMemberRole(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      membershipId: demoted.membershipId,
      role: "VIEWER",
    });
    await expect.poll(() => here.accessChanges, { timeout: 10_000 }).toEqual(["readonly"]);
    await expect.poll(() => elsewhere.accessChanges, { timeout: 10_000 }).toEqual(["readonly"]);

    here.appendParagraph("降级后伪造的 forged after demotion");
    elsewhere.appendParagraph("另一进程伪造的 forged elsewhere");
    await roundTrip(here, owner, "here-done");
    const ownerOnOther = connect(team.users.OWNER.id, 1);
    await ownerOnOther.synced;
    await roundTrip(elsewhere, ownerOnOther, "elsewhere-done");
    // The owner writes after them, so the stored text is recent when checked.
    owner.appendParagraph("负责人随后写的");
    await owner.waitStored();
    expect(owner.text()).toContain("降级前写的");
    expect(owner.text()).not.toContain("forged");
    expect(ownerOnOther.text()).not.toContain("forged");
    expect(await storedText()).toContain("负责人随后写的");
    expect(await storedText()).not.toContain("forged");
  });

  it("closes a removed member's connection, which receives nothing more and cannot come back", async () => {
    const removed = await addMember("EDITOR", "removed");
    const owner = connect(team.users.OWNER.id, 0);
    const member = connect(removed.id, 0);
    await Promise.all([owner.synced, member.synced]);
    const membership = { reviewId: team.reviewId, membershipId: removed.membershipId };

    await removeMember(await accessTo(team.users.OWNER.id, team.reviewId), membership);
    expect(await member.closedByServer).toBe("access revoked");
    expect(member.accessChanges).toEqual(["revoked"]);

    member.appendParagraph("移除后伪造的 forged after removal");
    owner.appendParagraph("移除之后的新内容");
    await owner.waitStored();
    const ownerNow = connect(team.users.OWNER.id, 0);
    await ownerNow.synced;
    await expect.poll(() => ownerNow.text()).toContain("移除之后的新内容");
    expect(member.text()).not.toContain("移除之后的新内容");
    expect(ownerNow.text()).not.toContain("forged");
    expect(await storedText()).not.toContain("forged");

    // A ticket minted before the removal no longer opens the section.
    const again = connect(removed.id, 0);
    await expect(again.authenticated).rejects.toThrow(/authentication failed/);
  });

  it("closes every connection of a person who signed out everywhere", async () => {
    const person = await addMember("EDITOR", "everywhere");
    const first = connect(person.id, 0);
    const second = connect(person.id, 1);
    await Promise.all([first.synced, second.synced]);
    const ticket = mintCollabToken({ userId: person.id, sectionId, sessionVersion: 0 }, secret);
    await endAllSessions(person.id);
    expect(await first.closedByServer).toBe("access revoked");
    expect(await second.closedByServer).toBe("access revoked");
    // A ticket minted in a session that has since ended no longer opens the section.
    const late = connectSection({ url: urls[0]!, sectionId, token: ticket });
    clients.push(late);
    await expect(late.authenticated).rejects.toThrow(/authentication failed/);
  });

  it("shows each person under their own name and colour, whatever their client announces", async () => {
    const viewer = connect(team.users.VIEWER.id, 0);
    const owner = connect(team.users.OWNER.id, 0);
    await Promise.all([viewer.synced, owner.synced]);
    const ownerAccount = await db.user.findUniqueOrThrow({ where: { id: team.users.OWNER.id } });
    const viewerAccount = await db.user.findUniqueOrThrow({ where: { id: team.users.VIEWER.id } });

    viewer.provider.setAwarenessField("user", { name: ownerAccount.name, color: "#ff0000" });
    viewer.provider.setAwarenessField("marker", "impersonation");
    await expect
      .poll(() => owner.provider.awareness?.getStates().get(viewer.doc.clientID)?.marker, { timeout: 10_000 })
      .toBe("impersonation");
    expect(presenceOf(owner, viewer)).toEqual({
      name: viewerAccount.name,
      color: collaboratorColor(team.users.VIEWER.id),
    });
  });
});
