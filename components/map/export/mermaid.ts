// The map as a Mermaid flowchart (`flowchart LR`): a subgraph per lane, node ids made safe
// (letters, digits and underscores, prefixed by kind so no id is a keyword such as `end`), every
// label quoted with Mermaid's entity codes for the characters its grammar reserves, an edge label
// per kind, and a class per status coloured as the app colours it. Pure.
import { statusLabel, statusTone } from "@/components/ui/status";
import type { MapNodeKind } from "@/lib/graph/types";
import { EDGE_LABEL, KIND_LABEL, STATUS_KIND } from "../map-model";
import type { Scene, SceneNode } from "./scene";
import { TONE_BG, TONE_FG, TONE_SOLID } from "./theme";
import { oneLine } from "./text";

const PREFIX: Record<MapNodeKind, string> = { handoff: "paper_", milestone: "ms_", service: "svc_" };

/**
 * Text inside a quoted Mermaid label: one line, with the characters that end the quoted string
 * (`"`), start an entity code (`#`), or mean markup in Mermaid's HTML and Markdown labels (`&`,
 * `<`, `>`, a backtick) written as entity codes (#34; …), which Mermaid turns back into the
 * characters when it draws. Brackets, pipes, `end` and the like are plain text inside quotes.
 */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/[#"&<>`]/g, (c) => `#${c.codePointAt(0)};`);
}

/** A node id Mermaid reads as an id: the kind's prefix and the id's letters, digits and underscores. */
function idFor(node: SceneNode, taken: Set<string>): string {
  const base = PREFIX[node.kind] + (node.id.replace(/^[a-z]+:/, "").replace(/[^A-Za-z0-9_]+/g, "_") || "node");
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

const classOf = (node: SceneNode) => `${node.kind}_${node.status.replace(/[^A-Za-z0-9_]+/g, "_")}`;

function labelOf(node: SceneNode): string {
  const status = statusLabel(STATUS_KIND[node.kind], node.status);
  if (node.kind === "milestone") return `${node.sublabel} · ${node.label} (${status})`;
  if (node.kind === "handoff") return `Paper: ${node.label}${node.sublabel ? ` · ${node.sublabel}` : ""} (${status})`;
  return `${node.label}${node.sublabel ? ` · ${node.sublabel}` : ""} (${status})`;
}

export function sceneToMermaid(scene: Scene): string {
  const taken = new Set<string>();
  const ids = new Map(scene.nodes.map((node) => [node.id, idFor(node, taken)]));
  const heading = scene.project ? `${scene.project.key}: ${scene.title}` : scene.title;
  const lines = [
    `%% ${mermaidText(heading).replace(/%/g, "")}: ${scene.scope === "view" ? "the current view" : "the whole map"}, exported from Legible`,
    "flowchart LR",
  ];
  const declare = (node: SceneNode, indent: string) => `${indent}${ids.get(node.id)}["${mermaidText(labelOf(node))}"]:::${classOf(node)}`;

  // Lanes group nodes by position (a lane spans its columns); without lanes, one subgraph per kind.
  const placed = new Set<string>();
  const groups = scene.lanes.length
    ? scene.lanes.map((lane) => ({ id: lane.id, label: lane.label, members: scene.nodes.filter((n) => n.x + n.width / 2 >= lane.x && n.x + n.width / 2 < lane.x + lane.width) }))
    : (Object.keys(KIND_LABEL) as MapNodeKind[]).map((kind) => ({ id: kind, label: KIND_LABEL[kind].many, members: scene.nodes.filter((n) => n.kind === kind) }));
  groups.forEach((group, i) => {
    const members = group.members.filter((n) => !placed.has(n.id));
    if (members.length === 0) return;
    lines.push(`  subgraph lane_${i}_${group.id.replace(/[^A-Za-z0-9_]+/g, "_")}["${mermaidText(group.label)}"]`);
    for (const node of members) {
      placed.add(node.id);
      lines.push(declare(node, "    "));
    }
    lines.push("  end");
  });
  for (const node of scene.nodes) if (!placed.has(node.id)) lines.push(declare(node, "  "));

  for (const e of scene.edges) {
    const arrow = e.kind === "implements" || e.kind === "reads" || e.kind === "publishes" ? "-.->" : e.blocking ? "==>" : "-->";
    lines.push(`  ${ids.get(e.source)} ${arrow}|"${mermaidText(EDGE_LABEL[e.kind] + (e.blocking ? " (blocking)" : ""))}"| ${ids.get(e.target)}`);
  }

  const classes = new Map<string, SceneNode>();
  for (const node of scene.nodes) if (!classes.has(classOf(node))) classes.set(classOf(node), node);
  for (const [name, node] of classes) {
    const tone = statusTone(STATUS_KIND[node.kind], node.status);
    lines.push(`  classDef ${name} fill:${TONE_BG[tone]},stroke:${TONE_SOLID[tone]},color:${TONE_FG[tone]}${node.kind === "service" ? ",stroke-dasharray:4 3" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
