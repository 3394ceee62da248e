// Where two JSON Schemas differ, as a short list a person can read ("properties › steps › maximum:
// 1000 → 2000") instead of two long JSON texts side by side. Iterative, bounded by `max` entries
// and by the values it walks. Pure.

export type SchemaDifference = { path: string; from: string; to: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function brief(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value) ?? "null";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The first `max` places where `before` and `after` differ, in key order; walks at most `budget` values. */
export function schemaDifferences(before: unknown, after: unknown, max = 12, budget = 50_000): { differences: SchemaDifference[]; more: boolean } {
  const differences: SchemaDifference[] = [];
  const stack: { a: unknown; b: unknown; path: string[] }[] = [{ a: before, b: after, path: [] }];
  let walked = 0;
  while (stack.length) {
    const { a, b, path } = stack.pop()!;
    if (++walked > budget) return { differences, more: true };
    const bothObjects = isObject(a) && isObject(b);
    const bothArrays = Array.isArray(a) && Array.isArray(b) && a.length === b.length;
    if (bothObjects || bothArrays) {
      const keys = bothObjects ? [...new Set([...Object.keys(a), ...Object.keys(b)])] : (a as unknown[]).map((_, i) => String(i));
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        stack.push({ a: (a as Record<string, unknown>)[key], b: (b as Record<string, unknown>)[key], path: [...path, key] });
      }
      continue;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (differences.length === max) return { differences, more: true };
    differences.push({ path: path.length ? path.join(" › ") : "(the whole schema)", from: brief(a), to: brief(b) });
  }
  return { differences, more: false };
}
