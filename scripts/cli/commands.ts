// Every command of `npm run legible`, by name. Each lives in its own file beside this one.
import type { Command } from "./context";
import { exportMap } from "./export-map";
import { importCompose } from "./import-compose";
import { importMap } from "./import-map";
import { importOpenApi } from "./import-openapi";

export const COMMANDS: Record<string, Command> = {
  "import-compose": importCompose,
  "import-openapi": importOpenApi,
  "export-map": exportMap,
  "import-map": importMap,
};
