// Generated projects shaped like real ones, for benchmarks and scale tests: about 10% papers,
// 60% milestones, 30% services, about 2.1 links per node (the 2,000-node project had
// 200 papers, 1,200 milestones, 600 services and 4,213 links). Seeded, so a run can be replayed.
//   - every milestone was decomposed from one paper; papers get 3–9 milestones each;
//   - milestones wait for earlier milestones, mostly of the same paper, sometimes of another
//     (acyclic: a dependency always points from an earlier milestone to a later one);
//   - most milestones name one or two services, of any layer;
//   - services call, read or publish to services of the same or a deeper layer (gateway → api →
//     service → worker → model → data), rarely back up, so a few service cycles exist.
// Pure: the same MapNode/MapEdge data the map's data layer produces.
import { seededRandom } from "@/lib/graph/plan-random";
import type { MapEdge, MapEdgeKind, MapNode, ProjectMapData } from "@/lib/graph/types";

export const SYNTHETIC_LAYERS = ["gateway", "api", "service", "worker", "model", "data"] as const;
const LAYER_SHARE = [0.05, 0.15, 0.3, 0.2, 0.15, 0.15];
const MILESTONE_STATUSES = ["planned", "planned", "in_progress", "in_progress", "blocked", "done", "done", "done", "cancelled"];
const HANDOFF_STATUSES = ["draft", "in_review", "approved", "approved"];
const WORDS = ["retrieval", "layout", "parser", "ranking", "tokenizer", "eval", "harness", "serving", "cache", "index", "distill", "quantize", "table", "vision", "schema", "export", "ingest", "feature", "embedding", "gateway"];

export type SyntheticOptions = { nodes: number; seed?: number };

export function syntheticProjectMap({ nodes: total, seed = 1 }: SyntheticOptions): ProjectMapData {
  const random = seededRandom(seed);
  const int = (k: number) => Math.floor(random() * k);
  const pick = <T,>(xs: readonly T[]) => xs[int(xs.length)];
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(" ");
  const papers = Math.max(1, Math.round(total * 0.1));
  const services = Math.max(1, Math.round(total * 0.3));
  const milestones = Math.max(0, total - papers - services);

  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const link = (source: string, target: string, kind: MapEdgeKind) => edges.push({ id: `${kind}:${source}->${target}`, source, target, kind });

  for (let p = 0; p < papers; p++) {
    nodes.push({ id: `handoff:p${p}`, kind: "handoff", label: `Paper ${p}: ${words(5)}`, sublabel: `Venue ${2020 + (p % 6)}`, status: pick(HANDOFF_STATUSES), href: `/handoffs/p${p}`, owner: `researcher${p % 17}@example.com` });
  }
  // Services by layer, in proportion; the layer index orders calls downward.
  const serviceLayer: number[] = [];
  for (let s = 0; s < services; s++) {
    let r = random();
    let layer = 0;
    while (layer < LAYER_SHARE.length - 1 && r >= LAYER_SHARE[layer]) r -= LAYER_SHARE[layer++];
    serviceLayer.push(layer);
    nodes.push({ id: `service:s${s}`, kind: "service", label: `${pick(WORDS)}-${s}`, sublabel: SYNTHETIC_LAYERS[layer], status: random() < 0.9 ? "active" : "deprecated", href: `/services/s${s}`, layer: SYNTHETIC_LAYERS[layer], owner: `team${s % 11}@example.com` });
  }
  const byLayer = SYNTHETIC_LAYERS.map((_, l) => serviceLayer.flatMap((layer, s) => (layer === l ? [s] : [])));

  // Milestones, handed out to papers in runs of 3–9 (the last papers may get more).
  const paperOf: number[] = [];
  let paper = 0;
  let left = 3 + int(7);
  for (let m = 0; m < milestones; m++) {
    if (left === 0 && paper < papers - 1) {
      paper++;
      left = 3 + int(7);
    }
    left--;
    paperOf.push(paper);
    const status = pick(MILESTONE_STATUSES);
    nodes.push({
      id: `milestone:m${m}`, kind: "milestone", label: `${words(4)} milestone ${m}`, sublabel: `SYN-${m + 1}`, status,
      health: status === "blocked" ? "off_track" : random() < 0.15 ? "at_risk" : "on_track",
      href: `/milestones/m${m}`, owner: `engineer${m % 23}@example.com`, dueDate: new Date(Date.UTC(2027, int(12), 1 + int(28))).toISOString().slice(0, 10),
    });
    link(`handoff:p${paper}`, `milestone:m${m}`, "decomposed");
  }
  // Dependencies: about 1.2 per milestone, to earlier ones (same paper 80% of the time).
  const seen = new Set<string>();
  for (let m = 1; m < milestones; m++) {
    const count = int(3);
    for (let k = 0; k < count; k++) {
      let from: number;
      if (random() < 0.8) {
        let first = m;
        while (first > 0 && paperOf[first - 1] === paperOf[m]) first--;
        if (first === m) continue;
        from = first + int(m - first);
      } else from = int(m);
      const key = `${from}>${m}`;
      if (seen.has(key)) continue;
      seen.add(key);
      link(`milestone:m${from}`, `milestone:m${m}`, "depends");
    }
  }
  // Implementations: about 0.85 per milestone.
  for (let m = 0; m < milestones; m++) {
    const count = random() < 0.25 ? 0 : random() < 0.8 ? 1 : 2;
    const named = new Set<number>();
    for (let k = 0; k < count; k++) named.add(int(services));
    for (const s of named) link(`milestone:m${m}`, `service:s${s}`, "implements");
  }
  // Service links: about one per service, to the same or a deeper layer; 2% point back up.
  const kindFor = (layer: number): MapEdgeKind => (layer === 5 ? "reads" : layer === 3 && random() < 0.5 ? "publishes" : "calls");
  const serviceLinks = new Set<string>();
  for (let s = 0; s < services; s++) {
    const count = int(3);
    for (let k = 0; k < count; k++) {
      const up = random() < 0.02;
      const candidates = up ? byLayer.slice(0, serviceLayer[s] + 1).flat() : byLayer.slice(Math.min(5, serviceLayer[s] + (random() < 0.3 ? 0 : 1))).flat();
      if (candidates.length === 0) continue;
      const t = pick(candidates);
      if (t === s || serviceLinks.has(`${s}>${t}`)) continue;
      serviceLinks.add(`${s}>${t}`);
      link(`service:s${s}`, `service:s${t}`, kindFor(serviceLayer[t]));
    }
  }
  return { nodes, edges };
}
