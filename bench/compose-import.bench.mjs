// The compose import benchmark (issue 10): a generated compose file of 500 services with about
// 1,200 dependencies, previewed and applied into a project of a fresh SQLite database (read, plan,
// one transaction), against a bare YAML parse (yaml.parse) of the same file in the same process.
// Medians of BENCH_COMPOSE_ROUNDS rounds (default 5), each on a new database.
//   BENCH compose-import ms=<preview+apply> baseline=<yaml.parse> ratio=<ours/baseline>   target: under 2,000 ms
// Run: npm run bench -- compose-import
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./lib.mjs";

function runWorker() {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123", DATABASE_URL: "file:./data/bench-compose-unused.db" };
    const child = spawn(tsx, ["--tsconfig", "tsconfig.json", path.join(root, "bench", "compose-import.worker.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`compose-import worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`compose-import worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

const fmt = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));

export default async function composeImport() {
  const r = await runWorker();
  console.log(`# ${r.services} services, ${r.edges} dependencies, ${r.bytes} bytes`);
  console.log(`BENCH compose-import ms=${fmt(r.ours)} baseline=${fmt(r.baseline)} ratio=${(r.ours / r.baseline).toFixed(2)}`);
}
