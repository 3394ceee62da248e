// What every command gets, and the helpers they share: the acting user from --as, a file read
// within the import size cap, and the plan printed as text or JSON.
import { readFileSync, statSync } from "node:fs";
import type { ParseArgsConfig } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { YAML_LIMITS } from "@/lib/import/yaml";
import { planNames, type ImportPlan } from "@/lib/import/plan";

export type CliContext = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out: (text: string) => void;
};

export type Command = {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run: (ctx: CliContext) => Promise<void>;
};

/** A failure with its own exit code (1: bad file or input, 2: user, permission, command line). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** The user --as names, as the data layer's caller; an unknown or disabled account exits 2. */
export async function actorFrom(ctx: CliContext): Promise<Actor> {
  const email = ctx.values.as;
  if (typeof email !== "string" || !email.trim()) throw new CliError("--as <email> is required: the command acts as that user, with that user's permissions.", 2);
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, isAdmin: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new CliError(`no active account has the email ${email.trim()}.`, 2);
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, ip: "", userAgent: "legible-cli" };
}

/** The one positional argument a command takes (a file or a key), or exit 2 naming it. */
export function positional(ctx: CliContext, what: string): string {
  const [value, ...extra] = ctx.positionals;
  if (!value) throw new CliError(`name the ${what}.`, 2);
  if (extra.length) throw new CliError(`one ${what} at a time; also got ${extra.join(" ")}.`, 2);
  return value;
}

/** A file's text, refused past the import size cap before it is read whole. */
export function readInputFile(path: string): { text: string; filename: string } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`${path}: no such file.`, 1);
  }
  if (size > YAML_LIMITS.maxBytes) throw new CliError(`${path}: the file is ${(size / 1_000_000).toFixed(1)} MB; the limit is ${(YAML_LIMITS.maxBytes / 1_000_000).toFixed(1)} MB.`, 1);
  return { text: readFileSync(path, "utf8"), filename: path.split("/").pop() || path };
}

/** The plan as `--json` ({"create":[…],"update":[…],"unchanged":[…],"missing":[…]}) or as text. */
export function printPlan(ctx: CliContext, plan: ImportPlan, applied: boolean) {
  if (ctx.values.json) {
    ctx.out(JSON.stringify(planNames(plan)));
    return;
  }
  const section = (title: string, entries: ImportPlan["create"]) => {
    if (!entries.length) return;
    ctx.out(`${title} (${entries.length}):`);
    for (const e of entries) {
      const changes = e.changes?.length ? `: ${e.changes.map((c) => c.label).join(", ")}` : "";
      ctx.out(`  ${e.kind} ${e.name}${changes}${e.note ? ` (${e.note})` : ""}`);
    }
  };
  section(applied ? "Created" : "Would create", plan.create);
  section(applied ? "Updated" : "Would update", plan.update);
  section("Unchanged", plan.unchanged);
  section("In the catalog, not in the file (left alone)", plan.missing);
  if (!applied) ctx.out(plan.create.length || plan.update.length ? "Nothing written. Run again with --apply to write these changes." : "Nothing to change.");
}
