// The baseline for bench/map-render.bench.mjs: the same project map (same nodes, edges and
// positions from lib/graph/map-layout) drawn by a plain React Flow with its default settings and
// default nodes, nothing else on the page. It exists only when the server runs with LEGIBLE_BENCH=1.
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getProjectMap } from "@/lib/data/map";
import { NODE_SIZE, layoutMap } from "@/lib/graph/map-layout";
import { BaselineMap, type BaselineData } from "./BaselineMap";

export const metadata = { title: "Baseline map" };

export default async function BaselineMapPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  await connection();
  if (process.env.LEGIBLE_BENCH !== "1") notFound();
  const key = (await searchParams).project ?? "FLOOR";
  const actor = await requireActorOrRedirect(`/bench/map?project=${encodeURIComponent(key)}`);
  const map = await getProjectMap(actor, key);
  const layout = layoutMap(map.nodes, map.edges);
  const data: BaselineData = {
    nodes: map.nodes.map((n, i) => ({ id: n.id, label: n.label, x: layout.positions[i].x, y: layout.positions[i].y, ...NODE_SIZE[n.kind], active: n.kind === "milestone" && ["planned", "in_progress", "blocked"].includes(n.status) })),
    edges: map.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
  return (
    <main style={{ height: "100vh" }}>
      <BaselineMap data={data} />
    </main>
  );
}
