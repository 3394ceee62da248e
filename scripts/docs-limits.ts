// Writes docs/limits.md from the caps in lib/validation/limits.ts.
import { writeFileSync } from "node:fs";
import { renderLimitsMarkdown } from "@/lib/validation/limits-doc";

writeFileSync("docs/limits.md", renderLimitsMarkdown());
console.log("wrote docs/limits.md");
