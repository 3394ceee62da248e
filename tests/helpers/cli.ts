// Runs the real command line (`npm run legible`'s entry, scripts/legible.ts) as a child process
// against the database at `url`, and answers its exit code and output. Shared by the CLI tests.
import { spawn } from "node:child_process";
import path from "node:path";

export type CliRun = { code: number | null; stdout: string; stderr: string };

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

export function runLegible(url: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--tsconfig", "tsconfig.json", "scripts/legible.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "x".repeat(40), LEGIBLE_DEMO: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
