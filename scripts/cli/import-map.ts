// `import-map <file> --as <email> [--apply] [--json]`: the dry run of importing a map file (what
// would be created, updated, left unchanged, and what the project has that the file does not);
// with --apply, the import, in one transaction. --json prints the plan's names (milestone keys,
// service names, "FLOOR-3 → FLOOR-1" for a dependency) and exits 0.
import { applyMapImport, planMapImport } from "@/lib/data/map-code";
import { actorFrom, positional, printPlan, readInputFile, type Command } from "./context";

export const importMap: Command = {
  usage: "import-map <file> --as <email> [--apply] [--json]",
  summary: "Preview (or with --apply, carry out) importing a map file into the project it names. Nothing is deleted.",
  options: { as: { type: "string" }, apply: { type: "boolean" }, json: { type: "boolean" } },
  async run(ctx) {
    const file = readInputFile(positional(ctx, "map file"));
    const actor = await actorFrom(ctx);
    if (ctx.values.apply) {
      const { plan, applied } = await applyMapImport(actor, file);
      printPlan(ctx, plan, applied);
      if (!applied && !ctx.values.json) ctx.out("The project already matches the file.");
    } else {
      printPlan(ctx, (await planMapImport(actor, file)).plan, false);
    }
  },
};
