// import-compose <file> --project <KEY> --as <email> [--apply] [--json]: previews (or, with
// --apply, applies) a compose file's services into a project's catalog, as the import page and
// POST /api/v1/projects/{key}/imports/compose do (lib/data/compose-import.ts).
import { applyComposeImport, planComposeImport } from "@/lib/data/compose-import";
import { CliError, actorFrom, positional, printPlan, readInputFile, type Command } from "./context";

export const importCompose: Command = {
  usage: "import-compose <file> --project <KEY> --as <email> [--apply] [--json]",
  summary: "Import a docker-compose file's services into a project: a preview, or with --apply the changes in one transaction.",
  options: {
    project: { type: "string" },
    as: { type: "string" },
    apply: { type: "boolean" },
    json: { type: "boolean" },
  },
  async run(ctx) {
    const path = positional(ctx, "compose file");
    const project = ctx.values.project;
    if (typeof project !== "string" || !project.trim()) throw new CliError("--project <KEY> is required: the project the services run in.", 2);
    const actor = await actorFrom(ctx);
    const { text, filename } = readInputFile(path);
    const input = { text, filename };
    const apply = ctx.values.apply === true;
    const result = apply ? await applyComposeImport(actor, project.trim(), input) : await planComposeImport(actor, project.trim(), input);
    if (!ctx.values.json && result.refused.length) ctx.out(`You may not change: ${result.refused.join(", ")} (applying would be refused).`);
    printPlan(ctx, result.plan, apply);
  },
};
