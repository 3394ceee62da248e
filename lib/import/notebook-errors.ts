// The messages an uploader sees for a notebook that is not JSON (with line and column) or does not
// match the schema (with the path, e.g. `cells[3].outputs[0].output_type`).
import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { lineColumn, locateJsonError } from "./json-location";

export function jsonSyntaxError(text: string, error: unknown, filename: string): ValidationError {
  const located = locateJsonError(text);
  const message = error instanceof Error ? error.message : String(error);
  // V8's own position, when its message ends with one (not when the text merely quotes one).
  const position = /in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  // Prefer V8's own position when it gives one; the scanner fills in the rest.
  const offset = position ? Number(position[1]) : (located?.offset ?? text.length);
  const reason = position
    ? message.slice(0, position.index).trimEnd().replace(/^./, (c) => c.toLowerCase())
    : (located?.reason ?? "invalid JSON");
  const { line, column } = lineColumn(text, offset);
  const detail = `${filename} is not valid JSON: ${reason} at line ${line}, column ${column}.`;
  return new ValidationError(detail, { file: [detail] });
}

/** `cells[3].outputs[0].output_type`, `metadata["language_info"]`: a path as code would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function schemaError(error: z.ZodError, json: unknown, filename: string): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  for (const issue of error.issues.slice(0, 20)) {
    const path = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === "invalid_union" && "discriminator" in issue && typeof issue.discriminator === "string") {
      const found = valueAt(json, issue.path);
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      const label = issue.discriminator.replace("_", " ");
      message =
        found === undefined
          ? `missing ${label} (expected one of ${options.join(", ")})`
          : `unknown ${label} ${JSON.stringify(found)} (expected one of ${options.join(", ")})`;
    }
    (fieldErrors[path || "_"] ??= []).push(message);
    messages.push(path ? `${path}: ${message}` : message);
  }
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return new ValidationError(`${filename} is not a valid Jupyter notebook: ${messages[0]}${more}`, fieldErrors);
}
