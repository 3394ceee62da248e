// What a long User-Agent costs the server. Next.js runs a backtracking bot-detection regular
// expression ([\w-]+-Google|...) over the User-Agent of every page request, in time that grows
// with the square of its length; scripts/server.mjs cuts it to 512 characters first
// (scripts/request-limits.mjs). Prints the median time of a /signin request with a 15,000-character
// User-Agent against the same request with a browser's, measured in this run:
//   BENCH request-limits long-ua-request=<ms> baseline=<ms> ratio=<how many times longer>
// ratio near 1 means a long User-Agent costs nothing extra; without the cut it was about 100.
import { performance } from "node:perf_hooks";
import { ensureBuild, report, startServer } from "./lib.mjs";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
// Under the 16 KB header limit, so it reaches the server; no "-Google" in it, so the regex backtracks fully.
const LONG_UA = "a".repeat(15_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function timed(url, userAgent) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { "user-agent": userAgent }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function run() {
  ensureBuild();
  const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 3313), name: "request-limits" });
  try {
    const url = `${server.base}/signin`;
    for (let i = 0; i < 3; i++) await timed(url, BROWSER_UA);
    const normal = [];
    const long = [];
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < ROUNDS; i++) {
      normal.push(await timed(url, BROWSER_UA));
      long.push(await timed(url, LONG_UA));
    }
    report("request-limits", "long-ua-request", median(long), "ms", median(normal));
  } finally {
    await server.stop();
  }
}
