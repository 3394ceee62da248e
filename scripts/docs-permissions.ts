// Writes docs/permissions.md from the matrix in lib/auth/permissions.ts.
import { writeFileSync } from "node:fs";
import { renderPermissionsMarkdown } from "@/lib/auth/permissions";

writeFileSync("docs/permissions.md", renderPermissionsMarkdown());
console.log("wrote docs/permissions.md");
