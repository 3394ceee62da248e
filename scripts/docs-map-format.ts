// Writes docs/map-format.schema.json from the zod schema of the map format (lib/import/map-format.ts).
import { writeFileSync } from "node:fs";
import { renderMapJsonSchema } from "@/lib/import/map-format";

writeFileSync("docs/map-format.schema.json", renderMapJsonSchema());
console.log("wrote docs/map-format.schema.json");
