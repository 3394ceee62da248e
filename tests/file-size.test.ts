// No TypeScript file under app/, components/ or lib/ is over 400 lines, except a pure algorithm
// whose header says why ("Over 400 lines on purpose: …"), as lib/graph/layout.ts does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = process.cwd();
const MAX_LINES = 400;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name)) yield full;
  }
}

it(`keeps every TypeScript file in app/, components/ and lib/ within ${MAX_LINES} lines, or says why not`, () => {
  const over: string[] = [];
  for (const top of ["app", "components", "lib"]) {
    for (const file of sources(path.join(ROOT, top))) {
      const text = readFileSync(file, "utf8");
      const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
      const header = text.slice(0, 4000);
      if (lines > MAX_LINES && !/Over 400 lines on purpose: \S/.test(header)) over.push(`${path.relative(ROOT, file)}: ${lines} lines`);
    }
  }
  expect(over).toEqual([]);
});
