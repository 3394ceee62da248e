#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) from prisma/schema.prisma.
// The PostgreSQL schema is derived, never edited by hand: only the provider, url and output differ.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgres", "schema.prisma");

export function derivePostgresSchema() {
  const source = readFileSync(sqliteSchema, "utf8");
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://localhost/placeholder"')
    .replace('output     = "../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgres"');
  if (derived === source || !derived.includes('"postgresql"') || !derived.includes("generated/postgres")) {
    throw new Error("prisma-generate: could not derive the PostgreSQL schema; did schema.prisma's datasource or generator change?");
  }
  mkdirSync(path.dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs. Do not edit.\n" + derived);
  return pgSchema;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  derivePostgresSchema();
  const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", PRISMA_TELEMETRY_DISABLED: "1" };
  for (const schema of [sqliteSchema, pgSchema]) {
    execFileSync(prismaBin, ["generate", "--schema", schema], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  }
  console.log("prisma: generated SQLite and PostgreSQL clients in lib/db/generated/");
}
