// The checks an OpenAPI or JSON Schema document's `$ref`s pass before any parser sees it. Pure and
// iterative (no recursion: a hostile file cannot overflow the stack), each linear in the file.
//   - every `$ref` points into the same file ("#/…"): a file path or a URL is refused, so nothing
//     is ever read from the server's disk or fetched from the network (the parser is also told not
//     to resolve external references; this check is what makes a refusal say so, with the place);
//   - a chain of `$ref`s that only refer to each other (A: {$ref: A}, or A → B → A) is refused:
//     it names no schema at all;
//   - the document with every `$ref` written out stays within LIMITS.openapi.expandedValues: a
//     "reference bomb" (each schema using the next twice, 30 deep) is small as a file but its
//     expansion is 2^30 values, which the validator would walk.
import { LIMITS, formatCount } from "@/lib/validation/limits";

export type Path = (string | number)[];
export type RefProblem = { detail: string; path: Path };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The tokens of an internal JSON pointer ("#/components/schemas/a~1b" → ["components", "schemas", "a/b"]), or null. */
export function pointerTokens(ref: string): string[] | null {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(2));
  } catch {
    return null;
  }
  return decoded.split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value an internal pointer names in `root`, or undefined. Only own keys are followed. */
export function lookup(root: unknown, ref: string): unknown {
  const tokens = pointerTokens(ref);
  if (!tokens) return undefined;
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

type Visit = { value: unknown; key: string | number | null; parent: Visit | null };
const pathOf = (visit: Visit): Path => {
  const path: Path = [];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) path.unshift(v.key);
  return path;
};

/** Every `{$ref: string}` object in the document, with where it is. */
export function findRefs(root: unknown): { ref: string; holder: Record<string, unknown>; path: () => Path }[] {
  const found: { ref: string; holder: Record<string, unknown>; path: () => Path }[] = [];
  const stack: Visit[] = [{ value: root, key: null, parent: null }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (value === null || typeof value !== "object") continue;
    if (isObject(value) && typeof value.$ref === "string") found.push({ ref: value.$ref, holder: value, path: () => [...pathOf(visit), "$ref"] });
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], key: entries[i][0], parent: visit });
  }
  return found;
}

const shown = (ref: string) => (ref.length > 120 ? `${ref.slice(0, 117)}…` : ref);

/** The first `$ref` that does not point into this file, or a chain of `$ref`s with no schema. */
export function refProblem(root: unknown): RefProblem | null {
  const refs = findRefs(root);
  for (const r of refs) {
    if (pointerTokens(r.ref) === null) {
      const kind = /^[a-z][a-z0-9+.-]*:/i.test(r.ref) ? "a URL" : "a file";
      return {
        path: r.path(),
        detail: `$ref "${shown(r.ref)}" points to ${kind} outside this document. Only references within the file (starting with #/) are followed; nothing is read from disk or fetched. Put the schema in this file (under components/schemas) and refer to it as #/components/schemas/<name>.`,
      };
    }
  }
  // Chains of $ref-only objects: follow each until it reaches something that is not a $ref.
  const settled = new Set<unknown>();
  for (const r of refs) {
    const chain: string[] = [];
    const seen = new Set<unknown>([r.holder]);
    let node: unknown = r.holder;
    while (isObject(node) && typeof node.$ref === "string" && !settled.has(node)) {
      chain.push(node.$ref);
      const next = lookup(root, node.$ref);
      if (next === undefined) break; // missing: the validator names it
      if (seen.has(next)) {
        const names = chain.map((ref) => ref.split("/").pop()).join(" → ");
        return { path: r.path(), detail: `$ref "${shown(r.ref)}" only refers to other $refs that come back to it (${names} → ${String(chain[chain.length - 1]).split("/").pop()}), so it names no schema.` };
      }
      seen.add(next);
      node = next;
    }
    for (const n of seen) settled.add(n);
  }
  return null;
}

type Frame = { node: object; children: unknown[]; i: number; total: number };

/**
 * How many values the document would hold with every internal `$ref` written out, or Infinity once
 * past `cap`. A reference back into a schema being counted counts once (recursion is not unrolled).
 */
export function expandedSize(root: unknown, cap: number = LIMITS.openapi.expandedValues): number {
  const memo = new Map<object, number>();
  const active = new Set<object>();
  const stack: Frame[] = [];
  let result = 0;
  const add = (n: number) => {
    if (stack.length) stack[stack.length - 1].total += n;
    else result += n;
  };
  const enter = (value: unknown) => {
    if (value === null || typeof value !== "object") return add(1);
    let node: object = value;
    if (isObject(value) && typeof value.$ref === "string") {
      const target = lookup(root, value.$ref);
      if (target !== null && typeof target === "object") node = target;
    }
    const known = memo.get(node);
    if (known !== undefined) return add(known);
    if (active.has(node)) return add(1);
    active.add(node);
    stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), i: 0, total: 1 });
  };
  enter(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.total > cap) return Infinity;
    if (top.i < top.children.length) {
      enter(top.children[top.i++]);
      continue;
    }
    stack.pop();
    active.delete(top.node);
    memo.set(top.node, top.total);
    add(top.total);
    if (result > cap) return Infinity;
  }
  return result;
}

export const expansionRefusal = () =>
  `with every $ref written out, the document would hold more than ${formatCount(LIMITS.openapi.expandedValues)} values (schemas that use each other many times over, as in a reference bomb). Split the file, or make the schemas refer to fewer others.`;
