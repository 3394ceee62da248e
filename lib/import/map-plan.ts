// What importing a map file into a project would do: the checks that span the file (duplicates,
// references between entries and to the project, owners, cycles, caps), then the ImportPlan
// (lib/import/plan.ts) and the writes that carry it out (MapWrites, applied by
// lib/data/map-code.ts in one transaction). Nothing is ever deleted: what the project has and the
// file does not is listed as "missing". Every refusal is an ImportFileError naming line and
// column. Pure.
import { findCycle } from "@/lib/graph/cycles";
import { compareKeys } from "@/lib/sort";
import { LIMITS } from "@/lib/validation/limits";
import { MILESTONE_LABELS, PROJECT_LABELS, SERVICE_LABELS } from "@/lib/validation/labels";
import { asChecklist } from "@/lib/validation/milestone-criteria";
import { tooManyMilestonesMessage, tooManyPrerequisitesMessage } from "@/lib/data/plan-caps";
import { diffFields, emptyPlan, type ImportPlan, type PlanEntry } from "./plan";
import { ImportFileError, type Position } from "./yaml";
import type { MapFile, MapMilestone, MapService } from "./map-format";
import { dayOf, normalRuntime, projectServiceNames, type MapState, type MilestoneState, type ServiceDependencyState, type ServiceState } from "./map-state";

export type MilestoneWrite = Omit<MilestoneState, "id" | "dependsOn" | "handoffIds" | "implementedBy">;
export type ServiceWrite = Omit<ServiceState, "id" | "dependencies" | "interfaces">;

export type ServiceDependencyWrite = { from: string } & ServiceDependencyState;

/** The fields `changes` names, taken from `next`. */
function changed<T extends object>(next: Partial<T>, changes: { field: string }[]): Partial<T> {
  const out: Partial<T> = {};
  for (const c of changes) Object.assign(out, { [c.field]: Object.getOwnPropertyDescriptor(next, c.field)?.value });
  return out;
}

export type MapWrites = {
  project: { create?: { key: string; name: string; description: string }; update?: { name?: string; description?: string } };
  services: { create: ServiceWrite[]; update: { name: string; data: Partial<ServiceWrite>; ownerChanged: boolean }[] };
  serviceDependencies: { create: ServiceDependencyWrite[]; update: ServiceDependencyWrite[] };
  milestones: { create: MilestoneWrite[]; update: { key: string; data: Partial<MilestoneWrite>; statusChanged: boolean; fieldsChanged: boolean }[] };
  dependencies: { milestone: string; dependsOn: string }[];
  handoffLinks: { milestone: string; handoffId: string }[];
  serviceLinks: { milestone: string; service: string }[];
  runs: string[];
};

export type MapPlanContext = {
  filename: string;
  positionOf: (path: readonly (string | number)[]) => Position | undefined;
  /** The importing user's email: the only member of a project the import creates. */
  actorEmail: string;
};

const MILESTONE_FIELDS = {
  title: MILESTONE_LABELS.title,
  status: MILESTONE_LABELS.status,
  health: MILESTONE_LABELS.health,
  owner: MILESTONE_LABELS.ownerId,
  startDate: MILESTONE_LABELS.startDate,
  dueDate: MILESTONE_LABELS.dueDate,
  estimateDays: MILESTONE_LABELS.estimateDays,
  description: MILESTONE_LABELS.description,
  acceptanceCriteria: MILESTONE_LABELS.acceptanceCriteria,
} as const;

const SERVICE_FIELDS = {
  displayName: SERVICE_LABELS.displayName,
  layer: SERVICE_LABELS.layer,
  lifecycle: SERVICE_LABELS.lifecycle,
  owner: SERVICE_LABELS.ownerId,
  repositoryPath: SERVICE_LABELS.repositoryPath,
  image: SERVICE_LABELS.image,
  description: SERVICE_LABELS.description,
  runtime: "Runtime",
} as const;

const edgeName = (from: string, to: string) => `${from} → ${to}`;
const serviceDependencyName = (from: string, d: { to: string; kind: string }) => `${from} → ${d.to} (${d.kind})`;

/** The milestone as the plan compares it: the file's fields in the stored form, absent ones undefined. */
function milestoneFields(m: MapMilestone): Partial<MilestoneWrite> {
  return {
    key: m.key,
    title: m.title,
    description: m.description,
    acceptanceCriteria: m.acceptanceCriteria === undefined ? undefined : asChecklist(m.acceptanceCriteria),
    owner: m.owner,
    status: m.status,
    health: m.health,
    startDate: m.startDate === undefined ? undefined : dayOf(m.startDate),
    dueDate: m.dueDate === undefined ? undefined : dayOf(m.dueDate),
    estimateDays: m.estimateDays,
  };
}

function serviceFields(s: MapService): Partial<ServiceWrite> {
  return {
    name: s.name,
    displayName: s.displayName,
    description: s.description,
    layer: s.layer,
    lifecycle: s.lifecycle,
    owner: s.owner,
    repositoryPath: s.repositoryPath,
    image: s.image,
    runtime: s.runtime === undefined ? undefined : normalRuntime(s.runtime),
  };
}

/** Checks the file against itself and the project, then plans. Throws ImportFileError on the first problem. */
export function planMap(file: MapFile, state: MapState, ctx: MapPlanContext): { plan: ImportPlan; writes: MapWrites } {
  const fail = (path: (string | number)[], detail: string): never => {
    throw new ImportFileError(detail, ctx.filename, ctx.positionOf(path) ?? ctx.positionOf(path.slice(0, -1)));
  };
  const projectKey = file.project.key;
  const plan = emptyPlan();
  const writes: MapWrites = {
    project: {},
    services: { create: [], update: [] },
    serviceDependencies: { create: [], update: [] },
    milestones: { create: [], update: [] },
    dependencies: [],
    handoffLinks: [],
    serviceLinks: [],
    runs: [],
  };

  // The project.
  if (!state.project) {
    writes.project.create = { key: projectKey, name: file.project.name, description: file.project.description ?? "" };
    plan.create.push({ kind: "project", name: projectKey, note: "a new project; you become its owner" });
  } else {
    const changes = diffFields({ name: state.project.name, description: state.project.description }, { name: file.project.name, description: file.project.description }, { name: PROJECT_LABELS.name, description: PROJECT_LABELS.description });
    if (changes.length) {
      writes.project.update = changed({ name: file.project.name, description: file.project.description }, changes);
      plan.update.push({ kind: "project", name: projectKey, changes });
    }
  }

  // Handoff references: each names one handoff of the project.
  const handoffOf = new Map<string, string>(); // reference (title or id) → handoff id
  const referenced = new Set<string>();
  file.handoffs.forEach((ref, i) => {
    const candidates = ref.id
      ? state.handoffs.filter((h) => h.id === ref.id)
      : state.handoffs.filter((h) => h.title === ref.title && (ref.paperTitle === undefined || h.paperTitle === ref.paperTitle));
    const what = `handoffs[${i}]: ${projectKey} has no handoff ${ref.id ? `with id ${ref.id}` : `titled “${ref.title}”${ref.paperTitle ? ` on the paper “${ref.paperTitle}”` : ""}`}`;
    if (candidates.length === 0) fail(["handoffs", i], `${what}. A map names handoffs; it never creates them: write the handoff in ${projectKey} first, or remove the reference.`);
    if (candidates.length > 1) fail(["handoffs", i], `handoffs[${i}]: ${candidates.length} handoffs of ${projectKey} are titled “${ref.title}”; add the id of the one you mean (${candidates.map((h) => h.id).join(", ")}).`);
    const handoff = candidates[0];
    if (referenced.has(handoff.id)) fail(["handoffs", i], `handoffs[${i}]: “${ref.title}” is listed twice; list each handoff once.`);
    referenced.add(handoff.id);
    if (ref.id) handoffOf.set(ref.id, handoff.id);
    if (!handoffOf.has(ref.title)) handoffOf.set(ref.title, handoff.id);
    else if (!ref.id) handoffOf.set(ref.title, ""); // ambiguous by title
  });
  for (const h of state.handoffs) if (!referenced.has(h.id)) plan.missing.push({ kind: "handoff", name: `“${h.title}”` });

  // Services: unique names, owners active, dependency targets known.
  const fileServices = new Map<string, MapService>();
  const catalog = new Map(state.services.map((s) => [s.name, s]));
  const users = new Map(state.users.map((u) => [u.email, u]));
  file.services.forEach((s, i) => {
    if (fileServices.has(s.name)) fail(["services", i, "name"], `services[${i}]: the service ${s.name} is listed twice; each service name may appear once.`);
    fileServices.set(s.name, s);
    // An owner the service already has stays acceptable (an export of it must import back unchanged).
    if (s.owner && !users.get(s.owner)?.active && catalog.get(s.name)?.owner !== s.owner) fail(["services", i, "owner"], `services[${i}] (${s.name}): ${SERVICE_LABELS.ownerEmail} must be the email of an active account on this instance; none has the email ${s.owner}.`);
    const seen = new Set<string>();
    s.dependencies.forEach((d, j) => {
      const at = ["services", i, "dependencies", j, "to"];
      if (d.to === s.name) fail(at, `services[${i}] (${s.name}): a service cannot depend on itself.`);
      if (!fileServices.has(d.to) && !catalog.has(d.to) && !file.services.some((o) => o.name === d.to)) fail(at, `services[${i}] (${s.name}): depends on ${d.to}, which is neither in this file nor in the catalog.`);
      if (seen.has(`${d.to} ${d.kind}`)) fail(at, `services[${i}] (${s.name}): the dependency ${serviceDependencyName(s.name, d)} is listed twice.`);
      seen.add(`${d.to} ${d.kind}`);
    });
  });

  // Milestones: unique keys of this project, owners members, references known.
  const existing = new Map(state.milestones.map((m) => [m.key, m]));
  const fileMilestones = new Map<string, MapMilestone>();
  const members = new Set(state.project ? state.memberEmails : [ctx.actorEmail]);
  file.milestones.forEach((m, i) => {
    if (fileMilestones.has(m.key)) fail(["milestones", i, "key"], `milestones[${i}]: the key ${m.key} is listed twice; each milestone key may appear once.`);
    fileMilestones.set(m.key, m);
    if (!m.key.startsWith(`${projectKey}-`)) fail(["milestones", i, "key"], `milestones[${i}]: ${MILESTONE_LABELS.key} ${m.key} must start with ${projectKey}-, the project's key.`);
    // As for services: the owner a milestone already has (since disabled, or no longer a member) may stay.
    if (m.owner && !members.has(m.owner) && existing.get(m.key)?.owner !== m.owner) fail(["milestones", i, "owner"], `milestones[${i}] (${m.key}): ${MILESTONE_LABELS.ownerId} ${m.owner} must be a member of ${projectKey}${state.project ? "" : " (a project the import creates has only you as a member)"}.`);
    const start = m.startDate === undefined ? existing.get(m.key)?.startDate : dayOf(m.startDate);
    const due = m.dueDate === undefined ? existing.get(m.key)?.dueDate : dayOf(m.dueDate);
    if (start && due && start > due) fail(["milestones", i, "dueDate"], `milestones[${i}] (${m.key}): ${MILESTONE_LABELS.dueDate} must be on or after the start date.`);
  });
  const createCount = file.milestones.filter((m) => !existing.has(m.key)).length;
  if (state.milestones.length + createCount > LIMITS.milestone.perProject) {
    fail(["milestones"], tooManyMilestonesMessage(state.project?.name ?? file.project.name, state.milestones.length, createCount));
  }
  file.milestones.forEach((m, i) => {
    m.dependsOn.forEach((key, j) => {
      if (key === m.key) fail(["milestones", i, "dependsOn", j], `milestones[${i}] (${m.key}): a milestone cannot depend on itself.`);
      if (!fileMilestones.has(key) && !existing.has(key)) fail(["milestones", i, "dependsOn", j], `milestones[${i}] (${m.key}): depends on ${key}, which is neither in this file nor in ${projectKey}.`);
    });
    m.decomposedFrom.forEach((ref, j) => {
      const id = handoffOf.get(ref);
      if (id === undefined) fail(["milestones", i, "decomposedFrom", j], `milestones[${i}] (${m.key}): decomposed from “${ref}”, which the file's handoffs list does not name.`);
      if (id === "") fail(["milestones", i, "decomposedFrom", j], `milestones[${i}] (${m.key}): several handoffs are titled “${ref}”; name the one you mean by its id.`);
    });
    m.implementedBy.forEach((name, j) => {
      if (!fileServices.has(name) && !catalog.has(name)) fail(["milestones", i, "implementedBy", j], `milestones[${i}] (${m.key}): implemented by ${name}, which is neither in this file nor in the catalog.`);
    });
  });

  // Dependencies: the project's edges stay (nothing is deleted), so the file's are checked with them.
  const edges = new Map<string, { source: string; target: string }>();
  for (const m of state.milestones) for (const d of m.dependsOn) edges.set(edgeName(m.key, d), { source: m.key, target: d });
  for (const m of file.milestones) for (const d of m.dependsOn) edges.set(edgeName(m.key, d), { source: m.key, target: d });
  const keys = new Set([...existing.keys(), ...fileMilestones.keys()]);
  const cycle = findCycle([...keys].map((id) => ({ id })), [...edges.values()]);
  if (cycle) {
    const i = file.milestones.findIndex((m) => cycle.includes(m.key) && m.dependsOn.some((d) => cycle.includes(d)));
    fail(["milestones", Math.max(0, i), "dependsOn"], `milestones[${Math.max(0, i)}] (${file.milestones[Math.max(0, i)]?.key}): these dependencies would close a cycle: ${[...cycle, cycle[0]].join(" → ")}. A milestone cannot wait, however indirectly, on itself.`);
  }
  for (const key of keys) {
    const count = [...edges.values()].filter((e) => e.source === key).length;
    if (count > LIMITS.milestone.prerequisites) {
      const i = file.milestones.findIndex((m) => m.key === key);
      fail(["milestones", i, "dependsOn"], `milestones[${i}] (${key}): ${tooManyPrerequisitesMessage(key)}`);
    }
  }

  planServices(file, state, plan, writes, ctx.actorEmail);
  planMilestones(file, state, plan, writes, handoffOf);
  planRuns(file, state, plan, writes);
  return { plan, writes };
}

function planServices(file: MapFile, state: MapState, plan: ImportPlan, writes: MapWrites, actorEmail: string) {
  const catalog = new Map(state.services.map((s) => [s.name, s]));
  for (const s of [...file.services].sort((a, b) => compareKeys(a.name, b.name))) {
    const current = catalog.get(s.name);
    const next = serviceFields(s);
    const unknownInterfaces = s.interfaces.filter((n) => !current?.interfaces.includes(n));
    const note = unknownInterfaces.length ? `interfaces not in the catalog (import an OpenAPI file to add them): ${[...unknownInterfaces].sort(compareKeys).join(", ")}` : undefined;
    if (!current) {
      writes.services.create.push({
        name: s.name,
        displayName: s.displayName ?? "",
        description: s.description ?? "",
        layer: s.layer,
        lifecycle: s.lifecycle ?? "experimental",
        // As in the service form: whoever adds a service owns it unless the file names someone (or null).
        owner: s.owner === undefined ? actorEmail : s.owner,
        repositoryPath: s.repositoryPath ?? "",
        image: s.image ?? "",
        runtime: next.runtime ?? null,
      });
      plan.create.push({ kind: "service", name: s.name, ...(note ? { note } : {}) });
    } else {
      const changes = diffFields<Record<string, unknown>>({ ...current }, next, SERVICE_FIELDS);
      const entry: PlanEntry = { kind: "service", name: s.name, ...(note ? { note } : {}) };
      if (changes.length) {
        writes.services.update.push({ name: s.name, data: changed(next, changes), ownerChanged: changes.some((c) => c.field === "owner") });
        plan.update.push({ ...entry, changes });
      } else plan.unchanged.push(entry);
      for (const n of current.interfaces) if (!s.interfaces.includes(n)) plan.missing.push({ kind: "interface", name: `${s.name} ${n}` });
    }
    for (const d of [...s.dependencies].sort((a, b) => compareKeys(a.to, b.to) || compareKeys(a.kind, b.kind))) {
      const had = current?.dependencies.find((c) => c.to === d.to && c.kind === d.kind);
      const name = serviceDependencyName(s.name, d);
      const write = { from: s.name, to: d.to, kind: d.kind, description: d.description };
      if (!had) {
        writes.serviceDependencies.create.push(write);
        plan.create.push({ kind: "service-dependency", name });
      } else if (had.description !== d.description) {
        writes.serviceDependencies.update.push(write);
        plan.update.push({ kind: "service-dependency", name, changes: [{ field: "description", label: "Description", from: had.description, to: d.description }] });
      } else plan.unchanged.push({ kind: "service-dependency", name });
    }
    for (const d of current?.dependencies ?? []) {
      if (!s.dependencies.some((f) => f.to === d.to && f.kind === d.kind)) plan.missing.push({ kind: "service-dependency", name: serviceDependencyName(s.name, d) });
    }
  }
  const named = new Set(file.services.map((s) => s.name));
  for (const name of projectServiceNames(state)) if (!named.has(name)) plan.missing.push({ kind: "service", name });
}

function planMilestones(file: MapFile, state: MapState, plan: ImportPlan, writes: MapWrites, handoffOf: Map<string, string>) {
  const existing = new Map(state.milestones.map((m) => [m.key, m]));
  const handoffTitle = new Map(state.handoffs.map((h) => [h.id, h.title]));
  const links: { create: PlanEntry[]; unchanged: PlanEntry[]; missing: PlanEntry[] } = { create: [], unchanged: [], missing: [] };
  const deps: typeof links = { create: [], unchanged: [], missing: [] };
  for (const m of [...file.milestones].sort((a, b) => compareKeys(a.key, b.key))) {
    const current = existing.get(m.key);
    const next = milestoneFields(m);
    if (!current) {
      writes.milestones.create.push({
        key: m.key,
        title: m.title,
        description: next.description ?? "",
        acceptanceCriteria: next.acceptanceCriteria ?? "",
        owner: next.owner ?? null,
        status: next.status ?? "planned",
        health: next.health ?? "on_track",
        startDate: next.startDate ?? null,
        dueDate: next.dueDate ?? null,
        estimateDays: next.estimateDays ?? null,
      });
      plan.create.push({ kind: "milestone", name: m.key });
    } else {
      const changes = diffFields<Record<string, unknown>>({ ...current }, next, MILESTONE_FIELDS);
      if (changes.length) {
        const statusChanged = changes.some((c) => c.field === "status" || c.field === "health");
        writes.milestones.update.push({ key: m.key, data: changed(next, changes), statusChanged, fieldsChanged: changes.some((c) => c.field !== "status" && c.field !== "health") });
        plan.update.push({ kind: "milestone", name: m.key, changes });
      } else plan.unchanged.push({ kind: "milestone", name: m.key });
    }
    for (const d of [...new Set(m.dependsOn)].sort(compareKeys)) {
      const entry = { kind: "dependency", name: edgeName(m.key, d) };
      if (current?.dependsOn.includes(d)) deps.unchanged.push(entry);
      else {
        deps.create.push(entry);
        writes.dependencies.push({ milestone: m.key, dependsOn: d });
      }
    }
    const handoffIds = [...new Set(m.decomposedFrom.map((ref) => handoffOf.get(ref)!))];
    for (const id of handoffIds) {
      const entry = { kind: "link", name: `${m.key} decomposed from “${handoffTitle.get(id)}”` };
      if (current?.handoffIds.includes(id)) links.unchanged.push(entry);
      else {
        links.create.push(entry);
        writes.handoffLinks.push({ milestone: m.key, handoffId: id });
      }
    }
    for (const id of current?.handoffIds ?? []) if (!handoffIds.includes(id)) links.missing.push({ kind: "link", name: `${m.key} decomposed from “${handoffTitle.get(id)}”` });
    for (const name of [...new Set(m.implementedBy)].sort(compareKeys)) {
      const entry = { kind: "link", name: `${m.key} implemented by ${name}` };
      if (current?.implementedBy.includes(name)) links.unchanged.push(entry);
      else {
        links.create.push(entry);
        writes.serviceLinks.push({ milestone: m.key, service: name });
      }
    }
    for (const name of current?.implementedBy ?? []) if (!m.implementedBy.includes(name)) links.missing.push({ kind: "link", name: `${m.key} implemented by ${name}` });
  }
  const inFile = new Set(file.milestones.map((m) => m.key));
  for (const m of [...state.milestones].sort((a, b) => compareKeys(a.key, b.key))) {
    if (!inFile.has(m.key)) plan.missing.push({ kind: "milestone", name: m.key });
    const fileDeps = file.milestones.find((f) => f.key === m.key)?.dependsOn ?? [];
    for (const d of m.dependsOn) if (!fileDeps.includes(d)) deps.missing.push({ kind: "dependency", name: edgeName(m.key, d) });
  }
  plan.create.push(...deps.create, ...links.create);
  plan.unchanged.push(...deps.unchanged, ...links.unchanged);
  plan.missing.push(...deps.missing, ...links.missing);
}

/**
 * A service of the file that the project would not otherwise count as its own (no milestone of
 * the project is implemented by it, and none of those services depends on it) is recorded as one
 * of the project's services, so that an export lists it again.
 */
function planRuns(file: MapFile, state: MapState, plan: ImportPlan, writes: MapWrites) {
  const after = new Map(state.services.map((s) => [s.name, { name: s.name, dependencies: [...s.dependencies] }]));
  for (const s of file.services) after.set(s.name, { name: s.name, dependencies: [...(after.get(s.name)?.dependencies ?? []), ...s.dependencies] });
  const milestones = [...state.milestones, ...file.milestones];
  const covered = new Set(projectServiceNames({ services: [...after.values()], runs: state.runs, milestones }));
  for (const s of [...file.services].sort((a, b) => compareKeys(a.name, b.name))) {
    if (covered.has(s.name)) continue;
    writes.runs.push(s.name);
    plan.create.push({ kind: "link", name: `${file.project.key} runs ${s.name}`, note: "recorded as one of the project's services" });
  }
}
