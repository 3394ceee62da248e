// The handoff benchmark, in two parts:
//   handoff-render  server render of one long handoff (~50 KB of Markdown, 20 display-math blocks,
//                   10 fenced code blocks, tables, lists) with our <Markdown> (through the worker
//                   pool) against plain react-markdown without plugins on the same text: ms per
//                   render, ratio plain/ours, cold (nothing seen before), warm (new text, formulas
//                   typeset before) and cached.
//   markdown-pathological  the worst time to an answer (formatted or shown as plain text) over
//                   the pathological corpus (lib/markdown/pathological.ts), cold, against the cold
//                   render of the long handoff: ratio long-handoff/worst. Before the pool, several
//                   inputs took over 60 s each (docs/adr/0005-markdown-worker-threads.md).
//   handoff         the signed-in handoff read page against the bare dynamic page of the same size
//                   from the same build, as bench/overview.bench.mjs does. Target: rps ratio ≥ 0.5.
// The render part needs our TSX renderer, which imports CSS; it runs in a child process under tsx
// (bench/handoff-render.worker.tsx) with CSS imports stubbed, and prints JSON that is read here.
//   BENCH_HANDOFF=render | page   run one part only
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuild, load, report, root, signIn, startServer } from "./lib.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

// Preloaded before tsx: `import "./x.css"` and `import styles from "./x.module.css"` become an
// object mapping each class name to itself, and "server-only" (which throws outside React Server
// Components) its empty stub. tsx runs this .tsx as CommonJS (the package has no
// "type": "module"), so the require hooks do the work; the ESM hooks cover the other case.
const SERVER_ONLY = path.join(root, "node_modules", "server-only", "empty.js");
const CSS_HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: ${JSON.stringify(pathToFileURL(SERVER_ONLY).href)}, shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (/\\.css(?:\\?.*)?$/.test(url)) {
    return { format: "module", shortCircuit: true, source: "export default new Proxy({}, { get: (_, k) => (typeof k === 'string' ? k : undefined) });" };
  }
  return next(url, context);
}`;
const CSS_STUB = `import Module, { register } from "node:module";
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "server-only" ? ${JSON.stringify(SERVER_ONLY)} : request, ...rest);
};
Module._extensions[".css"] = (module) => {
  module.exports = new Proxy({}, { get: (_, k) => (typeof k === "string" && k !== "__esModule" && k !== "then" ? k : undefined) });
};
register("data:text/javascript," + encodeURIComponent(${JSON.stringify(CSS_HOOK)}));`;

function runRenderWorker() {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const worker = path.join(root, "bench", "handoff-render.worker.tsx");
  const args = ["--import", `data:text/javascript,${encodeURIComponent(CSS_STUB)}`, worker];
  return new Promise((resolve, reject) => {
    // Production React, as the server runs it (development React adds checks to every element).
    const child = spawn(tsx, args, { cwd: root, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`render worker exited with ${code}`));
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`render worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

async function renderPart() {
  const { shape, ours, warm, cached, plain, pathological, poolSize } = await runRenderWorker();
  if (shape.renderedDisplayMath !== 20 || shape.renderedCodeBlocks !== 10) {
    throw new Error(`long handoff rendered ${shape.renderedDisplayMath} display formulas and ${shape.renderedCodeBlocks} code blocks; expected 20 and 10`);
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `# long handoff: ${kb(shape.markdownBytes)} Markdown, ${shape.displayMath} display-math blocks, ${shape.inlineMath} inline formulas, ` +
      `${shape.codeBlocks} code blocks, ${shape.tables} tables; HTML ours ${kb(shape.oursHtmlBytes)}, plain ${kb(shape.plainHtmlBytes)}`,
  );
  console.log(
    `# ${ours.n} renders each, interleaved; median (mean, p95) ours ${ours.median.toFixed(1)} (${ours.mean.toFixed(1)}, ${ours.p95.toFixed(1)}) ms, ` +
      `plain react-markdown ${plain.median.toFixed(1)} (${plain.mean.toFixed(1)}, ${plain.p95.toFixed(1)}) ms`,
  );
  // Cold: nothing rendered before, every formula typeset.
  report("handoff-render", "ms", ours.median, "", plain.median, { higherIsBetter: false });
  // New text, known formulas: an edited handoff, or the editor's preview on each keystroke.
  report("handoff-render-warm", "ms", warm.median, "", plain.median, { higherIsBetter: false });
  // The same text shown again (a saved revision never changes) comes from <Markdown>'s cache.
  report("handoff-render-cached", "ms", cached.median, "", plain.median, { higherIsBetter: false });
  // The pathological corpus: each input's time to an answer, and how it was answered.
  console.log(`# pathological corpus, ${pathological.results.length} inputs, ${poolSize} worker thread(s); ms to an answer (outcome):`);
  for (const r of pathological.results) console.log(`#   ${r.ms.toFixed(0).padStart(6)} ms  ${(r.fallback ?? "formatted").padEnd(9)}  ${r.name}`);
  console.log(`# all ${pathological.results.length} again from the cache: ${pathological.cachedAllMs.toFixed(1)} ms`);
  // The deadline bounds the worst input; how many reach it, and the worker time all of them take, say more.
  const timeouts = pathological.results.filter((r) => r.fallback === "timeout").length;
  const total = pathological.results.reduce((sum, r) => sum + r.ms, 0);
  console.log(`# ${timeouts} of ${pathological.results.length} reached the render deadline; ${(total / 1000).toFixed(1)} s to answer all of them once`);
  const worst = Math.max(...pathological.results.map((r) => r.ms));
  report("markdown-pathological", "worst", worst, "ms", ours.median, { higherIsBetter: false });
}

async function pagePart() {
  ensureBuild();
  const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 3901), name: "handoff" });
  try {
    // DEMO_PASSWORD in lib/demo/users.ts (this plain-JS runner cannot import TypeScript).
    const cookie = await signIn(server.base, "engineer@legible.demo", process.env.BENCH_PASSWORD ?? "legible-demo-2026");
    const headers = { cookie };
    const list = await fetch(`${server.base}/projects/FLOOR/handoffs`, { headers });
    if (list.status !== 200) throw new Error(`handoff list answered ${list.status}`);
    const id = [...(await list.text()).matchAll(/href="\/projects\/FLOOR\/handoffs\/([^"/?#]+)"/g)].map((m) => m[1]).find((x) => x !== "new");
    if (!id) throw new Error("no demo handoff linked from /projects/FLOOR/handoffs");
    const pageUrl = `${server.base}/projects/FLOOR/handoffs/${id}`;
    const probe = await fetch(pageUrl, { headers });
    if (probe.status !== 200) throw new Error(`handoff page answered ${probe.status}`);
    const size = (await probe.arrayBuffer()).byteLength;
    // The bare page's HTML also carries its React payload, so calibrate its padding to match.
    const bareSize = async (bytes) => (await (await fetch(`${server.base}/bench/bare?bytes=${bytes}`, { headers })).arrayBuffer()).byteLength;
    const padding = Math.round(size * (size / (await bareSize(size))));
    const bareUrl = `${server.base}/bench/bare?bytes=${padding}`;
    // Alternate the two pages so that neither gets the machine's quieter moments.
    const rounds = 2;
    const ours = [];
    const bare = [];
    for (let i = 0; i < rounds; i++) {
      bare.push(await load(bareUrl, { headers, concurrency, seconds: seconds / rounds }));
      ours.push(await load(pageUrl, { headers, concurrency, seconds: seconds / rounds }));
    }
    const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
    console.log(`# handoff page /projects/FLOOR/handoffs/${id} ${size} B, bare page ${bare[0].bytes} B, concurrency ${concurrency}, ${seconds}s each`);
    const ratio = report("handoff", "rps", mean(ours, "rps"), "", mean(bare, "rps"));
    report("handoff", "p99", Math.max(...ours.map((r) => r.p99)), "ms", Math.max(...bare.map((r) => r.p99)), { higherIsBetter: false });
    console.log(`# target: rps ratio ≥ 0.50 — ${ratio >= 0.5 ? "met" : "NOT met"}`);
  } finally {
    await server.stop();
  }
}

export default async function handoff() {
  const part = process.env.BENCH_HANDOFF;
  if (part !== "page") await renderPart();
  if (part !== "render") await pagePart();
}
