import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Component tests (tests/components) run in jsdom, chosen per file with a `// @vitest-environment jsdom`
    // comment; everything else stays in node.
    include: ["{lib,seeds,scripts}/**/*.test.ts", "tests/components/**/*.test.tsx"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
