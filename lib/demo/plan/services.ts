// The organisation-wide service catalog the demo milestones implement, with interfaces and the
// calls between services. Plain data.
import type { JsonSchema, ServiceEdge, ServiceSeed } from "@/lib/demo/plan/types";

const roomSchema: JsonSchema = {
  type: "object",
  required: ["id", "type"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9_-]{1,32}$" },
    type: { type: "string", enum: ["living_room", "kitchen", "bedroom", "bathroom", "balcony", "entrance", "dining_room", "study", "storage"] },
    corners: { type: "integer", minimum: 4, maximum: 12, multipleOf: 2, default: 4 },
  },
};
const generateRequestSchema: JsonSchema = {
  type: "object",
  required: ["rooms", "doors", "gross_area_m2"],
  properties: {
    rooms: { type: "array", minItems: 2, maxItems: 10, items: roomSchema },
    doors: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["between"], properties: { between: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 } } },
    },
    gross_area_m2: { type: "number", exclusiveMinimum: 15, maximum: 400 },
    candidates: { type: "integer", minimum: 1, maximum: 8, default: 4 },
    steps: { type: "integer", minimum: 25, maximum: 1000, default: 250 },
    seed: { type: ["integer", "null"] },
  },
};
const polygonSchema: JsonSchema = {
  type: "array",
  minItems: 4,
  items: { type: "array", items: { type: "integer" }, minItems: 2, maxItems: 2 },
  description: "Clockwise corners in millimetres; the first point is not repeated.",
};
const candidateSchema: JsonSchema = {
  type: "object",
  required: ["rooms", "doors"],
  properties: {
    rooms: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "type", "polygon"],
        properties: { id: { type: "string" }, type: { type: "string" }, polygon: polygonSchema, area_m2: { type: "number" } },
      },
    },
    doors: {
      type: "array",
      items: { type: "object", properties: { between: { type: "array", items: { type: "string" } }, segment: polygonSchema } },
    },
    violations: { type: "array", items: { type: "string" } },
  },
};
const checkResponseSchema: JsonSchema = {
  type: "object",
  required: ["ok", "violations"],
  properties: {
    ok: { type: "boolean" },
    violations: {
      type: "array",
      items: {
        type: "object",
        required: ["rule", "rooms"],
        properties: { rule: { type: "string", enum: ["overlap", "outside_footprint", "door_not_on_shared_wall", "min_dimension"] }, rooms: { type: "array", items: { type: "string" } }, detail: { type: "string" } },
      },
    },
  },
};

export const SERVICES: ServiceSeed[] = [
  {
    name: "ai-gateway",
    displayName: "AI gateway",
    description:
      "Single entry point for AI features: validates JWTs issued by the identity provider, checks scopes, applies per-tenant rate limits and routes to the API services by name. Propagates request ids for tracing.",
    layer: "gateway",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "services/ai-gateway",
    image: "ghcr.io/legible-demo/ai-gateway:2.7.1",
    interfaces: [
      {
        name: "routeLayouts",
        method: "POST",
        path: "/v1/layouts/{operation}",
        summary: "Authenticated route to layout-api; requires the layouts:generate scope.",
      },
      {
        name: "healthz",
        method: "GET",
        path: "/healthz",
        summary: "Liveness and upstream reachability.",
        responseSchema: { type: "object", properties: { status: { type: "string", enum: ["ok", "degraded"] }, upstreams: { type: "object", additionalProperties: { type: "string" } } } },
      },
    ],
  },
  {
    name: "project-api",
    displayName: "Project API",
    description: "Architecture projects, their saved plans and exports. Owns the plans schema in postgres and signed download URLs for renders in the object store.",
    layer: "api",
    lifecycle: "production",
    owner: "engineer",
    repositoryPath: "services/project-api",
    image: "ghcr.io/legible-demo/project-api:3.12.0",
    interfaces: [
      {
        name: "savePlan",
        method: "POST",
        path: "/v1/projects/{projectId}/plans",
        summary: "Save a chosen candidate as an editable plan.",
        requestSchema: { type: "object", required: ["name", "candidate"], properties: { name: { type: "string", maxLength: 120 }, candidate: candidateSchema } },
        responseSchema: { type: "object", required: ["planId"], properties: { planId: { type: "string" }, version: { type: "integer" } } },
      },
      {
        name: "requestExport",
        method: "POST",
        path: "/v1/plans/{planId}/exports",
        summary: "Queue an SVG or DXF export; returns a job whose result is a signed URL.",
        requestSchema: { type: "object", required: ["format"], properties: { format: { type: "string", enum: ["svg", "dxf"] } } },
        responseSchema: { type: "object", properties: { jobId: { type: "string" }, status: { type: "string", enum: ["queued", "done", "failed"] }, url: { type: "string", format: "uri" } } },
      },
    ],
  },
  {
    name: "layout-api",
    displayName: "Layout API",
    description:
      "Business logic of layout generation: validates requests against the layout schema, calls the generator, runs every candidate through the constraint checker, resamples failures (at most twice) and streams passing candidates.",
    layer: "api",
    lifecycle: "experimental",
    owner: "engineer",
    repositoryPath: "services/layout-api",
    image: "ghcr.io/legible-demo/layout-api:0.9.2",
    interfaces: [
      {
        name: "generateLayouts",
        method: "POST",
        path: "/v1/layouts/generate",
        summary: "Generate candidate floor plans from a bubble diagram; responds with newline-delimited JSON, one candidate per line.",
        requestSchema: generateRequestSchema,
        responseSchema: candidateSchema,
      },
      {
        name: "getGeneration",
        method: "GET",
        path: "/v1/layouts/generations/{generationId}",
        summary: "A past generation's request, candidates and checker verdicts.",
        responseSchema: { type: "object", properties: { id: { type: "string" }, request: generateRequestSchema, candidates: { type: "array", items: candidateSchema } } },
      },
    ],
  },
  {
    name: "floorplan-generator",
    displayName: "Floor-plan generator",
    description:
      "Serves the HouseDiffusion model on GPU: loads a checkpoint from the object store at start-up, batches concurrent requests, returns polygons in millimetres. Model version in the X-Model-Version header.",
    layer: "model",
    lifecycle: "experimental",
    owner: "researcher",
    repositoryPath: "services/floorplan-generator",
    image: "ghcr.io/legible-demo/floorplan-generator:1.4.0",
    interfaces: [
      {
        name: "sample",
        method: "POST",
        path: "/v1/sample",
        summary: "Sample candidate plans for one bubble diagram.",
        requestSchema: generateRequestSchema,
        responseSchema: { type: "object", required: ["candidates"], properties: { candidates: { type: "array", items: candidateSchema }, model_version: { type: "string" } } },
      },
      {
        name: "readyz",
        method: "GET",
        path: "/readyz",
        summary: "Ready once the checkpoint is downloaded, its checksum verified and a warm-up batch has run.",
      },
    ],
  },
  {
    name: "constraint-checker",
    displayName: "Constraint checker",
    description:
      "Deterministic geometry rules for generated plans: overlaps, footprint containment, doors on shared walls, minimum room dimensions. Pure functions behind a small HTTP API; no state.",
    layer: "service",
    lifecycle: "experimental",
    owner: "engineer",
    repositoryPath: "services/constraint-checker",
    image: "ghcr.io/legible-demo/constraint-checker:0.3.0",
    interfaces: [
      {
        name: "checkLayout",
        method: "POST",
        path: "/v1/check",
        summary: "Check one candidate; returns every violated rule with the rooms involved.",
        requestSchema: { type: "object", required: ["candidate"], properties: { candidate: candidateSchema, footprint: polygonSchema } },
        responseSchema: checkResponseSchema,
      },
    ],
  },
  {
    name: "render-worker",
    displayName: "Render worker",
    description: "Consumes export jobs, renders plans to SVG and DXF with the house drawing style, and writes the files to the object store.",
    layer: "worker",
    lifecycle: "production",
    owner: "engineer",
    repositoryPath: "services/render-worker",
    image: "ghcr.io/legible-demo/render-worker:1.8.3",
    interfaces: [
      {
        name: "render.requested",
        method: "",
        path: "queue:render.requested",
        summary: "Job message: plan id, version and format; the result is written to renders/{planId}/{version}.{format}.",
        requestSchema: { type: "object", required: ["planId", "version", "format"], properties: { planId: { type: "string" }, version: { type: "integer" }, format: { type: "string", enum: ["svg", "dxf"] } } },
      },
    ],
  },
  {
    name: "postgres",
    displayName: "PostgreSQL",
    description: "Primary relational store: project-api's plans schema and layout-api's generation log, in separate schemas with separate roles.",
    layer: "data",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "infra/postgres",
    image: "postgres:16.4",
    interfaces: [{ name: "sql", method: "", path: "postgres:5432", summary: "PostgreSQL wire protocol; schemas plans and generations." }],
  },
  {
    name: "object-store",
    displayName: "Object store",
    description: "S3-compatible storage for model checkpoints, research datasets (access-restricted) and rendered exports.",
    layer: "data",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "infra/object-store",
    image: "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z",
    interfaces: [
      { name: "getObject", method: "GET", path: "/{bucket}/{key}", summary: "Read an object (checkpoints, renders)." },
      { name: "putObject", method: "PUT", path: "/{bucket}/{key}", summary: "Write an object (renders, datasets)." },
    ],
  },
];

export const SERVICE_EDGES: ServiceEdge[] = [
  { from: "ai-gateway", to: "project-api", kind: "calls", description: "Routes /v1/projects and /v1/plans after JWT validation." },
  { from: "ai-gateway", to: "layout-api", kind: "calls", description: "Routes /v1/layouts with the layouts:generate scope." },
  { from: "layout-api", to: "floorplan-generator", kind: "calls", description: "POST /v1/sample, one call per generation with all candidates batched." },
  { from: "layout-api", to: "constraint-checker", kind: "calls", description: "POST /v1/check for every candidate before it is streamed." },
  { from: "layout-api", to: "postgres", kind: "reads", description: "Generation log (requests, candidates, verdicts)." },
  { from: "project-api", to: "postgres", kind: "reads", description: "Projects and saved plans." },
  { from: "project-api", to: "render-worker", kind: "publishes", description: "render.requested jobs for SVG and DXF exports." },
  { from: "project-api", to: "object-store", kind: "reads", description: "Signs download URLs for finished renders." },
  { from: "render-worker", to: "object-store", kind: "reads", description: "Reads the symbol library and writes renders." },
  { from: "floorplan-generator", to: "object-store", kind: "reads", description: "Downloads the checkpoint at start-up." },
];
