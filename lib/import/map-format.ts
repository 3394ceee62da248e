// The map as code: one project described as a YAML file (docs/map-format.md, and the JSON Schema
// docs/map-format.schema.json generated from MAP_FILE_SCHEMA by `npm run docs:map-format`).
// This file is the format: its zod schema, reusing the milestone, service and project field
// schemas of lib/validation, and `parseMapFile`, which reads a file through readYaml (size,
// nesting and alias limits) and answers either the parsed map or an ImportFileError naming line
// and column. Every object is strict: an unknown key is refused by name. Checks that span the
// file (duplicate keys and names, references between entries, dependency cycles) live in
// lib/import/map-checks.ts. Pure.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import { labelled } from "@/lib/validation/field-label";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { milestoneFieldsSchema, milestoneHealthSchema, milestoneStatusSchema } from "@/lib/validation/milestone";
import { serviceNameSchema, serviceSchema } from "@/lib/validation/service";
import { createProjectSchema } from "@/lib/validation/project";
import { emailField } from "@/lib/validation/user";
import { plainIssue } from "@/lib/validation/field-label";
import { ValidationError } from "@/lib/errors";
import { ImportFileError, readYaml } from "./yaml";

/** The version this code writes and reads (`format: 1`). */
export const MAP_FORMAT_VERSION = 1;

/** Caps of the lists in one file, besides LIMITS.milestone (1,000 milestones, 20 prerequisites each). */
export const MAP_LIMITS = {
  services: 1_000,
  handoffs: 1_000,
  interfaces: 1_000,
  /** A service's own dependencies. */
  dependencies: 200,
  /** Dependencies of all the file's services together: what bounds the work of one import. */
  serviceDependencies: 5_000,
  links: 100,
} as const;

export const MAP_LABELS = {
  format: "Format",
  project: "Project",
  handoffs: "Handoffs",
  handoffTitle: "Handoff title",
  paperTitle: "Paper title",
  handoffId: "Handoff id",
  milestones: "Milestones",
  owner: "Owner's email",
  dependsOn: "Depends on",
  decomposedFrom: "Decomposed from",
  implementedBy: "Implemented by",
  services: "Services",
  dependencies: "Dependencies",
  dependencyTo: "Depends on service",
  dependencyKind: "Kind",
  dependencyDescription: "Description",
  interfaces: "Interfaces",
  runtime: "Runtime",
} as const;
const L = MAP_LABELS;

const list = <T extends z.ZodType>(item: T, label: string, max: number) =>
  labelled(z.array(item).max(max, `can list at most ${formatCount(max)}`), label);

const M = milestoneFieldsSchema.shape;
const S = serviceSchema.shape;
const P = createProjectSchema.shape;

/** A handoff of the project, by title (and, where titles repeat, by paper title or id). A reference: never created or edited. */
export const handoffRefSchema = z.strictObject({
  title: text(L.handoffTitle, { min: 1, max: 300, trim: true, singleLine: true }),
  paperTitle: text(L.paperTitle, { max: 500, trim: true, singleLine: true }).optional(),
  id: labelled(z.string().max(64).regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id"), L.handoffId).optional(),
});

const milestoneKeyRef = M.key;
const handoffRef = text(L.decomposedFrom, { min: 1, max: 300, trim: true, singleLine: true });

export const mapMilestoneSchema = z.strictObject({
  key: M.key,
  title: M.title,
  description: M.description,
  acceptanceCriteria: M.acceptanceCriteria,
  owner: emailField(L.owner).nullable().optional(),
  status: milestoneStatusSchema.default("planned"),
  health: milestoneHealthSchema.default("on_track"),
  startDate: M.startDate,
  dueDate: M.dueDate,
  estimateDays: M.estimateDays,
  dependsOn: list(milestoneKeyRef, L.dependsOn, LIMITS.milestone.prerequisites).default([]),
  decomposedFrom: list(handoffRef, L.decomposedFrom, MAP_LIMITS.links).default([]),
  implementedBy: list(serviceNameSchema, L.implementedBy, MAP_LIMITS.links).default([]),
});

export const SERVICE_DEPENDENCY_KINDS = ["calls", "reads", "publishes"] as const;

export const mapServiceDependencySchema = z.strictObject({
  to: labelled(serviceNameSchema, L.dependencyTo),
  kind: labelled(z.enum(SERVICE_DEPENDENCY_KINDS, { message: `must be one of ${SERVICE_DEPENDENCY_KINDS.join(", ")}` }), L.dependencyKind).default("calls"),
  description: text(L.dependencyDescription, { max: 2_000 }).default(""),
});

const runtimeList = (label: string) => list(text(label, { max: 500, trim: true, singleLine: true }), label, 500).optional();

/** What a compose file says about how the service runs (names only: environment variable NAMES, never values). */
export const mapRuntimeSchema = labelled(
  z.strictObject({ ports: runtimeList("Ports"), profiles: runtimeList("Profiles"), networks: runtimeList("Networks"), environment: runtimeList("Environment") }),
  L.runtime,
);

export const mapServiceSchema = z.strictObject({
  name: serviceNameSchema,
  displayName: S.displayName,
  description: S.description,
  layer: S.layer,
  lifecycle: S.lifecycle,
  owner: emailField(L.owner).nullable().optional(),
  repositoryPath: S.repositoryPath,
  image: S.image,
  runtime: mapRuntimeSchema.nullable().optional(),
  dependencies: list(mapServiceDependencySchema, L.dependencies, MAP_LIMITS.dependencies).default([]),
  interfaces: list(text("Interface", { min: 1, max: 200, trim: true, singleLine: true }), L.interfaces, MAP_LIMITS.interfaces).default([]),
});

export const MAP_FILE_SCHEMA = z.strictObject({
  format: labelled(z.literal(MAP_FORMAT_VERSION, { message: `must be ${MAP_FORMAT_VERSION}: the only version of the map format this Legible reads` }), L.format),
  project: labelled(z.strictObject({ key: P.key, name: P.name, description: P.description }), L.project),
  handoffs: list(handoffRefSchema, L.handoffs, MAP_LIMITS.handoffs).default([]),
  milestones: list(mapMilestoneSchema, L.milestones, LIMITS.milestone.perProject).default([]),
  services: list(mapServiceSchema, L.services, MAP_LIMITS.services)
    .default([])
    .superRefine((services, ctx) => {
      let total = 0;
      for (const [i, service] of services.entries()) {
        total += service.dependencies.length;
        if (total <= MAP_LIMITS.serviceDependencies) continue;
        const message = `list at most ${formatCount(MAP_LIMITS.serviceDependencies)} dependencies together; ${service.name} passes that`;
        return void ctx.addIssue({ code: "custom", message, path: [i, "dependencies"] });
      }
    }),
});

type Parsed = z.output<typeof MAP_FILE_SCHEMA>;
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** Fields an entry may leave out, and so leaves alone on an update (a new entry takes the default). */
export const MILESTONE_OPTIONAL = ["description", "acceptanceCriteria", "owner", "status", "health", "startDate", "dueDate", "estimateDays"] as const;
export const SERVICE_OPTIONAL = ["displayName", "description", "lifecycle", "owner", "repositoryPath", "image", "runtime"] as const;
export const PROJECT_OPTIONAL = ["description"] as const;

export type MapMilestone = Optional<Parsed["milestones"][number], (typeof MILESTONE_OPTIONAL)[number]>;
export type MapService = Optional<Parsed["services"][number], (typeof SERVICE_OPTIONAL)[number]>;
export type MapFile = Omit<Parsed, "milestones" | "services" | "project"> & {
  project: Optional<Parsed["project"], "description">;
  milestones: MapMilestone[];
  services: MapService[];
};

/** Drops the optional fields the file left out (their schema filled in a default or null). */
function withoutAbsent<T extends Record<string, unknown>>(parsed: T, raw: unknown, fields: readonly string[]): T {
  const given = raw && typeof raw === "object" ? raw : {};
  const copy = { ...parsed };
  for (const field of fields) if (!Object.hasOwn(given, field)) delete copy[field];
  return copy;
}

function keepGiven(parsed: Parsed, raw: Record<string, unknown>): MapFile {
  const rawList = (name: string) => (Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []);
  return {
    ...parsed,
    project: withoutAbsent(parsed.project, raw.project, PROJECT_OPTIONAL),
    milestones: parsed.milestones.map((m, i) => withoutAbsent(m, rawList("milestones")[i], MILESTONE_OPTIONAL)),
    services: parsed.services.map((s, i) => withoutAbsent(s, rawList("services")[i], SERVICE_OPTIONAL)),
  };
}

/** The JSON Schema of the format (docs/map-format.schema.json), as a file would be written. */
export function mapJsonSchema(): Record<string, unknown> {
  const dates = new Set<string>([MILESTONE_LABELS.startDate, MILESTONE_LABELS.dueDate]);
  const schema = z.toJSONSchema(MAP_FILE_SCHEMA, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    // The field's visible label becomes the standard `title`; dates (parsed by code) are described.
    override: ({ jsonSchema }) => {
      const label = jsonSchema.label;
      if (typeof label !== "string") return;
      delete jsonSchema.label;
      jsonSchema.title = label;
      if (dates.has(label)) Object.assign(jsonSchema, { type: ["string", "null"], format: "date", description: "A calendar day, YYYY-MM-DD (null: none)." });
    },
  });
  return {
    $schema: schema.$schema,
    $id: "https://legible.dev/schemas/map-format.schema.json",
    title: "Legible project map",
    description: "One project of Legible as code: its handoff references, milestones and services. See docs/map-format.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema" && k !== "title")),
  };
}

/** docs/map-format.schema.json's text (`npm run docs:map-format`; a unit test keeps the file current). */
export const renderMapJsonSchema = () => `${JSON.stringify(mapJsonSchema(), null, 2)}\n`;

/** "milestones[3] (FLOOR-4)": where in the file a path points, as a reader finds it. */
export function describePath(value: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  let node: unknown = value;
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      const id = node && typeof node === "object" ? ((node as Record<string, unknown>).key ?? (node as Record<string, unknown>).name ?? (node as Record<string, unknown>).to) : undefined;
      if (typeof id === "string") out += ` (${id})`;
    } else {
      out += out ? `.${String(segment)}` : String(segment);
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[String(segment)] : undefined;
    }
  }
  return out;
}

/** The sentence for one zod issue, naming the field by its label and the place by path. */
function issueMessage(issue: z.core.$ZodIssue, value: unknown): { message: string; path: PropertyKey[] } {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const where = describePath(value, issue.path);
    const others = issue.keys.length > 1 ? ` (also ${issue.keys.slice(1).join(", ")})` : "";
    return { message: `unknown key “${key}”${where ? ` in ${where}` : ""}${others}; the map format does not have it (see docs/map-format.md).`, path: [...issue.path, key] };
  }
  const sentence = ValidationError.fromZod(new z.ZodError([issue]), MAP_FILE_SCHEMA).message;
  // A top-level field's label says where it is; deeper ones are named by path ("milestones[3] (FLOOR-4).title").
  const where = issue.path.length > 1 ? describePath(value, issue.path) : "";
  return { message: where ? `${where}: ${sentence}` : sentence, path: issue.path };
}

/** Reads and validates a map file: the parsed map, or an ImportFileError with line and column. */
export function parseMapFile(text: string, filename: string): { map: MapFile; positionOf: (path: readonly (string | number)[]) => { line: number; column: number } | undefined } {
  const file = readYaml(text, { filename });
  if (file.value === null || typeof file.value !== "object" || Array.isArray(file.value)) {
    throw new ImportFileError("a map file is a YAML mapping with format, project, handoffs, milestones and services (see docs/map-format.md).", filename, { line: 1, column: 1 });
  }
  const result = MAP_FILE_SCHEMA.safeParse(file.value, { error: plainIssue });
  if (!result.success) {
    const { message, path } = issueMessage(result.error.issues[0], file.value);
    const at = path.filter((p): p is string | number => typeof p !== "symbol");
    throw new ImportFileError(message, filename, file.positionOf(at) ?? file.positionOf(at.slice(0, -1)));
  }
  return { map: keepGiven(result.data, file.value as Record<string, unknown>), positionOf: file.positionOf };
}
