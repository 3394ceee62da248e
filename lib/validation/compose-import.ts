// The compose import's request (lib/data/compose-import.ts): the file's text, its name, and the
// layers chosen in the preview. Shared by the API, the page and the command line.
import { z } from "./zod-browser";
import { labelled } from "./field-label";
import { text } from "./text";
import { SERVICE_LAYERS } from "./service";
import { YAML_LIMITS } from "@/lib/import/yaml";
import { COMPOSE_LIMITS } from "@/lib/import/compose";

export const COMPOSE_IMPORT_LABELS = {
  text: "Compose file",
  filename: "File name",
  layers: "Layers",
} as const;
const L = COMPOSE_IMPORT_LABELS;

export const composeImportSchema = z.object({
  // Characters; readYaml then caps the UTF-8 bytes at the same number.
  text: labelled(text(L.text, { max: YAML_LIMITS.maxBytes }), L.text),
  filename: text(L.filename, { max: 200, trim: true, singleLine: true }).default("compose.yaml"),
  /** Layer by service name (the catalog's, or as the file writes it), overriding the suggestion. */
  layers: labelled(
    z
      // The record would drop a "__proto__" key silently (it is never a service name): refused instead.
      .unknown()
      .refine((r) => typeof r !== "object" || r === null || !Object.hasOwn(r, "__proto__"), "names __proto__, which is not a service of this file")
      .pipe(z.record(z.string().max(200), z.enum(SERVICE_LAYERS, { message: `must be one of ${SERVICE_LAYERS.join(", ")}` })))
      .refine((r) => Object.keys(r).length <= COMPOSE_LIMITS.services, `may name at most ${COMPOSE_LIMITS.services} services`),
    L.layers,
  ).optional(),
});
export type ComposeImportInput = z.input<typeof composeImportSchema>;
