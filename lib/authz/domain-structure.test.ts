// The domain never resolves access itself: it is handed a ReviewAccess by an edge (a page, a server action, a
// route handler) and checks its action on it. A domain module that imported `authorize` or `resolveAccess` again
// would take a user id and a review id and look the membership up on its own — the convention this replaced.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(__dirname, "..");

/** The places that turn a user and a review into an access: the policy itself, the edges and the tests' helper. */
const RESOLVERS = new Set([
  "authz/authorize.ts",
  "authz/request-access.ts",
  "collab/server.ts",
  "http/route.ts",
  "testing/access.ts",
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the domain takes a resolved access", () => {
  it("no lib module outside the edges imports authorize or resolveAccess", () => {
    const offenders = sources(LIB)
      .map((file) => path.relative(LIB, file).split(path.sep).join("/"))
      .filter((file) => !RESOLVERS.has(file))
      .filter((file) => {
        const text = readFileSync(path.join(LIB, file), "utf8");
        return /import\s*\{[^}]*\b(authorize|resolveAccess)\b[^}]*\}\s*from\s*"(@\/lib\/authz\/authorize|\.\/authorize)"/.test(
          text,
        );
      });
    expect(offenders).toEqual([]);
  });
});
