// `export-map <KEY> --as <email>`: the project as a map file (docs/map-format.md) on stdout.
import { exportProjectMap } from "@/lib/data/map-code";
import { actorFrom, positional, type Command } from "./context";

export const exportMap: Command = {
  usage: "export-map <KEY> --as <email> [> file.yaml]",
  summary: "Print a project as a map file (YAML, docs/map-format.md); any member of the project may.",
  options: { as: { type: "string" } },
  async run(ctx) {
    const key = positional(ctx, "project key");
    const actor = await actorFrom(ctx);
    const { text } = await exportProjectMap(actor, key.trim().toUpperCase());
    process.stdout.write(text);
  },
};
