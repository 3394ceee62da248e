// `import-openapi <file> --service <name> --as <email> [--apply] [--json]`: a service's interfaces
// from an OpenAPI 3.0/3.1 document or a JSON Schema, through lib/data/interface-import.ts with the
// named user's permissions. Without --apply nothing is written.
import { applyInterfaceImport, planInterfaceImport } from "@/lib/data/interface-import";
import { CliError, actorFrom, positional, printPlan, readInputFile, type Command } from "./context";

export const importOpenApi: Command = {
  usage: "import-openapi <file> --service <name> --as <email> [--apply] [--json]",
  summary: "Import a service's interfaces from an OpenAPI 3.0/3.1 file or a JSON Schema (YAML or JSON); --apply writes them.",
  options: {
    service: { type: "string" },
    as: { type: "string" },
    apply: { type: "boolean" },
    json: { type: "boolean" },
  },
  async run(ctx) {
    const file = positional(ctx, "OpenAPI or JSON Schema file");
    const service = ctx.values.service;
    if (typeof service !== "string" || !service.trim()) throw new CliError("--service <name> is required: the service whose interfaces the file describes.", 2);
    const actor = await actorFrom(ctx);
    const input = readInputFile(file);
    const apply = ctx.values.apply === true;
    const result = apply ? await applyInterfaceImport(actor, service.trim(), input) : await planInterfaceImport(actor, service.trim(), input);
    if (!ctx.values.json) ctx.out(`${result.filename}: ${result.format}${result.title ? ` "${result.title}"` : ""} → ${result.service}`);
    printPlan(ctx, result.plan, apply);
  },
};
