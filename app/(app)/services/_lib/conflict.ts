// What is saved now, when an edit from the service page lost the race: the winning version's
// fields as text (an ActionState `result`), for the page to show beside what was sent.
import { z } from "zod";

const interfaceSaved = z.object({
  version: z.number(),
  kind: z.string(),
  name: z.string(),
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  requestSchema: z.unknown(),
  responseSchema: z.unknown(),
});

const json = (value: unknown) => (value == null ? "" : JSON.stringify(value, null, 2));

export function savedInterface(current: unknown): Record<string, string> | undefined {
  const saved = interfaceSaved.safeParse(current);
  if (!saved.success) return undefined;
  const i = saved.data;
  return { conflictVersion: String(i.version), kind: i.kind, name: i.name, method: i.method, path: i.path, summary: i.summary, requestSchema: json(i.requestSchema), responseSchema: json(i.responseSchema) };
}

const serviceSaved = z.object({ version: z.number(), name: z.string(), displayName: z.string(), lifecycle: z.string(), layer: z.string(), updatedAt: z.date() });

export function savedService(current: unknown): Record<string, string> | undefined {
  const saved = serviceSaved.safeParse(current);
  if (!saved.success) return undefined;
  const s = saved.data;
  return { conflictVersion: String(s.version), name: s.name, displayName: s.displayName, lifecycle: s.lifecycle, layer: s.layer, updatedAt: s.updatedAt.toISOString() };
}
