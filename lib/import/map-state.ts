// What a project is, in the terms of the map format: the state lib/data/map-code.ts reads from the
// database, the document an export writes from it (`mapDocument`), and that document as YAML
// text in a stable order (`stringifyMap`): milestones by key and services by name in natural
// order, every list sorted, every entry's fields in one fixed order and always written (null or
// "" for nothing), so two exports of the same project are byte-identical and diffs stay small.
// The format has no database ids, except a handoff reference's `id`, written only when two
// handoffs of the project have the same title and paper title. Pure.
import { stringify } from "yaml";
import { compareKeys } from "@/lib/sort";
import { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { SERVICE_LAYERS, SERVICE_LIFECYCLES } from "@/lib/validation/service";
import { MAP_FORMAT_VERSION, SERVICE_DEPENDENCY_KINDS } from "./map-format";

type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
type MilestoneHealth = (typeof MILESTONE_HEALTHS)[number];
type ServiceLayer = (typeof SERVICE_LAYERS)[number];
type ServiceLifecycle = (typeof SERVICE_LIFECYCLES)[number];
type DependencyKind = (typeof SERVICE_DEPENDENCY_KINDS)[number];

export type Runtime = { ports?: string[]; profiles?: string[]; networks?: string[]; environment?: string[] };
export const RUNTIME_KEYS = ["ports", "profiles", "networks", "environment"] as const;

export type HandoffState = { id: string; title: string; paperTitle: string };

export type MilestoneState = {
  id: string;
  key: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  owner: string | null;
  status: MilestoneStatus;
  health: MilestoneHealth;
  startDate: string | null;
  dueDate: string | null;
  estimateDays: number | null;
  /** Keys of the milestones it depends on. */
  dependsOn: string[];
  /** Ids of the handoffs it was decomposed from. */
  handoffIds: string[];
  /** Names of the services that implement it. */
  implementedBy: string[];
};

export type ServiceDependencyState = { to: string; kind: DependencyKind; description: string };

export type ServiceState = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  layer: ServiceLayer;
  lifecycle: ServiceLifecycle;
  owner: string | null;
  repositoryPath: string;
  image: string;
  runtime: Runtime | null;
  dependencies: ServiceDependencyState[];
  interfaces: string[];
};

export type MapState = {
  /** null: the file names a project this instance does not have (an import would create it). */
  project: { id: string; key: string; name: string; description: string } | null;
  /** Emails of the project's members: who may own its milestones. */
  memberEmails: string[];
  handoffs: HandoffState[];
  milestones: MilestoneState[];
  /** Catalog entries: the project's services and every service the file names. */
  services: ServiceState[];
  /** Names of the services the project records as its own (ProjectService). */
  runs: string[];
  /** Accounts the file names as owners, by email: whether each is active. */
  users: { id: string; email: string; active: boolean }[];
};

/** A date as the format writes it: YYYY-MM-DD (UTC). */
export const dayOf = (date: Date | null | undefined): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** The runtime with its lists in the fixed order, empty lists kept, absent ones left out; null when none. */
export function normalRuntime(value: unknown): Runtime | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const out: Runtime = {};
  for (const key of RUNTIME_KEYS) {
    const list: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
    if (Array.isArray(list)) out[key] = list.map(String);
  }
  return out;
}

/**
 * The services an export lists: those the project records as its own, those that implement its
 * milestones, and every service these depend on, directly or not (so the file names no service it
 * does not describe). By name, in natural order.
 */
export function projectServiceNames(state: { milestones: { implementedBy: string[] }[]; services: { name: string; dependencies: { to: string }[] }[]; runs: string[] }): string[] {
  const byName = new Map(state.services.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const queue = [...state.runs, ...state.milestones.flatMap((m) => m.implementedBy)];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const d of byName.get(name)?.dependencies ?? []) queue.push(d.to);
  }
  return [...seen].filter((n) => byName.has(n)).sort(compareKeys);
}

/** How a milestone names a handoff: its title, or its id when another handoff has the same title. */
export function handoffRefName(handoffs: HandoffState[], h: HandoffState): string {
  return handoffs.some((o) => o.id !== h.id && o.title === h.title) ? h.id : h.title;
}

const byHandoff = (a: HandoffState, b: HandoffState) => compareKeys(a.title, b.title) || compareKeys(a.paperTitle, b.paperTitle) || (a.id < b.id ? -1 : 1);

/** The export's document, fields in their fixed order. */
export function mapDocument(state: MapState) {
  if (!state.project) throw new Error("mapDocument needs an existing project");
  const handoffs = [...state.handoffs].sort(byHandoff);
  const handoffById = new Map(handoffs.map((h) => [h.id, h]));
  const services = new Map(state.services.map((s) => [s.name, s]));
  return {
    format: MAP_FORMAT_VERSION,
    project: { key: state.project.key, name: state.project.name, description: state.project.description },
    handoffs: handoffs.map((h) => {
      // The id only where the title alone would not say which handoff (milestones then refer to it by id).
      const sameTitle = handoffs.some((o) => o.id !== h.id && o.title === h.title);
      return { title: h.title, ...(h.paperTitle ? { paperTitle: h.paperTitle } : {}), ...(sameTitle ? { id: h.id } : {}) };
    }),
    milestones: [...state.milestones].sort((a, b) => compareKeys(a.key, b.key)).map((m) => ({
      key: m.key,
      title: m.title,
      status: m.status,
      health: m.health,
      owner: m.owner,
      startDate: m.startDate,
      dueDate: m.dueDate,
      estimateDays: m.estimateDays,
      description: m.description,
      acceptanceCriteria: m.acceptanceCriteria,
      dependsOn: [...m.dependsOn].sort(compareKeys),
      decomposedFrom: m.handoffIds
        .map((id) => handoffById.get(id))
        .filter((h): h is HandoffState => Boolean(h))
        .map((h) => handoffRefName(handoffs, h))
        .sort(compareKeys),
      implementedBy: [...m.implementedBy].sort(compareKeys),
    })),
    services: projectServiceNames(state).map((name) => {
      const s = services.get(name)!;
      return {
        name: s.name,
        displayName: s.displayName,
        layer: s.layer,
        lifecycle: s.lifecycle,
        owner: s.owner,
        repositoryPath: s.repositoryPath,
        image: s.image,
        description: s.description,
        runtime: s.runtime,
        dependencies: [...s.dependencies]
          .sort((a, b) => compareKeys(a.to, b.to) || compareKeys(a.kind, b.kind))
          .map((d) => ({ to: d.to, kind: d.kind, description: d.description })),
        interfaces: [...s.interfaces].sort(compareKeys),
      };
    }),
  };
}

const HEADER = "# A Legible project map (docs/map-format.md). Import it with `npm run legible -- import-map <file> --as <email>`.\n";

/** The document as YAML: no line folding, no anchors, so the same project always reads the same. */
export function stringifyMap(doc: ReturnType<typeof mapDocument>): string {
  return HEADER + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: true });
}
