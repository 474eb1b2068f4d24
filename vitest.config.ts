import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Component tests run in a DOM chosen per file with a `// @vitest-environment jsdom|happy-dom` comment;
    // everything else stays in node.
    include: ["{lib,seeds,scripts,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
