// @vitest-environment happy-dom
// The editor's collaboration hook under React's StrictMode, against the real collaboration server and
// PostgreSQL: StrictMode mounts, unmounts and mounts again, and exactly one live connection must remain.
import { createElement, StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Server } from "@hocuspocus/server";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { createCollabServer, type CollabContext } from "@/lib/collab/server";
import { mintCollabToken } from "@/lib/collab/token";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createSection } from "@/lib/synthesis/sections";
import { accessTo } from "@/lib/testing/access";
import { useCollaboration, type Collaboration } from "./use-collaboration";

/**
 * `ws` reports closing a socket that is still connecting as an "error" event, after the provider has removed
 * its listeners, so Node would treat it as unhandled; a browser's WebSocket only closes. StrictMode's first
 * mount closes its socket exactly then, so the test's sockets behave as a browser's do.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("error", () => {});
  }
}

const secret = "strict-mode-test-secret";
let db: Awaited<ReturnType<typeof createTestDatabase>>["db"];
let server: Server<CollabContext>;
let url: string;
let sectionId: string;
let userId: string;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const team = await createReviewWithTeam(db, "strict");
  userId = team.users.EDITOR.id;
  sectionId = (
    await createSection(await accessTo(userId, team.reviewId), { reviewId: team.reviewId, title: "严格模式" })
  ).sectionId;
  server = createCollabServer({ port: 0, secret, debounceMs: 50, maxDebounceMs: 200 });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  await server?.destroy();
});

function mount() {
  const seen: Collaboration[] = [];
  let tickets = 0;
  function Probe() {
    const collaboration = useCollaboration({
      sectionId,
      tokenUrl: "/unused",
      user: { name: "编辑", color: "#0f766e" },
      url,
      token: async () => {
        tickets += 1;
        return mintCollabToken({ userId, sectionId }, secret);
      },
      WebSocketPolyfill: BrowserLikeWebSocket,
    });
    seen.push(collaboration);
    return null;
  }
  const container = document.createElement("div");
  const root: Root = createRoot(container);
  root.render(createElement(StrictMode, null, createElement(Probe)));
  return { seen, latest: () => seen.at(-1)!, tickets: () => tickets, root };
}

describe("useCollaboration under StrictMode", () => {
  it("keeps exactly one live connection after the double mount, and none after unmount", async () => {
    const probe = mount();
    await expect.poll(() => probe.latest().sync.kind, { timeout: 15_000 }).toBe("saved");
    expect(probe.latest().readOnly).toBe(false);
    expect(server.hocuspocus.getConnectionsCount()).toBe(1);
    // The first mount's connection was closed before it asked for a ticket; only the surviving one did.
    expect(probe.tickets()).toBe(1);

    // Every render after the double mount sees the same document and provider: no second editor is built.
    const connection = probe.latest().connection!;
    const after = probe.seen.filter((state) => state.connection);
    expect(new Set(after.map((state) => state.connection!.provider)).size).toBe(1);

    // The surviving connection is the live one: what it changes reaches the server's document.
    connection.doc.getMap("probe").set("typed", "一段文字");
    await expect
      .poll(() => server.hocuspocus.documents.get(sectionDocumentName(sectionId))?.getMap("probe").get("typed"))
      .toBe("一段文字");

    const rendersBefore = probe.seen.length;
    probe.root.unmount();
    await expect.poll(() => server.hocuspocus.getConnectionsCount(), { timeout: 15_000 }).toBe(0);
    // Closing the socket reached no state of the unmounted component (it would have rendered again).
    expect(probe.seen.length).toBe(rendersBefore);
  });
});
