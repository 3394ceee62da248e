// Importing a service's interfaces from a file (lib/data/interface-import.ts): the file's text and
// its name, as the API, the import page and the command line send them. The text is read within
// the import limits by lib/import/yaml.ts (bytes, nesting, aliases); here it is only capped so
// that nothing larger is even looked at.
import { z } from "./zod-browser";
import { YAML_LIMITS } from "@/lib/import/yaml";
import { INTERFACE_IMPORT_LABELS as L } from "./labels";
import { text } from "./text";

export const interfaceImportSchema = z.object({
  // Twice the byte cap in characters: a file just over the cap gets readYaml's message, which names
  // the file and its size; anything far larger is refused here without being looked at.
  text: text(L.text, { max: 2 * YAML_LIMITS.maxBytes, min: 1 }),
  // Shown in messages ("petstore.yaml, line 3, column 5: …"); a path is cut to its last part.
  filename: text(L.filename, { max: 200, trim: true, singleLine: true })
    .transform((name) => name.split(/[\\/]/).pop() || "")
    .optional()
    .transform((name) => name || "openapi.yaml"),
});
export type InterfaceImportInput = z.input<typeof interfaceImportSchema>;
