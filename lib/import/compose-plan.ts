// What importing a compose file into a project would do, given what the catalog holds: the shared
// ImportPlan for the preview, the API and the command line, the rows of the preview's table, and
// the writes lib/data/compose-import.ts makes. Pure. The rules (docs/api.md says them too):
//   - a service not in the catalog is created with the suggested layer (or the one chosen);
//   - one in the catalog keeps its layer unless one is chosen; the fields the file states (image,
//     repository path from the build context, how it runs) are updated, the others left alone;
//   - a dependency the file states is created unless the catalog already has one between the two
//     services (of any kind: the file does not say which), its kind suggested from the target;
//   - every service of the file is recorded as run by the project;
//   - missing: services recorded for the project that the file does not have, and dependencies
//     between the file's services that the catalog has and the file does not. Never deleted.
import type { ComposeFile, ComposeService } from "@/lib/import/compose";
import { dependencyKind, type DependencyKind, type ServiceLayer } from "@/lib/import/compose-layers";
import { emptyPlan, type FieldChange, type ImportPlan, type PlanEntry } from "@/lib/import/plan";
import { SERVICE_LABELS } from "@/lib/validation/labels";
import { SERVICE_LAYER_LABELS, SERVICE_RUNTIME_LABELS, type ServiceRuntime } from "@/lib/validation/service";

export type CatalogService = {
  id: string;
  name: string;
  layer: ServiceLayer;
  image: string;
  repositoryPath: string;
  runtime: ServiceRuntime | null;
  /** Recorded as run by the project (ProjectService). */
  inProject: boolean;
  /** The caller may edit it. */
  editable: boolean;
  /** Other projects that run it (by name; those the caller is not in counted, not named). */
  otherProjects?: string[];
};

export type CatalogState = {
  projectKey: string;
  services: Map<string, CatalogService>;
  /** Dependencies among the file's services in the catalog, as "from → to" with their kinds. */
  edges: { from: string; to: string; kind: DependencyKind }[];
  /** Names of the services recorded as run by the project. */
  projectServices: string[];
  /** The caller may add services to the catalog. */
  canCreate: boolean;
};

export type ServiceStatus = "create" | "update" | "unchanged";

/** One row of the preview's table. */
export type ComposeServiceRow = {
  name: string;
  composeName: string;
  status: ServiceStatus;
  layer: ServiceLayer;
  suggestedLayer: ServiceLayer;
  reason: string;
  existingLayer: ServiceLayer | null;
  image: string | null;
  repositoryPath: string | null;
  runtime: ServiceRuntime;
  dependsOn: { name: string; kind: DependencyKind; status: "create" | "unchanged" }[];
  changes: FieldChange[];
  /** The caller may make what this row needs (false: applying is refused naming it). */
  allowed: boolean;
};

export type ComposeWrites = {
  create: { name: string; layer: ServiceLayer; image: string; repositoryPath: string; runtime: ServiceRuntime }[];
  update: { id: string; name: string; data: { layer?: ServiceLayer; image?: string; repositoryPath?: string; runtime?: ServiceRuntime } }[];
  /** Services to record as run by the project, by name. */
  record: string[];
  dependencies: { from: string; to: string; kind: DependencyKind }[];
};

export type ComposePlan = { plan: ImportPlan; services: ComposeServiceRow[]; writes: ComposeWrites; refused: string[] };

const runtimeOf = (s: ComposeService): ServiceRuntime => ({ ports: s.ports, profiles: s.profiles, networks: s.networks, environment: s.environment });
const EMPTY_RUNTIME: ServiceRuntime = { ports: [], profiles: [], networks: [], environment: [] };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const dependencyName = (from: string, to: string, kind: DependencyKind) => `${from} → ${to} (${kind})`;

/**
 * The layer chosen in the preview for a service, by its catalog name or as the file writes it. Own
 * keys only: a service named `constructor` or `toString` must not find Object.prototype's.
 */
function chosenLayer(layers: Record<string, ServiceLayer>, s: ComposeService): ServiceLayer | undefined {
  if (Object.hasOwn(layers, s.name)) return layers[s.name];
  return Object.hasOwn(layers, s.composeName) ? layers[s.composeName] : undefined;
}

export function buildComposePlan(file: ComposeFile, state: CatalogState, layers: Record<string, ServiceLayer> = {}): ComposePlan {
  const plan = emptyPlan();
  const writes: ComposeWrites = { create: [], update: [], record: [], dependencies: [] };
  const refused = new Set<string>();
  const inFile = new Map(file.services.map((s) => [s.name, s]));
  const finalLayer = new Map<string, ServiceLayer>();
  for (const s of file.services) finalLayer.set(s.name, chosenLayer(layers, s) ?? state.services.get(s.name)?.layer ?? s.suggestion.layer);
  const existingEdges = new Map(state.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  const runsIn = `Runs in ${state.projectKey}`;

  const rows = file.services.map((s): ComposeServiceRow => {
    const current = state.services.get(s.name);
    const layer = finalLayer.get(s.name)!;
    const runtime = runtimeOf(s);
    const renamed = s.composeName !== s.name ? `; written ${s.composeName} in the file` : "";
    const chosen = chosenLayer(layers, s);
    const suggested = `suggested ${SERVICE_LAYER_LABELS[s.suggestion.layer]} from ${s.suggestion.reason}`;
    const layerNote = chosen
      ? `layer ${SERVICE_LAYER_LABELS[layer]} (${chosen === s.suggestion.layer ? suggested.replace("suggested", "chosen; suggested") : `chosen; ${suggested}`})`
      : current
        ? `layer ${SERVICE_LAYER_LABELS[layer]} (as in the catalog${current.layer === s.suggestion.layer ? "" : `; ${suggested}`})`
        : `layer ${SERVICE_LAYER_LABELS[layer]} (${s.suggestion.reason})`;

    // Dependencies: from this service, each once.
    const dependsOn = s.dependsOn.map((to) => {
      const existing = existingEdges.get(`${s.name}\u0000${to}`);
      const target = inFile.get(to)!;
      const kind = existing?.kind ?? dependencyKind({ layer: finalLayer.get(to)!, broker: target.suggestion.broker });
      return { name: to, kind, status: existing ? ("unchanged" as const) : ("create" as const) };
    });
    const newDependencies = dependsOn.filter((d) => d.status === "create");

    let status: ServiceStatus;
    let changes: FieldChange[] = [];
    let allowed: boolean;
    if (!current) {
      status = "create";
      allowed = state.canCreate;
      writes.create.push({ name: s.name, layer, image: s.image ?? "", repositoryPath: s.repositoryPath ?? "", runtime });
      writes.record.push(s.name);
      plan.create.push({ kind: "service", name: s.name, note: `${layerNote}${renamed}${allowed ? "" : "; you may not add services to the catalog"}` });
    } else {
      const data: ComposeWrites["update"][number]["data"] = {};
      if (layer !== current.layer) {
        data.layer = layer;
        changes.push({ field: "layer", label: SERVICE_LABELS.layer, from: current.layer, to: layer });
      }
      if (s.image !== undefined && s.image !== current.image) {
        data.image = s.image;
        changes.push({ field: "image", label: SERVICE_LABELS.image, from: current.image, to: s.image });
      }
      if (s.repositoryPath !== undefined && s.repositoryPath !== current.repositoryPath) {
        data.repositoryPath = s.repositoryPath;
        changes.push({ field: "repositoryPath", label: SERVICE_LABELS.repositoryPath, from: current.repositoryPath, to: s.repositoryPath });
      }
      const before = current.runtime ?? EMPTY_RUNTIME;
      if (!same(before, runtime)) {
        data.runtime = runtime;
        for (const key of Object.keys(SERVICE_RUNTIME_LABELS) as (keyof ServiceRuntime)[]) {
          if (!same(before[key], runtime[key])) changes.push({ field: `runtime.${key}`, label: SERVICE_RUNTIME_LABELS[key], from: before[key], to: runtime[key] });
        }
      }
      // Editing the service itself, or giving it new dependencies, needs edit rights on it;
      // recording that the project runs it grants nothing and needs none.
      allowed = current.editable || (changes.length === 0 && newDependencies.length === 0);
      if (changes.length) writes.update.push({ id: current.id, name: s.name, data });
      if (!current.inProject) {
        writes.record.push(s.name);
        changes = [...changes, { field: "project", label: runsIn, from: "no", to: "yes" }];
      }
      const refusal = allowed ? "" : "; you may not edit this service";
      // One catalog, one name: a file whose `db` is not the `db` another project runs would change
      // theirs. Say so where it matters, before anything is applied.
      const shared = current.otherProjects?.length && changes.some((c) => c.field !== "project") ? `; also run by ${current.otherProjects.join(", ")}: these changes apply there too (if this is a different service, give it its own name in the file)` : "";
      status = changes.length ? "update" : "unchanged";
      const entry: PlanEntry = { kind: "service", name: s.name, ...(changes.length ? { changes } : {}), note: `${layerNote}${renamed}${refusal}${shared}` };
      plan[status].push(entry);
    }
    if (!allowed) refused.add(s.name);
    for (const d of dependsOn) {
      const entry: PlanEntry = { kind: "dependency", name: dependencyName(s.name, d.name, d.kind) };
      if (d.status === "unchanged") plan.unchanged.push(entry);
      else {
        plan.create.push(entry);
        writes.dependencies.push({ from: s.name, to: d.name, kind: d.kind });
      }
    }
    return {
      name: s.name,
      composeName: s.composeName,
      status,
      layer,
      suggestedLayer: s.suggestion.layer,
      reason: s.suggestion.reason,
      existingLayer: current?.layer ?? null,
      image: s.image ?? null,
      repositoryPath: s.repositoryPath ?? null,
      runtime,
      dependsOn,
      changes,
      allowed,
    };
  });

  // Drift the other way: what the catalog or the project has that the file does not.
  for (const name of state.projectServices) {
    if (!inFile.has(name)) plan.missing.push({ kind: "service", name, note: `recorded as run by ${state.projectKey}; not in this file (left alone)` });
  }
  const stated = new Set(file.services.flatMap((s) => s.dependsOn.map((to) => `${s.name}\u0000${to}`)));
  for (const e of state.edges) {
    if (!stated.has(`${e.from}\u0000${e.to}`)) plan.missing.push({ kind: "dependency", name: dependencyName(e.from, e.to, e.kind), note: "in the catalog, not in this file (left alone)" });
  }
  // Services first, then dependencies, each in the file's order.
  for (const list of Object.values(plan)) list.sort((a, b) => Number(a.kind === "dependency") - Number(b.kind === "dependency"));
  return { plan, services: rows, writes, refused: [...refused] };
}
