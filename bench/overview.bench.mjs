// The signed-in project overview page against a bare dynamic page of the same size from the
// same build, measured side by side in one run. Target: overview rps ≥ 0.5 × bare rps.
import { ensureBuild, load, report, signIn, startServer } from "./lib.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

export default async function overview() {
  ensureBuild();
  const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 3900), name: "overview" });
  try {
    // DEMO_PASSWORD in lib/demo/users.ts (this plain-JS runner cannot import TypeScript).
    const cookie = await signIn(server.base, "manager@legible.demo", process.env.BENCH_PASSWORD ?? "legible-demo-2026");
    const headers = { cookie };
    const probe = await fetch(`${server.base}/projects/FLOOR`, { headers });
    if (probe.status !== 200) throw new Error(`overview answered ${probe.status}`);
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
      ours.push(await load(`${server.base}/projects/FLOOR`, { headers, concurrency, seconds: seconds / rounds }));
    }
    const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
    console.log(`# overview page ${size} B, bare page ${bare[0].bytes} B, concurrency ${concurrency}, ${seconds}s each`);
    const ratio = report("overview", "rps", mean(ours, "rps"), "", mean(bare, "rps"));
    report("overview", "p99", Math.max(...ours.map((r) => r.p99)), "ms", Math.max(...bare.map((r) => r.p99)), { higherIsBetter: false });
    console.log(`# target: rps ratio ≥ 0.50 — ${ratio >= 0.5 ? "met" : "NOT met"}`);
  } finally {
    await server.stop();
  }
}
