// ESLint 9 flat config. eslint-config-next 16 ships flat-config arrays: core-web-vitals
// (Next, React, hooks, a11y, import rules) and typescript (typescript-eslint recommended).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "node_modules/**",
    ".next/**",
    "out/**",
    "data/**",
    "lib/db/generated/**",
    "lib/markdown/generated/**",
    "public/markdown-preview-worker.js",
    "prisma/postgres/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "bench/results/**",
  ]),
  {
    rules: {
      // `_name` marks an argument or binding that is deliberately unused.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
]);
