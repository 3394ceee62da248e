// The map's exports (SVG, Mermaid, JSON, PNG size) from one scene: the SVG parses as XML with a real
// parser and names every exported node, hostile labels stay text, the JSON validates against the
// committed schema, and the committed schema is what the zod schema generates.
// (Mermaid's own parser needs a browser: e2e/map-export.spec.ts runs it in Chromium.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { statusTone, type Tone } from "@/components/ui/status";
import { NODE_SIZE, layoutMap } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { MapEdge, MapNode } from "@/lib/graph/types";
import { MAP_JSON_SCHEMA, renderMapJson, renderMapJsonSchema, sceneToJson } from "./json";
import { mermaidText, sceneToMermaid } from "./mermaid";
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngSize } from "./png";
import { buildScene, exportFileName, type ExportInput } from "./scene";
import { routedPath, sceneToSvg } from "./svg";
import { fitText, oneLine, textWidth, wrapText, xmlEscape } from "./text";
import { LIGHT, TONE_BG, TONE_FG, TONE_SOLID } from "./theme";

const root = path.resolve(import.meta.dirname, "../../..");

export const HOSTILE_LABELS = [
  'He said "hello" & <b>left</b>',
  "end",
  "subgraph [brackets] (parens) {braces} |pipes| ; semi # hash %% comment",
  "a --> b -.-> c ==> d",
  "Unicode: 中文 café 🧪 ümlaut ‮rtl‬",
  "Line one\nline two\r\nline three\ttabbed",
  "Control \u0001\u0008 chars and a lone \uD800 surrogate",
  "`backticks` and 'single' quotes \\ backslash",
  "A very long paper title that goes on and on about floor-plan generation with diffusion models and graph constraints",
];

/** A small project whose labels are hostile: each kind gets some. */
function hostileMap(): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes: MapNode[] = HOSTILE_LABELS.flatMap((label, i) => [
    { id: `handoff:h${i}`, kind: "handoff" as const, label, sublabel: i % 2 ? "NeurIPS <2024>" : "", status: "accepted", href: `/handoffs/h${i}`, owner: `O'Brien "${i}"` },
    { id: `milestone:m${i}`, kind: "milestone" as const, label, sublabel: `FLOOR-${i}`, status: i === 1 ? "blocked" : "in_progress", health: "at_risk", href: `/m/${i}`, owner: label },
    { id: `service:s-${i}.end`, kind: "service" as const, label: `svc-${i} ${label}`, sublabel: "API", status: "production", layer: "api", href: `/services/s${i}` },
  ]);
  const edges: MapEdge[] = HOSTILE_LABELS.flatMap((_, i) => [
    { id: `d${i}`, source: `handoff:h${i}`, target: `milestone:m${i}`, kind: "decomposed" as const },
    { id: `i${i}`, source: `milestone:m${i}`, target: `service:s-${i}.end`, kind: "implements" as const },
    ...(i > 0 ? [{ id: `p${i}`, source: `milestone:m${i - 1}`, target: `milestone:m${i}`, kind: "depends" as const }] : []),
    ...(i > 0 ? [{ id: `c${i}`, source: `service:s-${i}.end`, target: `service:s-${i - 1}.end`, kind: "calls" as const }] : []),
  ]);
  return { nodes, edges };
}

function input(map: { nodes: MapNode[]; edges: MapEdge[] }, extra: Partial<ExportInput> = {}, lanes?: readonly string[]): ExportInput {
  return { ...map, layout: layoutMap(map.nodes, map.edges, { lanes }), title: 'Floor "plans" & <more>', project: { key: "FLOOR", name: "Floor plans" }, ...extra };
}

/** Parses with a real XML parser, failing on any warning, error or fatal error. */
function parseXml(text: string) {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(text, "image/svg+xml");
  expect(problems).toEqual([]);
  return doc;
}

const elements = (parent: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string) => Array.from(parent.getElementsByTagName(name));

describe("SVG export", () => {
  it("parses as XML and carries every node's full label, kind and status, even hostile ones", () => {
    const map = hostileMap();
    const scene = buildScene(input(map), "map");
    const doc = parseXml(sceneToSvg(scene));
    const svg = doc.documentElement!;
    expect(svg.nodeName).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    const cards = elements(doc, "g").filter((g) => g.getAttribute("class") === "node");
    expect(cards.map((g) => g.getAttribute("data-id")).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    for (const node of map.nodes) {
      const card = cards.find((g) => g.getAttribute("data-id") === node.id)!;
      const title = elements(card, "title")[0].textContent!;
      expect(title, node.id).toContain(oneLine(node.label));
      // What is drawn is the label or its beginning, ending in an ellipsis.
      const drawn = elements(card, "text").map((t) => t.textContent!);
      const shown = drawn.find((t) => oneLine(node.label).startsWith(t.replace(/…$/, "")) && t.length > 1);
      expect(shown, `${node.id}: ${drawn.join(" | ")}`).toBeDefined();
    }
    // Edges with arrowheads and dashes per kind; the blocked dependency is red and dashed.
    const edges = elements(doc, "g").filter((g) => g.getAttribute("class") === "edge");
    expect(edges).toHaveLength(map.edges.length);
    const implementsPath = elements(edges.find((g) => g.getAttribute("data-kind") === "implements")!, "path")[0];
    expect(implementsPath.getAttribute("stroke-dasharray")).toBe("6 4");
    const blocking = edges.filter((g) => g.getAttribute("data-blocking") === "true");
    expect(blocking.length).toBeGreaterThan(0);
    expect(elements(blocking[0], "path")[0].getAttribute("stroke")).toBe(TONE_SOLID.red);
  });

  it("uses literal colours only: a downloaded file has no CSS variables", () => {
    const text = sceneToSvg(buildScene(input(hostileMap()), "map"));
    expect(text).not.toContain("var(");
    expect(text).not.toMatch(/light-dark|color-mix/);
  });

  it("exports the current view: only nodes intersecting the viewport and not filtered out, edges among them", () => {
    const map = syntheticProjectMap({ nodes: 120, seed: 7 });
    const base = input(map);
    const viewport = { x: 0, y: 0, width: 700, height: 500 };
    const hiddenKind = "service";
    const scene = buildScene({ ...base, viewport, isVisible: (n) => n.kind !== hiddenKind }, "view");
    const expected = map.nodes.filter((node, i) => {
      const at = base.layout.positions[i];
      const { width, height } = NODE_SIZE[node.kind];
      return node.kind !== hiddenKind && at.x < viewport.width && at.x + width > 0 && at.y < viewport.height && at.y + height > 0;
    });
    expect(scene.nodes.map((n) => n.id).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(scene.nodes.length).toBeGreaterThan(0);
    expect(scene.nodes.length).toBeLessThan(map.nodes.length);
    const ids = new Set(scene.nodes.map((n) => n.id));
    for (const e of scene.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const doc = parseXml(sceneToSvg(scene));
    const cards = elements(doc, "g").filter((g) => g.getAttribute("class") === "node");
    expect(cards).toHaveLength(scene.nodes.length);
    for (const node of scene.nodes) expect(elements(cards.find((g) => g.getAttribute("data-id") === node.id)!, "title")[0].textContent).toContain(node.label);
    // The frame covers every exported node.
    for (const node of scene.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(scene.frame.x);
      expect(node.x + node.width).toBeLessThanOrEqual(scene.frame.x + scene.frame.width);
    }
  });

  it("draws lanes as labelled bands when the map has them (the services map)", () => {
    const map = syntheticProjectMap({ nodes: 60, seed: 3 });
    const services = { nodes: map.nodes.filter((n) => n.kind === "service"), edges: map.edges.filter((e) => e.source.startsWith("service:") && e.target.startsWith("service:")) };
    const lanes = ["gateway", "api", "service", "worker", "model", "data"];
    const scene = buildScene(input(services, { laneLabels: { api: "API", data: "Data" } }, lanes), "map");
    expect(scene.lanes.length).toBeGreaterThan(0);
    expect(scene.lanes.reduce((sum, l) => sum + l.count, 0)).toBe(services.nodes.length);
    const doc = parseXml(sceneToSvg(scene));
    const bands = elements(doc, "g").filter((g) => g.getAttribute("class") === "lane");
    expect(bands.map((g) => g.getAttribute("data-lane"))).toEqual(scene.lanes.map((l) => l.id));
    const apiLane = bands.find((g) => g.getAttribute("data-lane") === "api");
    const api = scene.lanes.find((l) => l.id === "api");
    if (apiLane && api) expect(elements(apiLane, "text")[0].textContent).toBe(`API${api.count}`);
  });
});

describe("Mermaid export", () => {
  it("declares every node once with a safe id and a quoted label free of the grammar's characters", () => {
    const map = hostileMap();
    const text = sceneToMermaid(buildScene(input(map), "map"));
    expect(text.split("\n")[1]).toBe("flowchart LR");
    const declarations = [...text.matchAll(/^\s+([A-Za-z0-9_]+)\["([^"\n]*)"\]:::([A-Za-z0-9_]+)$/gm)];
    expect(declarations).toHaveLength(map.nodes.length);
    const ids = declarations.map((d) => d[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(paper|ms|svc)_[A-Za-z0-9_]+$/);
    for (const [, , label] of declarations) expect(label.replace(/#\d+;/g, "")).not.toMatch(/["<>&`#]/);
    // Edges name their kind; every class used is defined.
    expect(text).toContain('-->|"decomposed into"|');
    expect(text).toContain('-.->|"implemented by"|');
    for (const cls of new Set(declarations.map((d) => d[3]))) expect(text).toMatch(new RegExp(`^  classDef ${cls} fill:#`, "m"));
    // One subgraph per kind on a map without lanes, each closed.
    expect(text.match(/^ {2}subgraph /gm)).toHaveLength(3);
    expect(text.match(/^ {2}end$/gm)).toHaveLength(3);
  });

  it("writes reserved characters as Mermaid entity codes", () => {
    expect(mermaidText('a "b" #c <d> & [e] `g`\nf')).toBe("a #34;b#34; #35;c #60;d#62; #38; [e] #96;g#96; f");
  });
});

describe("JSON export", () => {
  const schema = JSON.parse(readFileSync(path.join(root, "docs/map-json.schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

  it("docs/map-json.schema.json is what `npm run docs:map-json` writes from the zod schema (run it after changing the format)", () => {
    expect(readFileSync(path.join(root, "docs/map-json.schema.json"), "utf8")).toBe(renderMapJsonSchema());
  });

  it("validates against the documented schema, for the whole map and a view, hostile labels included", () => {
    const map = hostileMap();
    for (const scope of ["map", "view"] as const) {
      const scene = buildScene(input(map, { viewport: { x: 0, y: 0, width: 600, height: 400 } }), scope);
      const json = JSON.parse(renderMapJson(scene, new Date("2026-11-29T12:00:00Z")));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(MAP_JSON_SCHEMA.safeParse(json).success).toBe(true);
      expect(json.nodes.map((n: { label: string }) => n.label)).toEqual(scene.nodes.map((n) => n.label));
    }
  });

  it("carries positions and sizes, and the schema refuses a file that lacks them", () => {
    const map = syntheticProjectMap({ nodes: 50, seed: 2 });
    const json = sceneToJson(buildScene(input(map), "map"), new Date("2026-11-29T12:00:00Z"));
    expect(json.nodes).toHaveLength(50);
    const first = json.nodes[0];
    expect(first).toMatchObject({ width: expect.any(Number), height: expect.any(Number), x: expect.any(Number), y: expect.any(Number) });
    const broken = structuredClone(json) as unknown as { nodes: Record<string, unknown>[] };
    delete broken.nodes[0].x;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...json, format: "something-else" })).toBe(false);
    expect(validate({ ...json, edges: [{ ...json.edges[0], kind: "likes" }] })).toBe(false);
  });
});

describe("PNG size", () => {
  it("is the SVG's size at 2x, scaled down for huge maps to stay within the pixel and side caps", () => {
    expect(pngSize(800, 600)).toEqual({ width: 1600, height: 1200, scale: 2, reduced: false });
    expect(pngSize(800.4, 600.2)).toMatchObject({ width: 1602, height: 1202 });
    const huge = pngSize(8320, 35900);
    expect(huge.reduced).toBe(true);
    expect(huge.width * huge.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(huge.height).toBeLessThanOrEqual(MAX_PNG_SIDE);
    const tall = pngSize(300, 20000);
    expect(tall.height).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(tall.reduced).toBe(true);
  });
});

describe("text fitting and escaping", () => {
  it("escapes XML and drops characters XML forbids", () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(oneLine("a\n b\t\tc\u0000")).toBe("a b c");
  });

  it("ends cut text in an ellipsis within the width, never splitting a surrogate pair", () => {
    const cut = fitText("🧪".repeat(40), 100, 13);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(100);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitText("short", 100, 13)).toBe("short");
  });

  it("wraps onto at most the given lines, the last ending in an ellipsis when the text is longer", () => {
    const lines = wrapText(HOSTILE_LABELS[8], 213, 13, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(213);
    expect(wrapText("Two words", 213, 13, 2)).toEqual(["Two words"]);
    const long = wrapText("Supercalifragilisticexpialidocious".repeat(3), 120, 13, 2);
    expect(long).toHaveLength(2);
    expect(long[1].endsWith("…")).toBe(true);
  });
});

describe("file names and colours", () => {
  it("names files after the map and the day", () => {
    expect(exportFileName("FLOOR", new Date(2026, 10, 29, 15), "svg")).toBe("FLOOR-map-2026-11-29.svg");
    expect(exportFileName("a/b c", new Date(2026, 0, 2), "mmd")).toBe("a-b-c-map-2026-01-02.mmd");
    expect(exportFileName("FLOOR", new Date(2026, 10, 29, 15), "png", "view")).toBe("FLOOR-map-view-2026-11-29.png");
  });

  it("has the light theme's values of app/globals.css", () => {
    const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
    const light = (token: string) => css.match(new RegExp(`--${token}:\\s*light-dark\\((#[0-9a-f]{6})`))?.[1];
    for (const tone of Object.keys(TONE_SOLID) as Tone[]) {
      expect(TONE_SOLID[tone], tone).toBe(light(`tone-${tone}-solid`));
      expect(TONE_BG[tone], tone).toBe(light(`tone-${tone}-bg`));
      expect(TONE_FG[tone], tone).toBe(light(`tone-${tone}-fg`));
    }
    expect(LIGHT.bg).toBe(light("bg"));
    expect(LIGHT.surface).toBe(light("surface"));
    expect(LIGHT.borderStrong).toBe(light("border-strong"));
    expect(LIGHT.text).toBe(light("text"));
    expect(LIGHT.textMuted).toBe(light("text-muted"));
    expect(LIGHT.violetBorder).toBe(light("tone-violet-border"));
    expect(statusTone("milestone", "blocked")).toBe("red");
  });
});

describe("edge curves", () => {
  it("are the curves the canvas draws (MapEdge's routedPath)", async () => {
    const { routedPath: canvasPath } = await import("../MapEdge");
    const points = [{ x: 0, y: 10 }, { x: 120, y: 40 }, { x: 120, y: 80 }, { x: 300, y: 20 }];
    expect(routedPath(points)).toBe(canvasPath(points));
  });
});
