// Prisma CLI configuration: the JavaScript schema engine with a driver adapter, so that no
// native engine binary is ever downloaded (see docs/adr/0001-prisma-6-js-engine.md).
// The CLI is used only for `generate` and `migrate diff`; lib/db/migrate.ts applies migrations.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" });
  },
});
