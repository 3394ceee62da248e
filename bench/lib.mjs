// Shared pieces for benchmarks: a production server on its own database, signing in over HTTP,
// a closed-loop load generator, and the one output format every benchmark prints:
//   BENCH <name> <metric>=<value><unit> baseline=<value><unit> ratio=<value>
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function report(name, metric, value, unit, baseline, { higherIsBetter = true } = {}) {
  const ratio = higherIsBetter ? value / baseline : baseline / value;
  const fmt = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));
  console.log(`BENCH ${name} ${metric}=${fmt(value)}${unit} baseline=${fmt(baseline)}${unit} ratio=${ratio.toFixed(2)}`);
  return ratio;
}

export function ensureBuild() {
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && process.env.BENCH_REBUILD !== "1") return;
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

/** Starts the production build on a fresh demo database; resolves once it answers. */
export async function startServer({ port, name }) {
  const db = path.join(root, "data", `bench-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const env = {
    ...process.env,
    DATABASE_URL: `file:${db}`,
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
    LEGIBLE_DEMO: "1",
    LEGIBLE_BENCH: "1",
    NODE_ENV: "production",
  };
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "--skip-build"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.on("data", () => {});
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/signin`, { redirect: "manual" });
      if (res.status < 500) return { base, stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGKILL");
  throw new Error("server did not start within 120 s");
}

/** Signs in through next-auth's credentials flow and returns the Cookie header to send. */
export async function signIn(base, email, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

/** Closed-loop load: `concurrency` workers request `url` back to back for `seconds`. */
export async function load(url, { headers = {}, concurrency = 8, seconds = 10, warmup = 2 } = {}) {
  const once = async () => {
    const res = await fetch(url, { headers, redirect: "manual" });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return body.byteLength;
  };
  const warmUntil = performance.now() + warmup * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < warmUntil) await once();
  }));
  const latencies = [];
  let bytes = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      bytes = await once();
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), requests: latencies.length, bytes };
}
