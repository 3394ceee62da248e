// A JSON Schema as the rows of a field table, the way an API reference reads: each property with
// its type, whether it is required, its description and allowed values; nested objects, array
// items and `$ref`s into `$defs`/`definitions` as children the page can expand. A `$ref` keeps
// its definition's name ("Room"); a definition already open on the way down is shown by name and
// not opened again (recursive schemas, as imported OpenAPI keeps them, end there). Pure and
// bounded: at most MAX_ROWS rows and MAX_DEPTH levels, whatever the schema.

export const MAX_ROWS = 1_000;
export const MAX_DEPTH = 16;

export type FieldRow = {
  /** The property name; "[item]" for an array's items, "[key]" for a map's values. */
  name: string;
  /** "string", "integer (int64)", "array of Room", "string | null", "map of number", "Room". */
  type: string;
  required: boolean;
  description: string;
  /** Allowed values, as JSON text ("\"m\"", "3"); `const` is one allowed value. */
  enumValues: string[];
  /** Other constraints in words: "min 1", "max length 200", "pattern ^[a-z]+$", "default \"m\"". */
  constraints: string[];
  /** The definition a `$ref` named, when there was one. */
  ref?: string;
  /** Nested fields (an object, an array of objects, a definition): expandable. */
  children: FieldRow[];
  /** The definition is already open above this row: shown by name, not expanded again. */
  recursive?: boolean;
};

export type FieldTable = {
  /** What the schema is at the top: "object", "array of Room", "string"… */
  type: string;
  description: string;
  /** The definition the whole schema is (a `$ref` at the top, or its `title`). */
  title?: string;
  rows: FieldRow[];
  /** Rows left out past MAX_ROWS or MAX_DEPTH: the raw JSON Schema has them. */
  truncated: boolean;
};

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The definitions a `$ref` can point into, by its JSON pointer ("#/$defs/Room" → Room). */
function resolve(root: Schema, ref: string): { name: string; schema: Schema | null } {
  const match = /^#\/(\$defs|definitions|components\/schemas)\/(.+)$/.exec(ref);
  if (!match) return { name: ref, schema: null };
  const name = match[2].replace(/~1/g, "/").replace(/~0/g, "~");
  const container = match[1] === "components/schemas" ? (isObject(root.components) ? root.components.schemas : undefined) : root[match[1]];
  const schema = isObject(container) && isObject(container[name]) ? container[name] : null;
  return { name, schema };
}

type Ctx = { root: Schema; budget: number; truncated: boolean };

/** allOf parts merged into one object schema (properties and required joined), else the schema. */
function merged(ctx: Ctx, schema: Schema, open: ReadonlySet<string>): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const properties: Schema = { ...(isObject(schema.properties) ? schema.properties : {}) };
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : []);
  let description = str(schema.description);
  let type = schema.type;
  for (const part of schema.allOf) {
    if (!isObject(part)) continue;
    const ref = typeof part.$ref === "string" ? part.$ref : undefined;
    if (ref && open.has(ref)) continue;
    const target = ref ? (resolve(ctx.root, ref).schema ?? {}) : part;
    const inner = merged(ctx, target, ref ? new Set([...open, ref]) : open);
    if (isObject(inner.properties)) Object.assign(properties, inner.properties);
    if (Array.isArray(inner.required)) for (const r of inner.required) if (typeof r === "string") required.add(r);
    description ||= str(inner.description);
    type ??= inner.type;
  }
  return { ...schema, allOf: undefined, type: type ?? "object", properties, required: [...required], description };
}

/** The variants of anyOf/oneOf, with a "null" variant noted apart (an optional value). */
function variants(schema: Schema): { options: Schema[]; nullable: boolean } | null {
  const list = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (!list) return null;
  const options = list.filter(isObject);
  const nullable = options.some((o) => o.type === "null");
  return { options: options.filter((o) => o.type !== "null"), nullable };
}

type Described = { type: string; children: FieldRow[]; ref?: string; recursive?: boolean; schema: Schema };

/** What one schema is, in words, and its nested fields. `open`: the `$ref`s open above it. */
function describe(ctx: Ctx, input: Schema, open: ReadonlySet<string>, depth: number): Described {
  if (depth > MAX_DEPTH * 2) {
    ctx.truncated = true;
    return { type: "…", children: [], schema: input };
  }
  if (typeof input.$ref === "string") {
    const { name, schema } = resolve(ctx.root, input.$ref);
    if (!schema) return { type: name, children: [], ref: name, schema: input };
    if (open.has(input.$ref)) return { type: name, children: [], ref: name, recursive: true, schema };
    const inner = describe(ctx, schema, new Set([...open, input.$ref]), depth + 1);
    return { ...inner, type: isPlainObject(schema) ? name : `${name} (${inner.type})`, ref: name };
  }
  const schema = merged(ctx, input, open);
  const either = variants(schema);
  if (either) {
    const parts = either.options.map((o) => describe(ctx, o, open, depth + 1));
    const type = [...parts.map((p) => p.type), ...(either.nullable ? ["null"] : [])].join(" | ") || "any";
    // One non-null variant: its fields are this field's fields.
    const only = parts.length === 1 ? parts[0] : undefined;
    return { type, children: only?.children ?? [], ref: only?.ref, recursive: only?.recursive, schema: only?.schema ?? schema };
  }
  const types = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === "string") : typeof schema.type === "string" ? [schema.type] : [];
  const main = types.find((t) => t !== "null") ?? (isObject(schema.properties) ? "object" : isObject(schema.items) ? "array" : undefined);
  const nullable = types.includes("null") && main !== undefined;
  const suffix = nullable ? " | null" : "";
  if (main === "array") {
    const items = isObject(schema.items) ? describe(ctx, schema.items, open, depth + 1) : null;
    return { type: `array of ${items ? items.type : "any"}${suffix}`, children: items?.children ?? [], ref: items?.ref, recursive: items?.recursive, schema };
  }
  if (main === "object" || (main === undefined && isObject(schema.additionalProperties))) {
    const children = rows(ctx, schema, open, depth + 1);
    if (children.length === 0 && isObject(schema.additionalProperties)) {
      const values = describe(ctx, schema.additionalProperties, open, depth + 1);
      return { type: `map of ${values.type}${suffix}`, children: values.children, ref: values.ref, recursive: values.recursive, schema };
    }
    return { type: `object${suffix}`, children, schema };
  }
  const format = str(schema.format);
  const base = main ?? (schema.const !== undefined ? typeof schema.const : Array.isArray(schema.enum) ? "enum" : "any");
  return { type: `${base}${format ? ` (${format})` : ""}${suffix}`, children: [], schema };
}

const isPlainObject = (schema: Schema) => isObject(schema.properties) || schema.type === "object";

function constraints(schema: Schema): string[] {
  const out: string[] = [];
  const add = (key: string, words: string) => {
    const v = schema[key];
    if (typeof v === "number" || typeof v === "boolean") out.push(`${words} ${v}`);
    else if (typeof v === "string" && v) out.push(`${words} ${v}`);
  };
  add("minimum", "min");
  add("maximum", "max");
  add("exclusiveMinimum", "more than");
  add("exclusiveMaximum", "less than");
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minItems", "min items");
  add("maxItems", "max items");
  add("pattern", "pattern");
  if (schema.uniqueItems === true) out.push("unique items");
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.deprecated === true) out.push("deprecated");
  if (schema.readOnly === true) out.push("read-only");
  if (schema.writeOnly === true) out.push("write-only");
  return out;
}

function row(ctx: Ctx, name: string, schema: Schema, required: boolean, open: ReadonlySet<string>, depth: number): FieldRow | null {
  if (ctx.budget <= 0) {
    ctx.truncated = true;
    return null;
  }
  ctx.budget--;
  const d = depth > MAX_DEPTH ? { type: "…", children: [], schema } : describe(ctx, schema, open, depth);
  if (depth > MAX_DEPTH) ctx.truncated = true;
  // The field's own words first, else its definition's.
  const description = str(schema.description) || str(d.schema.description);
  const allowed = Array.isArray(schema.enum) ? schema.enum : Array.isArray(d.schema.enum) ? d.schema.enum : d.schema.const !== undefined ? [d.schema.const] : schema.const !== undefined ? [schema.const] : [];
  return {
    name,
    type: d.type,
    required,
    description,
    enumValues: allowed.map((v) => JSON.stringify(v)),
    constraints: [...new Set([...constraints(d.schema), ...constraints(schema)])],
    ...(d.ref ? { ref: d.ref } : {}),
    children: d.children,
    ...(d.recursive ? { recursive: true } : {}),
  };
}

/** The rows of an object schema's properties, required ones first in their declared order. */
function rows(ctx: Ctx, schema: Schema, open: ReadonlySet<string>, depth: number): FieldRow[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const names = Object.keys(properties);
  const ordered = [...names.filter((n) => required.has(n)), ...names.filter((n) => !required.has(n))];
  const out: FieldRow[] = [];
  for (const name of ordered) {
    const value = properties[name];
    const r = row(ctx, name, isObject(value) ? value : {}, required.has(name), open, depth);
    if (r) out.push(r);
  }
  return out;
}

/** The field table of a JSON Schema (an operation's request or response, or a data schema). */
export function fieldTable(schema: unknown): FieldTable {
  const root = isObject(schema) ? schema : {};
  const ctx: Ctx = { root, budget: MAX_ROWS, truncated: false };
  const top = describe(ctx, root, new Set(), 0);
  return {
    type: top.type,
    description: str(root.description) || str(top.schema.description),
    ...(top.ref || str(root.title) ? { title: top.ref ?? str(root.title) } : {}),
    rows: top.children,
    truncated: ctx.truncated,
  };
}

/** How many rows a table has, nested ones included (for "12 fields"). */
export function countFields(rows: readonly FieldRow[]): number {
  let n = 0;
  const stack = [...rows];
  while (stack.length > 0) {
    const r = stack.pop()!;
    n++;
    stack.push(...r.children);
  }
  return n;
}
