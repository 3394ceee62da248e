// The demo data set: a realistic project that carries floor-plan generation research into an
// architecture product, with handoffs, a milestone DAG with history, and a service catalog.
//   users.ts            the demo accounts (all the sign-in page imports)
//   handoffs.ts         the handoffs' paper cards and story; content/<ref>/ holds their Markdown
//   plan/               projects, milestones, services and comments, as typed data
//   write.ts            writes it all through lib/data as the demo users, back-dated to its days
//   write-direct.ts     the few facts no lib/data function writes yet
//   scratch.ts          writes into a scratch database, then copies into one transaction
import type { Db, Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { DEMO_PROJECT_KEY } from "@/lib/demo/plan/projects";
import { buildDemoRows, copyDemoRows, type DemoRows } from "@/lib/demo/scratch";

export { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from "@/lib/demo/users";
export { DEMO_PROJECT_KEY, DEMO_SECOND_PROJECT_KEY } from "@/lib/demo/plan/projects";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function seedDemo(db: Db, now = new Date()): Promise<{ projectKey: string }> {
  const demo = await buildDemo(await hashPassword(DEMO_PASSWORD), now);
  return db.$transaction((tx) => writeDemo(tx, demo), { timeout: 60_000, maxWait: 10_000 });
}

/** The demo's rows, made through lib/data in a scratch database: the slow part, touching no real database. */
export function buildDemo(passwordHash: string, now = new Date()): Promise<DemoRows> {
  return buildDemoRows(passwordHash, now);
}

/** The demo, written inside the caller's transaction (scripts/prepare-db.ts holds the start-up lock). */
export async function writeDemo(tx: Tx, demo: DemoRows): Promise<{ projectKey: string }> {
  await copyDemoRows(tx, demo);
  return { projectKey: DEMO_PROJECT_KEY };
}
