// The validator's first complaint, as one sentence with the place in the user's file. The parser
// (@readme/openapi-parser) reports schema errors with a code frame of the document printed as
// JSON with two-space indentation ("> 10 |   "responsesx": 1,"); the line it points at is mapped
// back to a path in the document, and readYaml's positionOf turns that into the file's line and
// column. A missing `$ref` target is reported with the `$ref` itself. Pure.
import type { Path } from "@/lib/import/openapi-refs";

export type ValidatorProblem = { detail: string; path?: Path; ref?: string };

/** `message` as the detail of an ImportFileError, and where it is. `validated` is the object the validator walked. */
export function validatorProblem(message: string, validated: unknown): ValidatorProblem {
  const missing = /^Missing \$ref pointer "([^"]*)"/.exec(message);
  if (missing) return { detail: `$ref "${missing[1]}" points to nothing in this file.`, ref: missing[1] };
  const lines = message.split("\n");
  const headline = lines[0].replace(/^[A-Z][A-Z ]+[A-Z] (?=[a-z])/, "").trim();
  const pointer = lines.find((line) => /^>\s*\d+ \|/.test(line));
  const caret = lines.find((line) => /^\s+\|\s*\^+/.test(line));
  const explanation = caret?.replace(/^\s+\|\s*\^+\s*/, "").trim();
  const detail = sentence(explanation && !explanation.includes(headline) ? `${explanation.replace(/!$/, "")} (${headline})` : (explanation ?? headline) || "the document is not valid OpenAPI");
  if (!pointer) return { detail };
  const line = Number(/^>\s*(\d+)/.exec(pointer)![1]);
  const path = pathAtLine(validated, line);
  if (!path || !path.length) return { detail, path };
  // "… › responsesx: responsesx is not expected here": the key once.
  const shownPath = detail.startsWith(`${String(path[path.length - 1])} `) ? path.slice(0, -1) : path;
  return { detail: shownPath.length ? `${pathText(shownPath)}: ${detail}` : detail, path };
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

const pathText = (path: Path) => path.map(String).join(" › ");

type Frame = { entries: [string | number, unknown][]; i: number; path: Path };

const entriesOf = (value: unknown): [string | number, unknown][] | null => {
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) return value.length ? value.map((v, i) => [i, v]) : null;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
  return entries.length ? entries : null;
};

/**
 * The path of the value whose line `target` (1-based) is in JSON.stringify(value, null, 2): each
 * key or array item starts a line, and a non-empty container ends with one. Iterative.
 */
export function pathAtLine(value: unknown, target: number): Path | undefined {
  if (target === 1) return [];
  let line = 1;
  const stack: Frame[] = [];
  const root = entriesOf(value);
  if (root) stack.push({ entries: root, i: 0, path: [] });
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i < top.entries.length) {
      const [key, child] = top.entries[top.i++];
      const path = [...top.path, key];
      if (++line === target) return path;
      const children = entriesOf(child);
      if (children) stack.push({ entries: children, i: 0, path });
      continue;
    }
    stack.pop();
    if (++line === target) return top.path;
  }
  return undefined;
}
