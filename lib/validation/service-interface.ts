// A service's interfaces and its dependencies on other services, as the service page's forms and
// the API send them. An interface is an operation (method, path, request and response schemas) or
// a named data schema (kind "schema": one JSON Schema, kept as the request schema). Schemas arrive
// as JSON text pasted into a form, or as JSON values in an API body; either way they are parsed
// here, within a size and nesting cap, and a syntax error is named by line and column.
import { z } from "./zod-browser";
import { LIMITS, formatCount } from "./limits";
import { LABELLED, idSchema, text, unstorable } from "./text";
import { labelled } from "./field-label";
import { DEPENDENCY_LABELS as D, INTERFACE_LABELS as L } from "./labels";
import { lineColumn, locateJsonError } from "@/lib/import/json-location";

const I = LIMITS.interface;

export const INTERFACE_KINDS = ["operation", "schema"] as const;
export const INTERFACE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export const DEPENDENCY_KINDS = ["calls", "reads", "publishes"] as const;

/** A stored JSON Schema: a JSON object. */
export type JsonObject = { [key: string]: unknown };

type Problem = { message: string };

const JSON_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];
/** Keywords whose value is one schema, a map of schemas, or a list of schemas. */
const ONE = new Set(["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems"]);
const MAP = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);
const LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

type Place = "schema" | "map" | "list" | "data";

/** What is wrong with one schema object's own keywords, as the end of a sentence; null when nothing. */
function keywordProblem(node: Record<string, unknown>): string | null {
  const type = node.type;
  const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : type === undefined ? [] : null;
  if (!types || types.some((t) => typeof t !== "string" || !JSON_TYPES.includes(t))) return `"type" must be one of ${JSON_TYPES.join(", ")} (or a list of them)`;
  if (node.required !== undefined && !(Array.isArray(node.required) && node.required.every((r) => typeof r === "string"))) return `"required" must be a list of property names`;
  if (node.enum !== undefined && !Array.isArray(node.enum)) return `"enum" must be a list of values`;
  for (const key of ["$ref", "title", "description", "format", "pattern"]) if (node[key] !== undefined && typeof node[key] !== "string") return `"${key}" must be text`;
  return null;
}

/**
 * Why a JSON value cannot be kept as a JSON Schema, or null: a keyword of the wrong shape (with
 * where it is, as a JSON pointer), nesting past the cap, a string no database stores. Iterative,
 * so a hostile depth cannot overflow the stack.
 */
function schemaProblem(value: unknown, label: string): Problem | null {
  const stack: { node: unknown; depth: number; place: Place; at: string }[] = [{ node: value, depth: 1, place: "schema", at: "" }];
  while (stack.length > 0) {
    const { node, depth, place, at } = stack.pop()!;
    if (typeof node === "string") {
      const bad = unstorable(node);
      if (bad) return { message: `${label}: a text value ${bad}` };
      continue;
    }
    if (place === "schema" && typeof node !== "boolean" && (node === null || typeof node !== "object" || Array.isArray(node))) {
      return { message: `${label}: ${at || "the top"} must be a schema (a JSON object), not ${JSON.stringify(node)?.slice(0, 40)}.` };
    }
    if ((place === "map" && !isPlainObject(node)) || (place === "list" && !Array.isArray(node))) {
      return { message: `${label}: ${at} must be ${place === "map" ? "an object of schemas" : "a list of schemas"}.` };
    }
    if (node === null || typeof node !== "object") continue;
    if (depth > I.schemaDepth) return { message: `${label} nests objects and lists more than ${I.schemaDepth} deep; simplify it or move shared parts into $defs.` };
    if (place === "schema") {
      const problem = keywordProblem(node as Record<string, unknown>);
      if (problem) return { message: `${label}: at ${at || "the top"}, ${problem}.` };
    }
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const bad = Array.isArray(node) ? null : unstorable(key);
      if (bad) return { message: `${label}: a property name ${bad}` };
      const childPlace: Place =
        place === "map" || place === "list" ? "schema" : place === "data" ? "data" : ONE.has(key) ? (key === "items" && Array.isArray(child) ? "list" : "schema") : MAP.has(key) ? "map" : LIST.has(key) ? "list" : "data";
      stack.push({ node: child, depth: depth + 1, place: childPlace, at: `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` });
    }
  }
  return null;
}

const isPlainObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A schema field's value as sent: JSON text (a form) or a JSON value (the API); empty text and
 * null mean "none". Returns the object, null, or a problem naming `label`, line and column.
 */
export function readSchemaValue(raw: unknown, label: string): { value: JsonObject | null } | Problem {
  if (raw === undefined || raw === null) return { value: null };
  let value: unknown = raw;
  if (typeof raw === "string") {
    if (raw.length > I.schemaChars) return { message: `${label} must be at most ${formatCount(I.schemaChars)} characters of JSON (this has ${formatCount(raw.length)}).` };
    if (raw.trim() === "") return { value: null };
    const error = locateJsonError(raw);
    if (error) {
      const { line, column } = lineColumn(raw, error.offset);
      return { message: `${label} is not valid JSON: line ${line}, column ${column}: ${error.reason}.` };
    }
    value = JSON.parse(raw);
  } else if (JSON.stringify(raw).length > I.schemaChars) {
    return { message: `${label} must be at most ${formatCount(I.schemaChars)} characters of JSON.` };
  }
  if (value === null) return { value: null };
  if (typeof value !== "object" || Array.isArray(value)) return { message: `${label} must be a JSON Schema: a JSON object such as {"type": "object", "properties": {…}}.` };
  const problem = schemaProblem(value, label);
  if (problem) return problem;
  return { value: value as JsonObject };
}

/** A schema field: JSON text or a JSON value, read and checked under its own label; undefined when not sent. */
const schemaField = (label: string) =>
  labelled(
    z.unknown().transform((raw, ctx): JsonObject | null | undefined => {
      if (raw === undefined) return undefined;
      const read = readSchemaValue(raw, label);
      if ("message" in read) {
        ctx.addIssue({ code: "custom", message: read.message, params: LABELLED });
        return z.NEVER;
      }
      return read.value;
    }),
    label,
  ).optional();

const fields = {
  kind: labelled(z.enum(INTERFACE_KINDS, { message: `must be one of ${INTERFACE_KINDS.join(", ")}` }), L.kind),
  name: text(L.name, { max: I.name, min: 1, trim: true, singleLine: true }),
  // Empty for an operation named by its path alone (a queue topic, a TCP port).
  method: labelled(
    text(L.method, { max: I.method, trim: true, singleLine: true })
      .transform((m) => m.toUpperCase())
      .refine((m) => m === "" || (INTERFACE_METHODS as readonly string[]).includes(m), { message: `${L.method} must be one of ${INTERFACE_METHODS.join(", ")}, or empty.`, params: LABELLED }),
    L.method,
  ),
  path: text(L.path, { max: I.path, trim: true, singleLine: true }),
  summary: text(L.summary, { max: I.summary, trim: true }),
};

type ReadInterface = { kind?: (typeof INTERFACE_KINDS)[number]; method?: string; requestSchema?: JsonObject | null; responseSchema?: JsonObject | null; dataSchema?: JsonObject | null };

/**
 * The schemas to store: a data schema's one schema may come as `dataSchema` (the form's field) or
 * `requestSchema`, and it has no method and no response schema. Leaves out a schema not sent.
 */
function withSchemas(data: ReadInterface, ctx: z.RefinementCtx, kind: (typeof INTERFACE_KINDS)[number] | undefined) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message, params: LABELLED });
  if (data.dataSchema !== undefined) {
    if (kind === "operation") issue("dataSchema", `${L.dataSchema} is for a data schema (${L.kind} schema); an operation has a ${L.requestSchema} and a ${L.responseSchema}.`);
    else if (data.requestSchema !== undefined) issue("dataSchema", `Send the ${L.dataSchema} once, as dataSchema or as requestSchema.`);
  }
  if (kind === "schema") {
    if (data.responseSchema) issue("responseSchema", `A data schema has one schema, the ${L.dataSchema}; leave ${L.responseSchema} empty.`);
    if (data.method) issue("method", `A data schema is not an endpoint; leave ${L.method} empty.`);
  }
  const out: { requestSchema?: JsonObject | null; responseSchema?: JsonObject | null } = {};
  const request = data.dataSchema !== undefined ? data.dataSchema : data.requestSchema;
  if (request !== undefined) out.requestSchema = request;
  if (data.responseSchema !== undefined) out.responseSchema = data.responseSchema;
  return out;
}

export const interfaceSchema = z
  .object({
    kind: fields.kind.default("operation"),
    name: fields.name,
    method: fields.method.default(""),
    path: fields.path.default(""),
    summary: fields.summary.default(""),
    requestSchema: schemaField(L.requestSchema),
    responseSchema: schemaField(L.responseSchema),
    dataSchema: schemaField(L.dataSchema),
  })
  .transform((data, ctx) => {
    const schemas = withSchemas(data, ctx, data.kind);
    const { dataSchema: _d, ...rest } = data;
    return { ...rest, requestSchema: schemas.requestSchema ?? null, responseSchema: schemas.responseSchema ?? null };
  });
export type InterfaceInput = z.input<typeof interfaceSchema>;

/** PATCH: a field left out keeps its value; the version read is required (409 when stale). */
export const updateInterfaceSchema = z
  .object({
    kind: fields.kind.optional(),
    name: fields.name.optional(),
    method: fields.method.optional(),
    path: fields.path.optional(),
    summary: fields.summary.optional(),
    requestSchema: schemaField(L.requestSchema),
    responseSchema: schemaField(L.responseSchema),
    dataSchema: schemaField(L.dataSchema),
    version: labelled(z.coerce.number().int().min(1), L.version),
  })
  .transform((data, ctx) => {
    const { requestSchema: _r, responseSchema: _s, dataSchema: _d, ...rest } = data;
    return { ...rest, ...withSchemas(data, ctx, data.kind) };
  });
export type UpdateInterfaceInput = z.input<typeof updateInterfaceSchema>;

export const dependencySchema = z.object({
  // The other service, by name.
  to: labelled(text(D.to, { max: 63, min: 1, trim: true, singleLine: true }).transform((v) => v.toLowerCase()), D.to),
  kind: labelled(z.enum(DEPENDENCY_KINDS, { message: `must be one of ${DEPENDENCY_KINDS.join(", ")}` }), D.kind).default("calls"),
  description: text(D.description, { max: LIMITS.dependency.description, trim: true }).default(""),
});
export type DependencyInput = z.input<typeof dependencySchema>;

/** An interface or dependency id in a path or form. */
export const interfaceIdSchema = idSchema("Interface");
