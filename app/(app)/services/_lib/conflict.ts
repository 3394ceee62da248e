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

const serviceSaved = z.object({
  version: z.number(),
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  layer: z.string(),
  lifecycle: z.string(),
  repositoryPath: z.string(),
  image: z.string(),
});

/** The fields of a service the edit form and the conflict view compare. */
export const SERVICE_FIELDS = ["displayName", "description", "layer", "lifecycle", "repositoryPath", "image"] as const;

/**
 * The service as saved now, as text, and (given what was sent) which fields differ from it:
 * the conflict view lists those first.
 */
export function savedService(current: unknown, sent?: Record<string, string>): Record<string, string> | undefined {
  const saved = serviceSaved.safeParse(current);
  if (!saved.success) return undefined;
  const s = saved.data;
  const fields: Record<string, string> = { displayName: s.displayName, description: s.description, layer: s.layer, lifecycle: s.lifecycle, repositoryPath: s.repositoryPath, image: s.image };
  const same = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
  const differing = sent ? SERVICE_FIELDS.filter((f) => !same(fields[f], sent[f] ?? "")) : [];
  return { conflictVersion: String(s.version), name: s.name, ...fields, differing: differing.join(",") };
}
