// A second app instance for race tests: its own process and its own database client, against the
// database in DATABASE_URL. It loads everything, prints "ready", waits for one line on stdin, then
// makes the sign-in attempts described by ATTEMPTS (JSON: [{ email, password, ip }]) all at once and
// prints one line of JSON: how many were checked (answered with a user or null) and how many were
// refused as throttled.
import { createInterface } from "node:readline";
import { closeDb, db } from "@/lib/db/client";
import { signInWithPassword } from "@/lib/data/signin";
import { RateLimitedError } from "@/lib/errors";

type Attempt = { email: string; password: string; ip: string };

async function main() {
  const attempts = JSON.parse(process.env.ATTEMPTS ?? "[]") as Attempt[];
  await db().$queryRawUnsafe("SELECT 1");
  process.stdout.write("ready\n");
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once("line", () => resolve()));
  lines.close();
  const results = await Promise.allSettled(attempts.map((a) => signInWithPassword(a.email, a.password, { ip: a.ip, userAgent: "instance" })));
  const checked = results.filter((r) => r.status === "fulfilled").length;
  const throttled = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError).length;
  const other = results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof RateLimitedError) ? [String(r.reason)] : []));
  process.stdout.write(`${JSON.stringify({ checked, throttled, other })}\n`);
  await closeDb(db());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
