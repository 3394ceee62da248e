// A service's interfaces and its dependencies on other services, as the service page's forms and
// the API send them. An interface is an operation (method, path, request and response schemas) or
// a named data schema (kind "schema": one JSON Schema, kept as the request schema). Schemas arrive
// as JSON text pasted into a form, or as JSON values in an API body; either way they are parsed
// here, within a size and nesting cap, and a syntax error is named by line and column.
import { z } from "zod";
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

/**
 * Why a JSON value cannot be kept as a schema (too deep, a string no database stores), or null.
 * Iterative, so a hostile depth cannot overflow the stack.
 */
function schemaProblem(value: unknown, label: string): Problem | null {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node === "string") {
      const bad = unstorable(node);
      if (bad) return { message: `${label}: a text value ${bad}` };
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    if (depth > I.schemaDepth) return { message: `${label} nests objects and lists more than ${I.schemaDepth} deep; simplify it or move shared parts into $defs.` };
    const entries = Array.isArray(node) ? node.map((v) => ["", v] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      const bad = key ? unstorable(key) : null;
      if (bad) return { message: `${label}: a property name ${bad}` };
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

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

const schemaField = (label: string) => labelled(z.unknown(), label).optional();

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

type RawInterface = { kind?: (typeof INTERFACE_KINDS)[number]; method?: string; path?: string; requestSchema?: unknown; responseSchema?: unknown };

/**
 * Reads both schema fields (a data schema's one schema is the request schema, labelled "Data
 * schema") and refuses what a data schema cannot have. Leaves a schema out when it was not sent.
 */
function withSchemas<T extends RawInterface>(data: T, ctx: z.RefinementCtx, kind: (typeof INTERFACE_KINDS)[number] | undefined) {
  const out: { requestSchema?: JsonObject | null; responseSchema?: JsonObject | null } = {};
  const isSchema = kind === "schema";
  for (const key of ["requestSchema", "responseSchema"] as const) {
    if (!(key in data) || data[key] === undefined) continue;
    const label = isSchema && key === "requestSchema" ? L.dataSchema : L[key];
    const read = readSchemaValue(data[key], label);
    if ("message" in read) ctx.addIssue({ code: "custom", path: [key], message: read.message, params: LABELLED });
    else out[key] = read.value;
  }
  if (isSchema) {
    if (out.responseSchema) ctx.addIssue({ code: "custom", path: ["responseSchema"], message: `A data schema has one schema, the ${L.dataSchema}; leave ${L.responseSchema} empty.`, params: LABELLED });
    if (data.method) ctx.addIssue({ code: "custom", path: ["method"], message: `A data schema is not an endpoint; leave ${L.method} empty.`, params: LABELLED });
  }
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
  })
  .transform((data, ctx) => {
    const schemas = withSchemas(data, ctx, data.kind);
    return { ...data, requestSchema: schemas.requestSchema ?? null, responseSchema: schemas.responseSchema ?? null };
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
    version: labelled(z.coerce.number().int().min(1), L.version),
  })
  .transform((data, ctx) => {
    const { requestSchema: _r, responseSchema: _s, ...rest } = data;
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
