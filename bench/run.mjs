#!/usr/bin/env node
// npm run bench            runs every bench/*.bench.mjs
// npm run bench -- NAME    runs bench/NAME.bench.mjs
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = readdirSync(dir).filter((f) => f.endsWith(".bench.mjs")).map((f) => f.replace(/\.bench\.mjs$/, "")).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; available: ${all.join(", ")}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : all) {
  console.log(`# ${name}`);
  const mod = await import(pathToFileURL(path.join(dir, `${name}.bench.mjs`)).href);
  await mod.default();
}
