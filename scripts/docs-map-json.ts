// Writes docs/map-json.schema.json from the zod schema of the map's JSON export (components/map/export/json.ts).
import { writeFileSync } from "node:fs";
import { renderMapJsonSchema } from "@/components/map/export/json";

writeFileSync("docs/map-json.schema.json", renderMapJsonSchema());
console.log("wrote docs/map-json.schema.json");
