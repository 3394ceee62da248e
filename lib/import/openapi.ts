// A service's interfaces, read from an OpenAPI 3.0 or 3.1 document (JSON or YAML) or from a plain
// JSON Schema (as Pydantic's model_json_schema() writes it). The file is read by readYaml (size,
// nesting and alias limits, duplicate keys), its `$ref`s checked (lib/import/openapi-refs.ts: only
// references within the file, no reference-only loops, a bounded expansion), then validated by the
// maintained parser @readme/openapi-parser with every external resolver off, which also resolves
// the `$ref`s of request bodies, responses, path items and parameters. Each operation becomes an
// interface; its request and response schemas are stored self-contained (openapi-schemas.ts).
// Errors are ImportFileErrors with line and column where the file has them.
import { dereference, validate, type ParserOptions } from "@readme/openapi-parser";
import { ImportFileError, readYaml, type YamlFile } from "@/lib/import/yaml";
import { NAMED, SchemaTooLarge, selfContained, type JsonObject } from "@/lib/import/openapi-schemas";
import { expandedSize, expansionRefusal, findRefs, lookup, pointerTokens, refProblem, type Path } from "@/lib/import/openapi-refs";
import { validatorProblem } from "@/lib/import/openapi-errors";
import { firstSpecProblem } from "@/lib/import/openapi-first-error";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { interfaceSchema } from "@/lib/validation/service-interface";

export type ImportedInterface = {
  name: string;
  kind: "operation" | "schema";
  method: string;
  path: string;
  summary: string;
  requestSchema: JsonObject | null;
  responseSchema: JsonObject | null;
};

export type ImportedDocument = { format: "OpenAPI 3.0" | "OpenAPI 3.1" | "JSON Schema"; title: string; interfaces: ImportedInterface[] };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const OA = LIMITS.openapi;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The parser never reads a file or fetches a URL: external references are off (and refused before, by refProblem). */
const PARSER_OPTIONS: ParserOptions = { resolve: { external: false, file: false }, dereference: { circular: "ignore" }, timeoutMs: 5_000 };

/** Keywords a JSON Schema document may have at its top level (2020-12, draft-07, and Pydantic's output). */
const JSON_SCHEMA_KEYS = new Set([
  "$schema", "$id", "$defs", "definitions", "$ref", "$comment", "$anchor", "$dynamicAnchor", "$vocabulary", "title", "description", "type", "properties",
  "required", "additionalProperties", "patternProperties", "propertyNames", "items", "prefixItems", "enum", "const", "default", "examples", "allOf", "anyOf",
  "oneOf", "not", "if", "then", "else", "discriminator", "format", "minProperties", "maxProperties", "unevaluatedProperties", "dependentRequired",
  "dependentSchemas", "readOnly", "writeOnly", "deprecated", "nullable", "minItems", "maxItems", "uniqueItems", "contains", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
]);

/** Reads one file into interfaces, or throws an ImportFileError naming what is wrong (and where). */
export async function readInterfaces(text: string, options: { filename: string }): Promise<ImportedDocument> {
  const { filename } = options;
  const file = readYaml(text, { filename });
  const fail = (detail: string, path?: Path): never => {
    throw new ImportFileError(detail, filename, path ? nearestPosition(file, path) : undefined);
  };
  const doc = file.value;
  if (!isObject(doc)) return fail("the file is not an OpenAPI document or a JSON Schema: its top level must be a map of keys (openapi, info, paths, … or title, type, properties, …).");
  if ("swagger" in doc) return fail("Swagger 2.0 is not supported; convert to OpenAPI 3 (for example with swagger2openapi, or the converter at editor.swagger.io) and import that.", ["swagger"]);
  if ("openapi" in doc) {
    const version = typeof doc.openapi === "string" ? doc.openapi : String(doc.openapi);
    if (!/^3\.[01]\.\d+$/.test(version)) return fail(`openapi is "${version}"; OpenAPI 3.0.x and 3.1.x can be imported.`, ["openapi"]);
    checkRefs(doc, fail);
    // Every $ref must name a value the file has, by its own keys: the parser would follow
    // "#/constructor/prototype" or "#/__proto__" into Object.prototype.
    const missing = findRefs(doc).find((r) => lookup(doc, r.ref) === undefined);
    if (missing) fail(`$ref "${missing.ref.length > 120 ? `${missing.ref.slice(0, 117)}…` : missing.ref}" points to nothing in this file.`, missing.path());
    return readOpenApi(doc, version.startsWith("3.0") ? "OpenAPI 3.0" : "OpenAPI 3.1", fail);
  }
  const unknown = Object.keys(doc).filter((key) => !JSON_SCHEMA_KEYS.has(key) && !key.startsWith("x-"));
  const looksLikeSchema = ["$schema", "type", "properties", "$defs", "definitions", "$ref", "allOf", "anyOf", "oneOf"].some((key) => key in doc);
  if (!looksLikeSchema || unknown.length) {
    const what = unknown.length ? `it has ${unknown.length === 1 ? "the key" : "keys"} ${unknown.slice(0, 5).join(", ")}, which neither has at its top level` : "it has neither openapi nor type, properties or $defs at its top level";
    return fail(`the file is not an OpenAPI document (no openapi key) nor a JSON Schema: ${what}.`, unknown.length ? [unknown[0]] : undefined);
  }
  checkRefs(doc, fail);
  return readJsonSchema(doc, filename, fail);
}

function checkRefs(doc: Record<string, unknown>, fail: (detail: string, path?: Path) => never) {
  const problem = refProblem(doc);
  if (problem) fail(problem.detail, problem.path);
  if (expandedSize(doc) === Infinity) fail(expansionRefusal());
}

async function readOpenApi(doc: Record<string, unknown>, format: "OpenAPI 3.0" | "OpenAPI 3.1", fail: (detail: string, path?: Path) => never): Promise<ImportedDocument> {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const operationCount = Object.values(paths).reduce<number>((n, item) => n + (isObject(item) ? METHODS.filter((m) => m in item).length : 0), 0);
  if (operationCount > OA.operations) fail(`the file has ${formatCount(operationCount)} operations; at most ${formatCount(OA.operations)} can be imported at once. Split it by tag or path.`, ["paths"]);

  // The first error against the specification's schema, in linear time (the parser's validate()
  // collects every error and formats each one against the whole document: super-linear).
  const specProblem = firstSpecProblem(doc, format === "OpenAPI 3.0" ? "3.0" : "3.1");
  if (specProblem) return fail(specProblem.detail, specProblem.path);

  let result;
  // The parser resolves $refs in the object it is given; the copy is what it walked, for the error's place.
  const validated = structuredClone(doc);
  try {
    result = await validate(validated as never, PARSER_OPTIONS);
  } catch (error) {
    return fail(`the document could not be checked (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`);
  }
  if (!result.valid) {
    const problem = validatorProblem(result.errors[0]?.message ?? "", validated);
    return fail(problem.detail, problem.path ?? refPathFor(doc, problem.ref));
  }

  // Named schemas become marks the parser leaves alone; it resolves every other $ref.
  const marked = markNamedSchemas(structuredClone(doc));
  let resolved: Record<string, unknown>;
  try {
    resolved = (await dereference(marked as never, PARSER_OPTIONS)) as unknown as Record<string, unknown>;
  } catch (error) {
    return fail(`the document's $refs could not be resolved (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`);
  }
  const components = isObject(resolved.components) && isObject(resolved.components.schemas) ? resolved.components.schemas : {};
  const store = schemaStore(components, [], fail);
  const interfaces: ImportedInterface[] = [];
  const names = new Map<string, Path>();
  const resolvedPaths = isObject(resolved.paths) ? resolved.paths : {};
  for (const [route, item] of Object.entries(resolvedPaths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at: Path = ["paths", route, method];
      // Path items reached through $refs count too.
      if (interfaces.length >= OA.operations) fail(`the file has more than ${formatCount(OA.operations)} operations; at most ${formatCount(OA.operations)} can be imported at once. Split it by tag or path.`, ["paths"]);
      const operationId = typeof operation.operationId === "string" ? operation.operationId.trim() : "";
      const name = operationId || `${method.toUpperCase()} ${route}`;
      if (name.length > OA.name) fail(`the operation's name (operationId) is ${formatCount(name.length)} characters; at most ${formatCount(OA.name)}.`, [...at, "operationId"]);
      if (route.length > OA.path) fail(`the path is ${formatCount(route.length)} characters; at most ${formatCount(OA.path)}.`, ["paths", route]);
      const summary = (typeof operation.summary === "string" ? operation.summary : "").trim();
      if (summary.length > OA.summary) fail(`the summary is ${formatCount(summary.length)} characters; at most ${formatCount(OA.summary)}.`, [...at, "summary"]);
      checkFields({ name, kind: "operation", method: method.toUpperCase(), path: route, summary }, `the operation ${shown(`${method.toUpperCase()} ${route}`)}`, {
        name: operationId ? [...at, "operationId"] : ["paths", route],
        method: at,
        path: ["paths", route],
        summary: [...at, "summary"],
      }, fail);
      const earlier = names.get(name);
      if (earlier) fail(`two operations are named ${name} (the other is ${earlier.slice(1).join(" ").toUpperCase()}); each interface of a service needs its own name.`, at);
      names.set(name, at);
      interfaces.push({
        name,
        kind: "operation",
        method: method.toUpperCase(),
        path: route,
        summary,
        requestSchema: store(requestSchemaOf(operation), [...at, "requestBody"], name),
        responseSchema: store(responseSchemaOf(operation), [...at, "responses"], name),
      });
    }
  }
  const info = isObject(doc.info) ? doc.info : {};
  return { format, title: typeof info.title === "string" ? info.title : "", interfaces };
}

function readJsonSchema(doc: Record<string, unknown>, filename: string, fail: (detail: string, path?: Path) => never): ImportedDocument {
  for (const r of findRefs(doc)) {
    const tokens = pointerTokens(r.ref);
    if (tokens && tokens.length !== 0 && !(tokens.length === 2 && (tokens[0] === "$defs" || tokens[0] === "definitions"))) {
      fail(`$ref "${r.ref}" points inside another schema; a JSON Schema's $refs must name one of its $defs (#/$defs/<name>).`, r.path());
    }
    if (tokens && tokens.length === 2 && !(isObject(doc[tokens[0]]) && Object.hasOwn(doc[tokens[0]] as object, tokens[1]))) {
      fail(`$ref "${r.ref}" names no schema in this file's ${tokens[0]}.`, r.path());
    }
    if (tokens && tokens.length === 0) fail(`$ref "#" refers to the whole document; put the recursive schema in $defs and refer to it as #/$defs/<name>.`, r.path());
  }
  const named = { ...(isObject(doc.definitions) ? doc.definitions : {}), ...(isObject(doc.$defs) ? doc.$defs : {}) };
  const store = schemaStore(named, ["$defs", "definitions"], fail);
  const target = typeof doc.$ref === "string" ? named[String(doc.$ref).split("/").pop() ?? ""] : undefined;
  const titled = typeof doc.title === "string" && doc.title.trim() ? doc.title.trim() : isObject(target) && typeof target.title === "string" ? target.title.trim() : "";
  const name = titled || filename.replace(/\.(ya?ml|json)$/i, "");
  if (name.length > OA.name) fail(`the schema's title is ${formatCount(name.length)} characters; at most ${formatCount(OA.name)}.`, ["title"]);
  const summary = (typeof doc.description === "string" ? doc.description.trim().split("\n")[0] : "").slice(0, OA.summary);
  checkFields({ name, kind: "schema", method: "", path: "", summary }, `the schema ${shown(name)}`, { name: ["title"], summary: ["description"] }, fail);
  const schema = store(doc, [], name);
  return { format: "JSON Schema", title: name, interfaces: [{ name, kind: "schema", method: "", path: "", summary, requestSchema: schema, responseSchema: null }] };
}

/** Control, line-break and text-direction characters written as \u{…}, so a refusal shows what the file has. */
const shown = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}…` : text).replace(/[\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * The interface form's rules (lib/validation/service-interface.ts) for the name, method, path and
 * summary one imported interface would store: the catalog holds nothing the form would refuse.
 */
function checkFields(fields: Pick<ImportedInterface, "name" | "kind" | "method" | "path" | "summary">, what: string, places: Partial<Record<"name" | "method" | "path" | "summary", Path>>, fail: (detail: string, path?: Path) => never) {
  const parsed = interfaceSchema.safeParse(fields);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const field = issue.path[0];
  const at = field === "name" || field === "method" || field === "path" || field === "summary" ? places[field] : undefined;
  fail(`${what}: ${issue.message}`, at ?? places.name);
}

/** Stores one schema self-contained, within the caps, counting every schema one import stores. */
function schemaStore(named: Record<string, unknown>, defsKeys: string[], fail: (detail: string, path?: Path) => never) {
  let total = 0;
  return (schema: unknown, at: Path, name: string): JsonObject | null => {
    let stored: JsonObject | null;
    try {
      stored = selfContained(schema, { named, defsKeys, maxValues: OA.schemaChars });
    } catch (error) {
      if (error instanceof SchemaTooLarge) return fail(`the schema of ${name} ${error.message}; a stored schema may use at most ${formatCount(OA.defs)} named schemas and be ${formatCount(OA.schemaChars)} characters.`, at);
      throw error;
    }
    if (!stored) return null;
    const leftover = findRefs(stored).find((r) => !r.ref.startsWith("#/$defs/"));
    if (leftover) fail(`the schema of ${name} has $ref "${leftover.ref}", which does not name a schema under components/schemas; move the schema it points to there.`, at);
    const chars = JSON.stringify(stored).length;
    if (chars > OA.schemaChars) fail(`the schema of ${name} is ${formatCount(chars)} characters with the schemas it uses; at most ${formatCount(OA.schemaChars)}.`, at);
    total += chars;
    if (total > OA.totalSchemaChars) fail(`the schemas of this file come to more than ${formatCount(OA.totalSchemaChars)} characters with the schemas they use; split the file.`, at);
    return stored;
  };
}

/** Replaces each `{$ref: "#/components/schemas/X"}` by a mark naming X (iteratively, in place). */
function markNamedSchemas<T>(doc: T): T {
  for (const r of findRefs(doc)) {
    const tokens = pointerTokens(r.ref);
    if (tokens && tokens.length === 3 && tokens[0] === "components" && tokens[1] === "schemas") {
      delete r.holder.$ref;
      r.holder[NAMED] = tokens[2];
    }
  }
  return doc;
}

const isJson = (mediaType: string) => {
  const type = mediaType.split(";")[0].trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
};

/** The JSON request body's schema (application/json or +json, else the first media type's). */
function requestSchemaOf(operation: Record<string, unknown>): unknown {
  const body = operation.requestBody;
  if (!isObject(body) || !isObject(body.content)) return null;
  const entries = Object.entries(body.content);
  const chosen = entries.find(([type]) => isJson(type)) ?? entries[0];
  return chosen && isObject(chosen[1]) ? (chosen[1].schema ?? null) : null;
}

/** The schema of the first 2xx response (in status order) that has JSON content with a schema. */
function responseSchemaOf(operation: Record<string, unknown>): unknown {
  if (!isObject(operation.responses)) return null;
  const codes = Object.keys(operation.responses).filter((code) => /^2(\d\d|XX)$/i.test(code)).sort((a, b) => a.toUpperCase().localeCompare(b.toUpperCase()));
  for (const code of codes) {
    const response = operation.responses[code];
    if (!isObject(response) || !isObject(response.content)) continue;
    const json = Object.entries(response.content).find(([type, media]) => isJson(type) && isObject(media) && media.schema !== undefined);
    if (json && isObject(json[1])) return json[1].schema;
  }
  return null;
}

/** The position of `path`, or of its nearest ancestor the file has. */
function nearestPosition(file: YamlFile, path: Path) {
  for (let n = path.length; n >= 0; n--) {
    const position = file.positionOf(path.slice(0, n));
    if (position) return position;
  }
  return undefined;
}

/** Where the first `$ref` with this value is (for a pointer the validator could not follow). */
function refPathFor(doc: unknown, ref: string | undefined): Path | undefined {
  if (!ref) return undefined;
  return findRefs(doc).find((r) => r.ref === ref)?.path();
}
