// Stored schemas are self-contained, acyclic JSON: a schema that uses a named component schema
// carries a copy of it (and of everything it uses in turn) in its own `$defs`, and refers to it as
// `#/$defs/<name>`. A recursive schema (kserve's tensor_data is an array of tensor_data) stays
// recursive by reference, so nothing is unrolled, nothing hangs and nothing grows. The closure is
// walked iteratively, each named schema copied once, within LIMITS.openapi (defs, schemaChars).
// Pure.
import { LIMITS, formatCount } from "@/lib/validation/limits";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The mark a reference to a named schema carries while the parser resolves every other `$ref`
 * (request bodies, responses, path items, parameters): `{ "$ref": "#/components/schemas/Pet" }`
 * becomes `{ [NAMED]: "Pet" }`, which the parser leaves alone, and which becomes `#/$defs/Pet` here.
 */
export const NAMED = "x-legible-named-schema";

export class SchemaTooLarge extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A reference (a mark or a JSON Schema `$ref` into `$defs`/`definitions`): the name it uses, or null. */
function namedIn(value: Record<string, unknown>, defsKeys: readonly string[]): string | null {
  if (typeof value[NAMED] === "string") return value[NAMED];
  if (typeof value.$ref !== "string") return null;
  for (const key of defsKeys) {
    const prefix = `#/${key}/`;
    if (value.$ref.startsWith(prefix)) return decodeName(value.$ref.slice(prefix.length));
  }
  return null;
}

function decodeName(token: string): string {
  let name = token;
  try {
    name = decodeURIComponent(token);
  } catch {
    // kept as written
  }
  return name.replace(/~1/g, "/").replace(/~0/g, "~");
}

const encodeName = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

export type Closure = {
  /** Named schemas by name (the document's components/schemas, or a JSON Schema's $defs). */
  named: Record<string, unknown>;
  /** Where `$ref`s to named schemas point in the source (["$defs", "definitions"] for a JSON Schema). */
  defsKeys?: readonly string[];
  /** How many values one stored schema may hold (a bound on the walk; marked objects shared by the parser count again). */
  maxValues?: number;
};

/**
 * `schema` as a self-contained JSON value: named schemas it uses (transitively) copied into its
 * `$defs`. When the schema is only a reference to a named schema that does not use itself, that
 * schema is the result (so a response `$ref: Pet` stores Pet's own object). Throws SchemaTooLarge.
 */
export function selfContained(schema: unknown, closure: Closure): JsonObject | null {
  if (!isObject(schema)) return null;
  const defsKeys = closure.defsKeys ?? [];
  const maxValues = closure.maxValues ?? 200_000;
  let values = 0;
  const wanted: string[] = [];
  const queued = new Set<string>();

  /** A deep copy, references to named schemas rewritten and queued; iterative. */
  const copy = (source: unknown): Json => {
    const rootBox: { v: Json } = { v: null };
    const stack: { from: unknown; put: (v: Json) => void }[] = [{ from: source, put: (v) => (rootBox.v = v) }];
    while (stack.length) {
      const { from, put } = stack.pop()!;
      if (++values > maxValues) throw new SchemaTooLarge(`holds more than ${formatCount(maxValues)} values`);
      if (from === null || typeof from === "string" || typeof from === "boolean") put(from);
      else if (typeof from === "number") put(Number.isFinite(from) ? from : null);
      else if (Array.isArray(from)) {
        const out: Json[] = new Array(from.length).fill(null);
        put(out);
        from.forEach((item, i) => stack.push({ from: item, put: (v) => (out[i] = v) }));
      } else if (isObject(from)) {
        const out: JsonObject = {};
        put(out);
        const name = namedIn(from, defsKeys);
        if (name !== null) {
          out.$ref = `#/$defs/${encodeName(name)}`;
          if (!queued.has(name)) {
            queued.add(name);
            wanted.push(name);
            if (wanted.length > (LIMITS.openapi.defs as number)) throw new SchemaTooLarge(`uses more than ${formatCount(LIMITS.openapi.defs)} named schemas`);
          }
        }
        for (const [key, value] of Object.entries(from)) {
          if (key === NAMED || (name !== null && key === "$ref")) continue;
          if (defsKeys.includes(key) && from === schema) continue; // the document's own $defs: rebuilt below
          out[key] = null; // keeps the file's key order
          stack.push({ from: value, put: (v) => (out[key] = v) });
        }
      } else put(null); // undefined, functions: not JSON
    }
    return rootBox.v;
  };

  const root = copy(schema);
  const defs: Record<string, Json> = {};
  for (let i = 0; i < wanted.length; i++) {
    const name = wanted[i];
    const target = Object.hasOwn(closure.named, name) ? closure.named[name] : undefined;
    // A reference to a name the document lacks was refused by the validator; keep the copy sound anyway.
    defs[name] = target === undefined ? {} : copy(target);
  }
  if (!isObject(root)) return null;
  const rootName = namedIn(isObject(schema) ? schema : {}, defsKeys);
  // Only a reference, to a schema that does not use itself: store that schema itself.
  if (rootName !== null && Object.keys(root).length === 1 && !usesName(defs, rootName, defs[rootName])) {
    const own = defs[rootName];
    if (isObject(own) && !("$defs" in own)) {
      delete defs[rootName];
      return withDefs(own as JsonObject, defs);
    }
  }
  return withDefs(root as JsonObject, defs);
}

function withDefs(root: JsonObject, defs: Record<string, Json>): JsonObject {
  if (Object.keys(defs).length === 0) return root;
  return { ...root, $defs: defs };
}

/** Whether `start` (a copied schema) reaches `#/$defs/<name>` through the copied defs. */
function usesName(defs: Record<string, Json>, name: string, start: Json | undefined): boolean {
  const target = `#/$defs/${encodeName(name)}`;
  const seen = new Set<string>();
  const stack: Json[] = start === undefined ? [] : [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/$defs/")) {
      if (node.$ref === target) return true;
      const other = decodeName(node.$ref.slice("#/$defs/".length));
      if (!seen.has(other) && defs[other] !== undefined) {
        seen.add(other);
        stack.push(defs[other]);
      }
    }
    for (const value of Object.values(node)) stack.push(value);
  }
  return false;
}

/** A copy with every object's keys sorted: equal schemas compare equal whatever order a database returns keys in. */
export function sortedKeys(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return typeof value === "number" && !Number.isFinite(value) ? null : (value as Json);
  const rootBox: { v: Json } = { v: null };
  const stack: { from: unknown; put: (v: Json) => void }[] = [{ from: value, put: (v) => (rootBox.v = v) }];
  while (stack.length) {
    const { from, put } = stack.pop()!;
    if (from === null || from === undefined || typeof from !== "object") {
      put(from === undefined ? null : (from as Json));
      continue;
    }
    if (Array.isArray(from)) {
      const out: Json[] = new Array(from.length).fill(null);
      put(out);
      from.forEach((item, i) => stack.push({ from: item, put: (v) => (out[i] = v) }));
      continue;
    }
    const out: JsonObject = {};
    put(out);
    for (const key of Object.keys(from).sort()) {
      out[key] = null;
      stack.push({ from: (from as Record<string, unknown>)[key], put: (v) => (out[key] = v) });
    }
  }
  return rootBox.v;
}
