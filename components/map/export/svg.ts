// The map as a self-contained SVG file, drawn from data (nodes, positions, routes, lanes), never
// from the DOM: cards with their kind, label (ellipsis, full text in a <title>), sublabel and status
// colour; edges with arrowheads and each kind's dash pattern; lane bands with their labels. Colours
// are the light theme's, as literal values. Pure: the same scene always gives the same text.
import { statusLabel, statusTone } from "@/components/ui/status";
import type { MapEdgeKind, MapNodeKind, Point } from "@/lib/graph/types";
import { EDGE_DASH, EDGE_LABEL, KIND_LABEL, STATUS_KIND } from "../map-model";
import type { Scene, SceneEdge, SceneLane, SceneNode } from "./scene";
import { FONT_MONO, FONT_SANS, LIGHT, TONE_SOLID } from "./theme";
import { fitText, oneLine, textWidth, wrapText, xmlEscape as x } from "./text";

/** The curve MapEdge draws (its routedPath, kept here so this file needs no React or CSS): an S-curve per column gap. */
export function routedPath(points: Point[]): string {
  let d = `M${n(points[0].x)},${n(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const dx = (b.x - a.x) / 2;
    d += dx === 0 ? ` L${n(b.x)},${n(b.y)}` : ` C${n(a.x + dx)},${n(a.y)} ${n(b.x - dx)},${n(b.y)} ${n(b.x)},${n(b.y)}`;
  }
  return d;
}

/** Edge colours per kind, as EDGE_TONE in map-model, in literal light-theme values. */
export const EDGE_COLOUR: Record<MapEdgeKind, string> = {
  decomposed: TONE_SOLID.violet,
  depends: TONE_SOLID.gray,
  implements: TONE_SOLID.teal,
  calls: TONE_SOLID.blue,
  reads: TONE_SOLID.amber,
  publishes: TONE_SOLID.pink,
};

const HEALTH_COLOUR: Record<string, string> = { on_track: TONE_SOLID.green, at_risk: TONE_SOLID.amber, off_track: TONE_SOLID.red };
const FINISHED = new Set(["done", "cancelled"]);
const ARROW = 7;
const PAD_X = 13;
const PAD_R = 10;
/** Semibold text runs wider than regular: its width is estimated at a larger size. */
const BOLD = 1.08;
const n = (v: number) => String(Math.round(v * 100) / 100);

export function statusColour(node: { kind: MapNodeKind; status: string }): string {
  return TONE_SOLID[statusTone(STATUS_KIND[node.kind], node.status)];
}

/** A status pill (dot and label) ending at `right`; returns its markup and its left edge. */
function pill(label: string, colour: string, right: number, y: number): { svg: string; left: number } {
  const w = textWidth(label, 11);
  const left = right - w - 11;
  return {
    svg: `<circle cx="${n(left + 3.5)}" cy="${n(y - 3.5)}" r="3.5" fill="${colour}"/><text x="${n(left + 11)}" y="${n(y)}" font-size="11" font-weight="500" fill="${LIGHT.textMuted}">${x(label)}</text>`,
    left,
  };
}

function card(node: SceneNode): string {
  const { width: w, height: h } = node;
  const status = statusLabel(STATUS_KIND[node.kind], node.status);
  const colour = statusColour(node);
  const label = oneLine(node.label);
  const sublabel = oneLine(node.sublabel);
  const inner = w - PAD_X - PAD_R;
  const fill = node.kind === "handoff" ? LIGHT.paperFill : node.kind === "service" ? LIGHT.surfaceSubtle : LIGHT.surface;
  const stroke = node.kind === "handoff" ? LIGHT.violetBorder : LIGHT.borderStrong;
  const parts: string[] = [];
  parts.push(`<title>${x(`${KIND_LABEL[node.kind].one}: ${node.kind === "milestone" ? `${sublabel} ` : ""}${label} (${status})`)}</title>`);
  // The card, its status stripe down the left edge (clipped to the card's rounded corners), its border.
  parts.push(`<rect width="${w}" height="${h}" fill="${fill}"/>`);
  parts.push(`<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" rx="7.5" fill="none" stroke="${stroke}"${node.kind === "service" ? ' stroke-dasharray="4 3"' : ""}/>`);
  parts.push(`<rect width="4" height="${h}" fill="${colour}"/>`);
  const title = (top: number) =>
    wrapText(label, inner, 13 * BOLD, 2)
      .map((line, i) => `<text x="${PAD_X}" y="${n(top + i * 17)}" font-size="13" font-weight="600" fill="${LIGHT.text}">${x(line)}</text>`)
      .join("");
  if (node.kind === "handoff") {
    const kind = sublabel ? `Paper · ${sublabel}` : "Paper";
    parts.push(`<text x="${PAD_X}" y="20" font-size="12" font-weight="500" fill="#5e3fc4">${x(fitText(kind, inner, 12))}</text>`);
    parts.push(title(39));
    const p = pill(status, colour, PAD_X + textWidth(status, 11) + 11, h - 11);
    parts.push(p.svg);
    if (node.owner) {
      const room = inner - (textWidth(status, 11) + 11) - 8;
      const owner = fitText(oneLine(node.owner), room, 11);
      parts.push(`<text x="${w - PAD_R}" y="${h - 11}" text-anchor="end" font-size="11" fill="${LIGHT.textSubtle}">${x(owner)}</text>`);
    }
  } else if (node.kind === "milestone") {
    const p = pill(status, colour, w - PAD_R, 20);
    parts.push(p.svg);
    parts.push(`<text x="${PAD_X}" y="20" font-size="12" font-weight="500" font-family="${FONT_MONO}" fill="${LIGHT.textMuted}">${x(fitText(sublabel, p.left - PAD_X - 6, 12, true))}</text>`);
    parts.push(title(41));
    let left = PAD_X;
    if (node.health && !FINISHED.has(node.status)) {
      const health = statusLabel("health", node.health);
      parts.push(`<circle cx="${n(PAD_X + 3.5)}" cy="${n(h - 14.5)}" r="3.5" fill="${HEALTH_COLOUR[node.health] ?? TONE_SOLID.gray}"/><text x="${PAD_X + 11}" y="${h - 11}" font-size="11" fill="${LIGHT.textMuted}">${x(health)}</text>`);
      left += textWidth(health, 11) + 11 + 8;
    }
    const owner = fitText(oneLine(node.owner ?? "Unowned"), w - PAD_R - left, 11);
    parts.push(`<text x="${w - PAD_R}" y="${h - 11}" text-anchor="end" font-size="11" fill="${LIGHT.textSubtle}">${x(owner)}</text>`);
  } else {
    // A server glyph, then the name in mono; below it the layer and the lifecycle.
    parts.push(`<g fill="none" stroke="${LIGHT.textMuted}" stroke-width="1.3"><rect x="${PAD_X}" y="12" width="13" height="5" rx="1"/><rect x="${PAD_X}" y="19" width="13" height="5" rx="1"/></g>`);
    parts.push(`<text x="${PAD_X + 20}" y="23" font-size="13" font-weight="600" font-family="${FONT_MONO}" fill="${LIGHT.text}">${x(fitText(label, inner - 20, 13, true))}</text>`);
    const meta = fitText(sublabel, inner / 2, 11);
    const metaWidth = textWidth(meta, 11);
    parts.push(`<text x="${PAD_X}" y="${h - 13}" font-size="11" fill="${LIGHT.textMuted}">${x(meta)}</text>`);
    parts.push(`<text x="${n(PAD_X + metaWidth + 5)}" y="${h - 13}" font-size="11" fill="${LIGHT.textMuted}">·</text>`);
    const statusLeft = PAD_X + metaWidth + 15;
    parts.push(pill(status, colour, statusLeft + textWidth(status, 11) + 11, h - 13).svg);
  }
  return `<g class="node" data-id="${x(node.id)}" data-kind="${node.kind}" transform="translate(${n(node.x)},${n(node.y)})" clip-path="url(#clip-${node.kind})">${parts.join("")}</g>`;
}

function edge(e: SceneEdge): string {
  const last = e.points[e.points.length - 1];
  const end = { x: last.x - ARROW, y: last.y };
  const d = routedPath([...e.points.slice(0, -1), end]);
  const colour = e.blocking ? TONE_SOLID.red : EDGE_COLOUR[e.kind];
  const dash = e.blocking ? "6 4" : EDGE_DASH[e.kind];
  const width = e.blocking || e.cycle ? 2 : 1.5;
  return (
    `<g class="edge" data-kind="${e.kind}"${e.blocking ? ' data-blocking="true"' : ""}${e.cycle ? ' data-cycle="true"' : ""}>` +
    `<title>${x(EDGE_LABEL[e.kind])}</title>` +
    (e.cycle ? `<path d="${d}" fill="none" stroke="${TONE_SOLID.orange}" stroke-opacity="0.35" stroke-width="7" stroke-linecap="round"/>` : "") +
    `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>` +
    `<path d="M${n(end.x - 1)},${n(last.y - ARROW / 2 - 0.5)} L${n(last.x)},${n(last.y)} L${n(end.x - 1)},${n(last.y + ARROW / 2 + 0.5)} Z" fill="${colour}"/>` +
    `</g>`
  );
}

function lane(l: SceneLane, i: number): string {
  const top = Math.max(l.y, 0) + 26;
  return (
    `<g class="lane" data-lane="${x(l.id)}">` +
    (i % 2 === 0 ? `<rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" fill="${LIGHT.surfaceSunken}" fill-opacity="0.7"/>` : "") +
    `<line x1="${n(l.x + l.width - 0.5)}" y1="${n(l.y)}" x2="${n(l.x + l.width - 0.5)}" y2="${n(l.y + l.height)}" stroke="${LIGHT.border}" stroke-dasharray="4 3"/>` +
    `<text x="${n(l.x + 16)}" y="${n(top)}" font-size="13" font-weight="600" letter-spacing="0.52" fill="${LIGHT.textMuted}">${x(fitText(l.label.toUpperCase(), l.width - 60, 13 * 1.1))}` +
    `<tspan dx="8" font-size="12" font-weight="400" letter-spacing="0" fill="${LIGHT.textSubtle}">${l.count}</tspan></text>` +
    `</g>`
  );
}

/** The scene as an SVG document: width and height in px are the frame's, one unit per map pixel. */
export function sceneToSvg(scene: Scene): string {
  const { frame } = scene;
  const clips = (Object.keys(KIND_LABEL) as MapNodeKind[])
    .map((kind) => {
      const size = scene.nodes.find((node) => node.kind === kind);
      return size ? `<clipPath id="clip-${kind}"><rect width="${size.width}" height="${size.height}" rx="8"/></clipPath>` : "";
    })
    .join("");
  const heading = scene.project ? `${scene.project.key}: ${scene.title}` : scene.title;
  const description = `${scene.scope === "view" ? "The current view" : "The whole map"}: ${scene.nodes.length} nodes, ${scene.edges.length} links. Exported from Legible.`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${Math.ceil(frame.width)}" height="${Math.ceil(frame.height)}" viewBox="${n(frame.x)} ${n(frame.y)} ${n(frame.width)} ${n(frame.height)}" role="img" aria-labelledby="map-title map-desc" font-family="${FONT_SANS}">`,
    `<title id="map-title">${x(oneLine(heading))}</title>`,
    `<desc id="map-desc">${x(description)}</desc>`,
    `<defs>${clips}</defs>`,
    `<rect x="${n(frame.x)}" y="${n(frame.y)}" width="${n(frame.width)}" height="${n(frame.height)}" fill="${LIGHT.bg}"/>`,
    `<g class="lanes">${scene.lanes.map(lane).join("")}</g>`,
    `<g class="edges">${scene.edges.map(edge).join("")}</g>`,
    `<g class="nodes">${scene.nodes.map(card).join("")}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
