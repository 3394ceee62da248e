// The map endpoints at scale (issue 11, item 7): GET /projects/{key}/map and GET /maps/services,
// their route handlers in process against a fresh SQLite database holding a generated project,
// answering 200 (built, and cached) and 304. See bench/map-endpoint.ts for what is timed.
//   BENCH map-endpoint nodes=<n> project_200_built_ms=… project_200_ms=… project_304_ms=… ratio=<built/304> services_200_ms=… services_304_ms=… body_kb=…
//   env: BENCH_MAP_SIZES (2000), BENCH_MAP_ROUNDS (15)
// Run: npm run bench -- map-endpoint
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default async function run() {
  const sizes = (process.env.BENCH_MAP_SIZES ?? "2000").split(",").map((s) => s.trim()).filter(Boolean);
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  await new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--conditions=react-server", "--tsconfig", "tsconfig.json", path.join(root, "bench", "map-endpoint.ts"), ...sizes], { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench/map-endpoint.ts exited with ${code}`))));
  });
}
