// How a schema field carries its visible label, and how a failing issue finds it again.
// A field's label is zod metadata ({ label }), set once where the field is made: text(),
// optionalDate() and idSchema() set it themselves, anything else goes through labelled().
// ValidationError.fromZod walks the schema along the issue's path to the field and puts the label
// in front of the short message ("Estimate (days)" + "must be 0 or more"). The labels themselves
// live in lib/validation/labels.ts, which the forms read too.
import { z } from "./zod-browser";

/** The schema, remembered with the label its form shows. Returns a clone, as .meta() does. */
export function labelled<S extends z.ZodType>(schema: S, label: string): S {
  return schema.meta({ label }) as S;
}

/** The label set on this very schema (or the one it was cloned from by .trim(), .refine(), …). */
export function labelOf(schema: z.core.$ZodType): string | undefined {
  const label = z.globalRegistry.get(schema as z.ZodType)?.label;
  return typeof label === "string" ? label : undefined;
}

type Def = {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  options?: z.core.$ZodType[];
  getter?: () => z.core.$ZodType;
};

const def = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** The schema and every schema it wraps without a path segment of its own (optional, default, pipe, …). */
function throughWrappers(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): z.core.$ZodType[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = def(schema);
  const inner = [d.innerType, d.in, d.out, ...(d.type === "union" ? (d.options ?? []) : []), d.type === "lazy" ? d.getter?.() : undefined];
  return [schema, ...inner.flatMap((s) => (s ? throughWrappers(s, seen) : []))];
}

/** The schemas one path segment below `schema`. */
function child(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType[] {
  const d = def(schema);
  if (d.type === "object") return d.shape && typeof segment === "string" && segment in d.shape ? [d.shape[segment]] : [];
  if (d.type === "array" && typeof segment === "number") return d.element ? [d.element] : [];
  if (d.type === "record") return d.valueType ? [d.valueType] : [];
  if (d.type === "tuple" && typeof segment === "number") return d.items?.[segment] ? [d.items[segment]] : [];
  return [];
}

/**
 * The visible label of the field at `path` in `schema`: the label of the deepest labelled schema
 * on the way (an author's name inside Authors is "An author's name"); undefined when none has one.
 */
export function labelAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let nodes = [schema];
  let label: string | undefined;
  for (let depth = 0; nodes.length > 0; depth++) {
    const all = nodes.flatMap((n) => throughWrappers(n));
    const here = all.map(labelOf).find((l) => l !== undefined);
    if (here !== undefined) label = here;
    if (depth === path.length) break;
    nodes = all.flatMap((n) => child(n, path[depth]));
  }
  return label;
}

/** "estimateDays" → "Estimate days": only for a field no schema labelled (a raw ZodError thrown elsewhere). */
export function humanize(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string") as string | undefined;
  if (!last) return "This value";
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const KINDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
};

const count = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : n.toLocaleString("en-US"));

/**
 * zod's own messages ("Invalid input: expected number, received NaN") as the end of a sentence
 * that starts with the field's label. Used by parseInput for issues whose schema gave no message.
 */
export function plainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required.";
      return `must be ${KINDS[issue.expected] ?? `of type ${issue.expected}`}.`;
    case "too_small": {
      const min = count(issue.minimum as number);
      if (issue.origin === "string") return Number(issue.minimum) === 1 ? "is required." : `must be at least ${min} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `must list at least ${min}.`;
      return issue.inclusive === false ? `must be more than ${min}.` : `must be ${min} or more.`;
    }
    case "too_big": {
      const max = count(issue.maximum as number);
      if (issue.origin === "string") return `must be at most ${max} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `can list at most ${max}.`;
      return issue.inclusive === false ? `must be less than ${max}.` : `must be at most ${max}.`;
    }
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}.`;
    case "invalid_format":
      return issue.format === "email" ? "must be an email address." : "is not in the expected format.";
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `has fields this form does not take: ${issue.keys.join(", ")}.`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "is not valid.";
    default:
      return undefined;
  }
}
