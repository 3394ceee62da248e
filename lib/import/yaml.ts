// Reading a YAML or JSON file a user gives us (a compose file, an OpenAPI spec, a map), with the
// limits every import shares: a size cap, a nesting limit and an alias budget, so that no file can
// hold the server for long or exhaust its memory. Errors are ImportFileErrors naming line and
// column. Pure; used by lib/import/compose.ts, openapi.ts and map-code.ts.
//
// Why a pre-scan runs before the `yaml` parser: measured with yaml 2.9 on Node 20, a line of 1,000
// nested block indicators ("- - - … x", 2 kB) or 1,000 "? " makes the parser compile a regular
// expression that exhausts V8's memory and aborts the process (not a catchable error), and 200 "? "
// already take 280 ms. So every line's indentation, counting block indicators, is capped first, and
// so is the nesting of flow collections ([ and {), which the parser otherwise recurses into.
import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import { ValidationError } from "@/lib/errors";

export const YAML_LIMITS = {
  /** Bytes (UTF-8) of one file. */
  maxBytes: 1_000_000,
  /** Columns of indentation, block indicators ("- ", "? ", ": ") included, of any line. */
  maxIndent: 120,
  /** Nested collections, flow or block, in the document or any value read from it. */
  maxDepth: 64,
  /** Alias uses (*name); past this the file is refused as an alias bomb ("billion laughs"). */
  maxAliasCount: 200,
  /** Collections and scalars after aliases are expanded. */
  maxNodes: 500_000,
} as const;

export type Position = { line: number; column: number };

/**
 * A file an import cannot read. `line`/`column` are 1-based when the problem has a place. The
 * message starts with the file's name and the place, so one line says everything (the CLI prints
 * it as is); fieldErrors carry it under `file` for the form.
 */
export class ImportFileError extends ValidationError {
  override name = "ImportFileError";
  constructor(
    readonly detail: string,
    readonly filename: string,
    readonly position?: Position,
  ) {
    const where = position ? `${filename}, line ${position.line}, column ${position.column}` : filename;
    const message = `${where}: ${detail}`;
    super(message, { file: [message] });
  }
}

export type ReadOptions = Partial<Record<keyof typeof YAML_LIMITS, number>> & {
  /** Shown in messages: "compose.yaml, line 3, column 5: …". */
  filename: string;
};

export type YamlFile = {
  /** The document as plain data (merge keys applied, aliases expanded, keys as strings). */
  value: unknown;
  /** Where the value at `path` (keys and indexes from the root) starts, when the file has it. */
  positionOf(path: readonly (string | number)[]): Position | undefined;
};

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;

/** 1-based line and column of a UTF-16 offset. */
function locate(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The pre-scan: the first place where a line's indentation (block indicators included) or the
 * nesting of flow collections passes its limit, or null. Linear, no regular expressions per line.
 * Quotes and comments are followed roughly: a bracket inside a quoted string does not count, and
 * erring on the side of counting only refuses a file that is odd anyway.
 */
export function scanNesting(text: string, maxIndent: number, maxDepth: number): { offset: number; detail: string } | null {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let atLineStart = true;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atLineStart) {
      // Indentation plus block indicators, each followed by a space or tab.
      let j = i;
      while (j < text.length) {
        const d = text[j];
        if (d === " " || d === "\t") j++;
        else if ((d === "-" || d === "?" || d === ":") && (text[j + 1] === " " || text[j + 1] === "\t")) j += 2;
        else break;
        if (j - i > maxIndent) return { offset: i, detail: `a line is indented or nested more than ${maxIndent} columns deep; the limit keeps every file quick to read.` };
      }
      atLineStart = false;
    }
    if (c === "\n") {
      atLineStart = true;
      lineStart = i + 1;
      if (quote === "'" || quote === '"') continue; // quoted scalars may span lines
      continue;
    }
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "#" && (i === lineStart || text[i - 1] === " " || text[i - 1] === "\t")) {
      const end = text.indexOf("\n", i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]))) quote = c;
    else if (c === "[" || c === "{") {
      flow++;
      if (flow > maxDepth) return { offset: i, detail: `collections are nested more than ${maxDepth} deep.` };
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return null;
}

/** Checks the expanded value's depth and size without recursion. */
function checkValue(value: unknown, maxDepth: number, maxNodes: number): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) return `the document expands to more than ${maxNodes.toLocaleString("en-US")} values.`;
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) return `collections are nested more than ${maxDepth} deep.`;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return null;
}

/** Reads `text` as one YAML (or JSON) document within the limits, or throws an ImportFileError. */
export function readYaml(text: string, options: ReadOptions): YamlFile {
  const limits = { ...YAML_LIMITS, ...options };
  const { filename } = options;
  const bytes = utf8Bytes(text);
  if (bytes > limits.maxBytes) throw new ImportFileError(`the file is ${mb(bytes)}; the limit is ${mb(limits.maxBytes)}.`, filename);
  if (text.trim() === "") throw new ImportFileError("the file is empty.", filename);
  const nesting = scanNesting(text, limits.maxIndent, limits.maxDepth);
  if (nesting) throw new ImportFileError(nesting.detail, filename, locate(text, nesting.offset));

  const lineCounter = new LineCounter();
  let doc;
  try {
    // uniqueKeys is checked below in linear time: the parser's own check compares each key with every
    // earlier one (a map of 22,500 keys took minutes).
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false, strict: true });
  } catch (error) {
    // The parser's own guards (RangeError on deep recursion) end here, as a refusal, not a crash.
    throw new ImportFileError(`the file could not be read (${error instanceof Error ? error.message : String(error)}).`, filename);
  }
  const position = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const first = doc.errors[0] ?? duplicateKey(doc.contents);
  if (first) {
    const detail = first.code === "DUPLICATE_KEY" ? duplicateKeyDetail(text, first.pos[0]) : firstLine(first.message);
    throw new ImportFileError(detail, filename, position(first.pos[0]));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) throw new ImportFileError(`aliases (*name) expand too far: more than ${limits.maxAliasCount} uses, as in an alias bomb. Write the values out instead.`, filename);
    throw new ImportFileError(`the file could not be read (${message}).`, filename);
  }
  const tooBig = checkValue(value, limits.maxDepth, limits.maxNodes);
  if (tooBig) throw new ImportFileError(tooBig, filename);

  return {
    value,
    positionOf(path) {
      let node: unknown = doc.contents;
      for (const key of path) {
        if (isAlias(node)) node = node.resolve(doc);
        if (!isCollection(node)) return undefined;
        const next: unknown = node.get(key, true) ?? node.get(String(key), true);
        if (next === undefined) {
          // The key itself, for a map whose value is missing.
          const pair = (node.items as unknown[]).find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
          return isPair(pair) && isScalar(pair.key) && pair.key.range ? position(pair.key.range[0]) : undefined;
        }
        node = next;
      }
      const range = (node as YamlNode | null)?.range;
      return range ? position(range[0]) : undefined;
    },
  };
}

/** The first key that appears twice in one map (scalar keys, as the parser's uniqueKeys compares them; merge keys aside), iteratively. */
function duplicateKey(root: unknown): { code: "DUPLICATE_KEY"; message: string; pos: [number, number] } | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : null;
    for (const item of node.items) {
      if (isPair(item)) {
        if (seen && isScalar(item.key) && item.key.value !== "<<") {
          if (seen.has(item.key.value) && item.key.range) return { code: "DUPLICATE_KEY", message: "duplicate key", pos: [item.key.range[0], item.key.range[1]] };
          seen.add(item.key.value);
        }
        stack.push(item.key, item.value);
      } else stack.push(item);
    }
  }
  return undefined;
}

const firstLine = (message: string) => {
  const line = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
  return line.endsWith(".") ? line : `${line}.`;
};

function duplicateKeyDetail(text: string, offset: number): string {
  const key = /^[^\s:#]+|^"[^"]*"|^'[^']*'/.exec(text.slice(offset, offset + 200))?.[0];
  return key ? `the key ${key} appears twice in the same map; each key may appear once.` : "a key appears twice in the same map; each key may appear once.";
}
