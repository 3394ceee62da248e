// Caps on what an uploaded notebook may hold, checked while it is parsed (lib/import/notebook.ts)
// so that a notebook over one is refused with a message naming the cap, and nothing is stored.
// The nesting depth is checked by a linear scan of the text BEFORE JSON.parse and the schema,
// both of which recurse and would overflow the stack on thousands of levels.
import { ValidationError } from "@/lib/errors";
import { LIMITS } from "@/lib/validation/limits";

/** The caps, defined in lib/validation/limits.ts (and listed in docs/limits.md from there). */
export const NOTEBOOK_LIMITS = LIMITS.notebook;

/** The most characters the rendered form of a notebook file of `bytes` bytes may hold. */
export function renderedMaxChars(bytes: number): number {
  return Math.min(NOTEBOOK_LIMITS.renderedMaxChars, Math.max(NOTEBOOK_LIMITS.renderedMinChars, bytes * NOTEBOOK_LIMITS.renderedPerByte));
}

const n = (value: number) => value.toLocaleString("en-US");

function refuse(detail: string): never {
  throw new ValidationError(detail, { file: [detail] });
}

/**
 * The first place where `text`, read as JSON, opens more than `max` arrays and objects at once;
 * null if it never does. One pass; brackets inside strings do not count.
 */
export function jsonDepthOver(text: string, max: number): { offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b /* [ { */) {
      if (++depth > max) return { offset: i };
    } else if (c === 0x5d || c === 0x7d /* ] } */) {
      depth--;
    }
  }
  return null;
}

/** Refuses a notebook nested deeper than the cap (before it is parsed). */
export function checkNotebookDepth(text: string, name: string, where: (offset: number) => { line: number; column: number }): void {
  const over = jsonDepthOver(text, NOTEBOOK_LIMITS.depth);
  if (!over) return;
  const { line, column } = where(over.offset);
  refuse(`${name} nests arrays and objects more than ${NOTEBOOK_LIMITS.depth} levels deep (at line ${line}, column ${column}); a notebook may nest at most ${NOTEBOOK_LIMITS.depth}.`);
}

/** Refuses a notebook with too many cells (before the schema walks them). */
export function checkCellCount(cells: unknown, name: string): void {
  if (Array.isArray(cells) && cells.length > NOTEBOOK_LIMITS.cells) {
    refuse(`${name} has ${n(cells.length)} cells; a notebook may have at most ${n(NOTEBOOK_LIMITS.cells)}.`);
  }
}

/** Refuses a notebook with too many outputs in one cell or in all (before the schema walks them). */
export function checkOutputCount(cells: unknown, name: string): void {
  if (!Array.isArray(cells)) return;
  let total = 0;
  cells.forEach((cell: unknown, i) => {
    const outputs = cell !== null && typeof cell === "object" ? (cell as { outputs?: unknown }).outputs : undefined;
    if (!Array.isArray(outputs)) return;
    if (outputs.length > NOTEBOOK_LIMITS.outputsPerCell) {
      refuse(`${name}: cell ${i + 1} has ${n(outputs.length)} outputs; a cell may have at most ${n(NOTEBOOK_LIMITS.outputsPerCell)}.`);
    }
    total += outputs.length;
    if (total > NOTEBOOK_LIMITS.outputs) {
      refuse(`${name}: its outputs pass ${n(NOTEBOOK_LIMITS.outputs)} at cell ${i + 1}; a notebook may have at most ${n(NOTEBOOK_LIMITS.outputs)} outputs.`);
    }
  });
}

/** Characters of every string in a parsed JSON value (the depth was capped before parsing). */
export function stringChars(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + stringChars(item), 0);
  if (value !== null && typeof value === "object") return Object.values(value).reduce((sum: number, item) => sum + stringChars(item), 0);
  return 0;
}

const joined = (source: string | string[]) => (typeof source === "string" ? source.length : source.reduce((sum, line) => sum + line.length, 0));

type CheckedCell = { cell_type: string; source: string | string[]; outputs?: unknown[] };

/** Refuses a notebook whose cells or outputs are over their caps; cells are numbered from 1. */
export function checkCellSizes(cells: CheckedCell[], name: string): void {
  let outputs = 0;
  let images = 0;
  cells.forEach((cell, i) => {
    const number = i + 1;
    const source = joined(cell.source);
    if (source > NOTEBOOK_LIMITS.cellChars) {
      refuse(`${name}: cell ${number} has ${n(source)} characters of source; a cell may have at most ${n(NOTEBOOK_LIMITS.cellChars)}.`);
    }
    for (const output of cell.outputs ?? []) {
      const chars = stringChars(output);
      if (chars > NOTEBOOK_LIMITS.outputChars) {
        refuse(`${name}: an output of cell ${number} has ${n(chars)} characters; one output may have at most ${n(NOTEBOOK_LIMITS.outputChars)}.`);
      }
      outputs += chars;
      if (outputs > NOTEBOOK_LIMITS.outputsChars) {
        refuse(`${name}: its outputs pass ${n(NOTEBOOK_LIMITS.outputsChars)} characters at cell ${number}; all outputs together may have at most ${n(NOTEBOOK_LIMITS.outputsChars)}.`);
      }
      const data = (output as { data?: Record<string, unknown> }).data;
      if (data && (data["image/png"] !== undefined || data["image/jpeg"] !== undefined) && ++images > NOTEBOOK_LIMITS.images) {
        refuse(`${name}: cell ${number} brings its images past ${n(NOTEBOOK_LIMITS.images)}; a notebook may have at most ${n(NOTEBOOK_LIMITS.images)} images.`);
      }
    }
  });
}
