// The demo organisation's monorepo files (docs/examples/demo-monorepo/): the compose file the FLOOR
// project's services are imported from and each service's OpenAPI spec. The demo seed imports them
// through the same lib/data functions the import pages call, so importing them again in the
// browser changes nothing; they are also examples for trying the imports by hand.
import { readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_MONOREPO = {
  root: path.join("docs", "examples", "demo-monorepo"),
  compose: "compose.yaml",
  /** Service name → its spec, for the services with HTTP interfaces. */
  openapi: {
    "ai-gateway": "openapi/ai-gateway.yaml",
    "project-api": "openapi/project-api.yaml",
    "layout-api": "openapi/layout-api.yaml",
    "floorplan-generator": "openapi/floorplan-generator.yaml",
    "constraint-checker": "openapi/constraint-checker.yaml",
    "object-store": "openapi/object-store.yaml",
  } as Record<string, string | undefined>,
};

/** A file of the monorepo, read from the checkout the app runs in. */
export function demoMonorepoFile(relative: string): string {
  return readFileSync(path.join(process.cwd(), DEMO_MONOREPO.root, relative), "utf8");
}
