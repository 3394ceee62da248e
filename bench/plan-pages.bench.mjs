// The plan pages of a large project (issue 9): the board and the timeline of a project of 500
// milestones and about 1,000 dependencies, each against the bare dynamic page of the same size from
// the same build, measured side by side in one run as bench/overview.bench.mjs does.
// Target: each page's rps ≥ 0.5 × bare rps.
//
// The project is made through the app's own API (/api/v1, signed in as the demo manager, who
// becomes its owner, with the demo engineer and researcher as members): milestones with owners,
// estimates, start and due dates relative to today, some acceptance checklists, about two
// dependencies each on earlier milestones, then statuses (some done, in progress, blocked with a
// note, cancelled) and healths. A page whose route does not exist yet is skipped with a note.
//   BENCH <page> rps=<ours> baseline=<bare> ratio=<ours/bare>
//   BENCH <page> p99=<ours>ms baseline=<bare>ms ratio=<bare/ours>
//   BENCH <page> cpu=<server CPU ms per request>ms baseline=<bare>ms ratio=<bare/ours>   (Linux only)
//   env: BENCH_SECONDS (10), BENCH_CONCURRENCY (8), BENCH_PORT (3950), BENCH_MILESTONES (500),
//        BENCH_PAGES (board,timeline), BENCH_ROUNDS (2: alternations of bare and ours within BENCH_SECONDS)
// Run: npm run bench -- plan-pages
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureBuild, load, report, root, signIn, startServer } from "./lib.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const size = Number(process.env.BENCH_MILESTONES ?? 500);
const pages = (process.env.BENCH_PAGES ?? "board,timeline").split(",").map((p) => p.trim()).filter(Boolean);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const port = Number(process.env.BENCH_PORT ?? 3950);
const KEY = "PERF";
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so every run plans the same project. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generated plan: per milestone its fields, the earlier milestones it waits on, its status and health. */
function generatePlan(n) {
  const rand = random(9);
  const today = Math.floor(Date.now() / DAY);
  const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  const milestones = [];
  for (let i = 1; i <= n; i++) {
    // Work spread over about a year around today, earlier keys earlier.
    const start = today - 120 + Math.floor((i / n) * 300) + Math.floor(rand() * 20);
    const estimate = 1 + Math.floor(rand() * 10);
    const fields = { key: `${KEY}-${i}`, title: `Milestone ${i} of the large plan`, estimateDays: rand() < 0.1 ? null : estimate };
    if (rand() < 0.7) fields.startDate = iso(start);
    if (rand() < 0.8) fields.dueDate = iso(start + estimate + Math.floor(rand() * 10));
    if (rand() < 0.3) fields.acceptanceCriteria = "- [x] designed\n- [ ] built\n- [ ] reviewed";
    const after = new Set();
    // About two edges per milestone, mostly on recent ones, so chains run long.
    const wanted = i === 1 ? 0 : i === 2 ? 1 : 2 + (rand() < 0.05 ? 1 : 0) - (rand() < 0.05 ? 1 : 0);
    while (after.size < Math.min(wanted, i - 1)) {
      const back = rand() < 0.8 ? 1 + Math.floor(rand() * Math.min(20, i - 1)) : 1 + Math.floor(rand() * (i - 1));
      after.add(i - back);
    }
    const position = i / n;
    const r = rand();
    let status = "planned";
    if (position < 0.3) status = r < 0.85 ? "done" : r < 0.95 ? "in_progress" : "cancelled";
    else if (position < 0.6) status = r < 0.3 ? "done" : r < 0.75 ? "in_progress" : r < 0.8 ? "blocked" : "planned";
    else if (r < 0.05) status = "in_progress";
    else if (r < 0.07) status = "blocked";
    const h = rand();
    const health = status === "done" || status === "cancelled" ? "on_track" : h < 0.1 ? "off_track" : h < 0.25 ? "at_risk" : "on_track";
    milestones.push({ fields, after: [...after].map((j) => `${KEY}-${j}`), status, health });
  }
  return milestones;
}

/**
 * The server process's CPU time so far in ms, read from /proc (Linux; null elsewhere): how much
 * work a page costs the server, whatever else the machine is doing. The server is the
 * scripts/server.mjs process serving `port`.
 */
function serverCpu() {
  let pid;
  try {
    const script = path.join(root, "scripts", "server.mjs");
    pid = readdirSync("/proc").find((p) => {
      if (!/^\d+$/.test(p)) return false;
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").includes(script) && readFileSync(`/proc/${p}/environ`, "utf8").split("\0").includes(`PORT=${port}`);
      } catch {
        return false;
      }
    });
  } catch {
    return () => null;
  }
  if (!pid) return () => null;
  const ticks = 100; // USER_HZ on Linux
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  };
}

/** Runs `task` over `items` with a few requests in flight at once. */
async function pool(items, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  }));
}

async function seed(base, cookie) {
  // A session-cookie write must come from the site itself: Origin says so (docs/api.md).
  const headers = { cookie, origin: base, "content-type": "application/json" };
  const api = async (method, path, body, expected) => {
    const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}: ${json.detail ?? JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  const t0 = Date.now();
  await api("POST", "/projects", { key: KEY, name: "Large plan (benchmark)", description: "A generated project for bench/plan-pages.bench.mjs." }, 201);
  // The demo's engineer and researcher join, so that the work has several owners.
  for (const [email, role] of [["engineer@legible.demo", "engineer"], ["researcher@legible.demo", "researcher"]]) {
    await api("POST", `/projects/${KEY}/members`, { email, role }, 201);
  }
  const owners = (await api("GET", `/projects/${KEY}/members`, undefined, 200)).members.map((m) => m.user.id);
  const plan = generatePlan(size);
  const ids = new Map();
  await pool(plan, 4, async (m, i) => {
    // Most milestones have an owner, in turn; some are unassigned.
    const ownerId = i % 7 === 6 ? null : owners[i % owners.length];
    const { milestone } = await api("POST", `/projects/${KEY}/milestones`, { ...m.fields, ownerId }, 201);
    ids.set(m.fields.key, milestone);
  });
  const edges = plan.flatMap((m) => m.after.map((on) => [m.fields.key, on]));
  await pool(edges, 4, async ([from, on]) => {
    await api("POST", `/milestones/${ids.get(from).id}/dependencies`, { dependsOn: on }, 201);
  });
  const moved = plan.filter((m) => m.status !== "planned" || m.health !== "on_track");
  await pool(moved, 4, async (m) => {
    const { id, version } = ids.get(m.fields.key);
    const note = m.status === "blocked" ? "Waiting on the data licence." : m.health !== "on_track" ? "Estimate looks optimistic." : "";
    await api("POST", `/milestones/${id}/status`, { status: m.status, health: m.health, note, version }, 200);
  });
  const counts = {};
  for (const m of plan) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const summary = Object.entries(counts).map(([s, c]) => `${c} ${s}`).join(", ");
  console.log(`# seeded ${KEY}: ${plan.length} milestones, ${edges.length} dependencies (${summary}) through /api/v1 in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export default async function planPages() {
  ensureBuild();
  const server = await startServer({ port, name: "plan-pages" });
  try {
    const cpu = serverCpu();
    // DEMO_PASSWORD in lib/demo/users.ts (this plain-JS runner cannot import TypeScript).
    const cookie = await signIn(server.base, "manager@legible.demo", process.env.BENCH_PASSWORD ?? "legible-demo-2026");
    const headers = { cookie };
    await seed(server.base, cookie);
    // The bare page's HTML also carries its React payload, so calibrate its padding to match.
    const bareSize = async (bytes) => (await (await fetch(`${server.base}/bench/bare?bytes=${bytes}`, { headers })).arrayBuffer()).byteLength;
    const results = [];
    for (const page of pages) {
      const url = `${server.base}/projects/${KEY}/${page}`;
      const probe = await fetch(url, { headers, redirect: "manual" });
      const body = await probe.arrayBuffer();
      if (probe.status === 404) {
        console.log(`# ${page}: /projects/${KEY}/${page} answered 404 (no such page in this build); skipped`);
        continue;
      }
      if (probe.status !== 200) throw new Error(`${page} answered ${probe.status}`);
      const bytes = body.byteLength;
      const padding = Math.round(bytes * (bytes / (await bareSize(bytes))));
      const bareUrl = `${server.base}/bench/bare?bytes=${padding}`;
      // Alternate the two pages so that neither gets the machine's quieter moments.
      const ours = [];
      const bare = [];
      const cpuTotals = { ours: [0, 0], bare: [0, 0] };
      const measured = async (which, target) => {
        // load()'s own warm-up (2 s), run first so that the CPU read covers the timed requests only.
        await load(target, { headers, concurrency, seconds: 0 });
        const before = cpu();
        const result = await load(target, { headers, concurrency, seconds: seconds / rounds, warmup: 0 });
        const after = cpu();
        if (before !== null && after !== null) {
          cpuTotals[which][0] += after - before;
          cpuTotals[which][1] += result.requests;
        }
        return result;
      };
      for (let i = 0; i < rounds; i++) {
        bare.push(await measured("bare", bareUrl));
        ours.push(await measured("ours", url));
      }
      const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
      console.log(`# ${page} page ${bytes} B, bare page ${bare[0].bytes} B, concurrency ${concurrency}, ${seconds}s each in ${rounds} rounds`);
      const ratio = report(page, "rps", mean(ours, "rps"), "", mean(bare, "rps"));
      report(page, "p99", Math.max(...ours.map((r) => r.p99)), "ms", Math.max(...bare.map((r) => r.p99)), { higherIsBetter: false });
      if (cpuTotals.ours[1] && cpuTotals.bare[1]) {
        // Server CPU per request: steadier than rps on a busy machine (not the target, a second view of it).
        report(page, "cpu", cpuTotals.ours[0] / cpuTotals.ours[1], "ms", cpuTotals.bare[0] / cpuTotals.bare[1], { higherIsBetter: false });
      }
      results.push([page, ratio]);
    }
    for (const [page, ratio] of results) console.log(`# target: ${page} rps ratio ≥ 0.50 — ${ratio >= 0.5 ? "met" : "NOT met"}`);
  } finally {
    await server.stop();
  }
}
