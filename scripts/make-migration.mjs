#!/usr/bin/env node
// Creates the next migration for both providers from the change to prisma/schema.prisma.
//   npm run db:migration -- add_widget_table
// Prisma 6.19's JS engine cannot run `migrate dev`, so the SQL comes from `prisma migrate diff`
// between the schema as of the last migration (kept beside the migrations) and the current one.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "./prisma-generate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

const providers = {
  sqlite: path.join(root, "prisma", "schema.prisma"),
  postgres: derivePostgresSchema(),
};
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
// prisma.config.ts points the CLI's adapter at data/prisma-cli.db; without the folder `migrate diff`
// fails with an opaque "External error id#0" (a fresh clone has no data/).
mkdirSync(path.join(root, "data"), { recursive: true });
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };

let wrote = 0;
for (const [provider, schema] of Object.entries(providers)) {
  const dir = path.join(root, "prisma", "migrations", provider);
  mkdirSync(dir, { recursive: true });
  const snapshot = path.join(dir, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    prismaBin,
    ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${provider}: no schema change`);
    continue;
  }
  const next = readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).length + 1;
  const folder = path.join(dir, `${String(next).padStart(4, "0")}_${name}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(schema, snapshot);
  console.log(`${provider}: wrote ${path.relative(root, folder)}/migration.sql`);
  wrote++;
}
if (wrote && readFileSync(providers.sqlite, "utf8")) console.log("Commit the new migration folders and snapshots.");
