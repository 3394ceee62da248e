// The command line: `npm run legible -- <command> …` against the configured database
// (DATABASE_URL, as the server uses), acting as the user named by --as with that user's
// permissions: every command calls the same lib/data functions the pages and the API call.
// Exit codes: 0 done (a plan printed, or applied); 1 a bad file or bad input (one line naming the
// file, line and column); 2 an unknown user, a denied action, or a bad command line.
// Each command lives in scripts/cli/<name>.ts and is listed in COMMANDS below.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env, EnvError } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { closeDb, db } from "@/lib/db/client";
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { COMMANDS } from "./cli/commands";
import { CliError, type CliContext } from "./cli/context";

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: npm run legible -- <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`legible: no command "${name}".\n${usage()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`legible ${name}: ${(error as Error).message}\nusage: npm run legible -- ${command.usage}\n`);
    return 2;
  }
  // The commands sign nobody in, but the configuration they share with the server wants a session
  // secret: the server's own (data/nextauth-secret, made by `npm start`) when there is one.
  if (!process.env.NEXTAUTH_SECRET) {
    const secretFile = path.join(process.cwd(), "data", "nextauth-secret");
    process.env.NEXTAUTH_SECRET = existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : randomBytes(32).toString("base64url");
  }
  try {
    const config = env();
    await migrate(config.DATABASE_URL);
  } catch (error) {
    process.stderr.write(`legible: ${error instanceof EnvError ? error.message : `the database could not be opened: ${(error as Error).message}`}\n`);
    return 2;
  }
  const ctx: CliContext = {
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
  try {
    await command.run(ctx);
    return 0;
  } catch (error) {
    return report(name, error);
  } finally {
    await closeDb(db());
  }
}

/** One line on stderr, and the exit code the kind of failure has. */
function report(name: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`legible ${name}: ${message}\n`);
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ForbiddenError || error instanceof UnauthenticatedError || error instanceof NotFoundError) return 2;
  if (error instanceof ValidationError) return 1;
  if (error instanceof AppError) return error.status >= 500 ? 2 : 1;
  process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`legible: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(2);
  },
);
