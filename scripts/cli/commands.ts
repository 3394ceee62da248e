// Every command of `npm run legible`, by name. Each lives in its own file beside this one.
import type { Command } from "./context";
import { importCompose } from "./import-compose";

export const COMMANDS: Record<string, Command> = {
  "import-compose": importCompose,
};
