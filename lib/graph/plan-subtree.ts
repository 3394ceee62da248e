// Progress of each milestone's subtree: the milestone and everything it transitively depends on,
// weighted by estimate like every rollup (lib/graph/plan.ts). A prerequisite reached by two paths
// counts once, so this is a transitive closure, computed with bitsets over the topological order,
// 2,048 prerequisites at a time to keep memory at n × 256 bytes: O(n² / 8 + edges × n / 32) time.
// Cancelled milestones contribute no work. Edges ignored to break a cycle are ignored here too.
import type { ProjectPlan } from "@/lib/graph/plan";

const CHUNK_WORDS = 64;

/** Subtree progress per milestone (input order), in [0, 1]. */
export function subtreeProgress(plan: ProjectPlan): Float64Array {
  const n = plan.ids.length;
  const { order, predStart, preds, weight, progress, cancelled } = plan;
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]] = p;
  const total = new Float64Array(n);
  const done = new Float64Array(n);
  const words = Math.ceil(n / 32);
  for (let firstWord = 0; firstWord < words; firstWord += CHUNK_WORDS) {
    const width = Math.min(CHUNK_WORDS, words - firstWord);
    const low = firstWord * 32;
    const high = Math.min(n, (firstWord + width) * 32);
    const bits = new Int32Array(n * width);
    for (let p = 0; p < n; p++) {
      const v = order[p];
      const row = v * width;
      if (v >= low && v < high) bits[row + ((v - low) >> 5)] |= 1 << ((v - low) & 31);
      for (let k = predStart[v]; k < predStart[v + 1]; k++) {
        const u = preds[k];
        if (position[u] > p) continue;
        const other = u * width;
        for (let w = 0; w < width; w++) bits[row + w] |= bits[other + w];
      }
    }
    // Sums by bytes: for each byte of a row, a table of the weights (and done weights) of every
    // subset of its 8 milestones, so a row costs one lookup per byte rather than one per bit.
    const bytes = width * 4;
    const tableTotal = new Float64Array(bytes * 256);
    const tableDone = new Float64Array(bytes * 256);
    for (let q = 0; q < bytes; q++) {
      for (let mask = 1; mask < 256; mask++) {
        const lowest = 31 - Math.clz32(mask & -mask);
        const u = low + q * 8 + lowest;
        const rest = q * 256 + (mask & (mask - 1));
        const w = u < high && !cancelled[u] ? weight[u] : 0;
        tableTotal[q * 256 + mask] = tableTotal[rest] + w;
        tableDone[q * 256 + mask] = tableDone[rest] + (u < high ? w * progress[u] : 0);
      }
    }
    const view = new Uint8Array(bits.buffer);
    for (let v = 0; v < n; v++) {
      const row = v * bytes;
      let t = 0;
      let d = 0;
      for (let q = 0; q < bytes; q++) {
        const mask = view[row + q];
        if (mask === 0) continue;
        t += tableTotal[q * 256 + mask];
        d += tableDone[q * 256 + mask];
      }
      total[v] += t;
      done[v] += d;
    }
  }
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    // No weight in the subtree (all cancelled or estimated at 0): finished when its own work is.
    result[v] = total[v] > 0 ? Math.min(1, done[v] / total[v]) : cancelled[v] ? 1 : progress[v];
  }
  return result;
}
