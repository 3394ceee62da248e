// Unit tests (beside the code: lib/**/*.test.ts) and integration tests (tests/**/*.test.ts).
// Browser tests live in e2e/ and run under Playwright, never here.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside React Server Components; lib/ modules are plain Node here.
      { find: /^server-only$/, replacement: path.join(root, "node_modules", "server-only", "empty.js") },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.{ts,tsx}", "components/**/*.test.{ts,tsx}", "tests/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**", "lib/db/generated/**"],
    setupFiles: ["tests/setup.ts"],
    // Probes PostgreSQL once per run and hands the answer to tests via provide/inject.
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    // scrypt hashing and fresh database migrations are slow on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
