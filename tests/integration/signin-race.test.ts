// Sign-in throttling cannot be raced: attempts are counted atomically in the database before any
// password is checked, so N simultaneous wrong passwords check at most the limit, within one app
// instance and across two instances (two processes, two database clients) sharing one database.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/data/signin";
import { hitCounter, readCounter } from "@/lib/data/rate-limit";
import { RateLimitedError } from "@/lib/errors";
import { env } from "@/lib/env";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const N = 30;
type Attempt = { email: string; password: string; ip: string };
type Tally = { checked: number; throttled: number; other: string[] };

function tally(results: PromiseSettledResult<unknown>[]): Tally {
  return {
    checked: results.filter((r) => r.status === "fulfilled").length,
    throttled: results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError).length,
    other: results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof RateLimitedError) ? [String(r.reason)] : [])),
  };
}

function attemptAll(attempts: Attempt[]): Promise<Tally> {
  return Promise.allSettled(attempts.map((a) => signInWithPassword(a.email, a.password, { ip: a.ip, userAgent: "vitest" }))).then(tally);
}

/** Starts a second instance (tests/helpers/signin-instance.ts) and resolves once it is ready. */
async function secondInstance(url: string, attempts: Attempt[]) {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--tsconfig", "tsconfig.json", "tests/helpers/signin-instance.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, ATTEMPTS: JSON.stringify(attempts) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  const ready = await next();
  expect(ready).toBe("ready");
  return {
    go(): Promise<Tally> {
      const result = next().then((line) => JSON.parse(line) as Tally);
      child.stdin.write("go\n");
      return result;
    },
  };
}

describeEachProvider("sign-in throttling under concurrency", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const passwordHash = await hashPassword("the right password");
    await t.db.user.createMany({
      data: ["one", "two"].map((name) => ({ email: `${name}@example.test`, name, passwordHash })),
    });
  });
  afterAll(() => t?.drop());

  it(`checks at most the per-account limit of ${N} simultaneous wrong passwords`, async () => {
    const limit = env().SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT;
    const attempts = Array.from({ length: N }, (_, i) => ({ email: "one@example.test", password: `wrong ${i}`, ip: `10.5.0.${i}` }));
    const result = await attemptAll(attempts);
    console.log(`[${provider}] one instance, ${N} parallel wrong passwords for one account: ${result.checked} checked (limit ${limit})`);
    expect(result.other).toEqual([]);
    expect(result.checked).toBeLessThanOrEqual(limit);
    expect(result.checked + result.throttled).toBe(N);
    const audited = await t.db.auditEvent.count({ where: { action: "auth.signin", actorEmail: "one@example.test", outcome: "denied" } });
    // Each checked attempt is audited; each throttled one is counted on the account's hourly row.
    expect(audited).toBe(result.checked);
    const counted = await t.db.signInThrottleCount.aggregate({ where: { key: "one@example.test" }, _sum: { count: true } });
    expect(counted._sum.count).toBe(result.throttled);
  });

  it(`checks at most the per-address limit of ${N} simultaneous wrong passwords for many accounts`, async () => {
    const limit = env().SIGNIN_MAX_ATTEMPTS_PER_ADDRESS;
    const attempts = Array.from({ length: N }, (_, i) => ({ email: `spray${i}@example.test`, password: "guess", ip: "10.6.0.1" }));
    const result = await attemptAll(attempts);
    console.log(`[${provider}] one instance, ${N} parallel wrong passwords from one address: ${result.checked} checked (limit ${limit})`);
    expect(result.other).toEqual([]);
    expect(result.checked).toBeLessThanOrEqual(limit);
  });

  it(`checks at most the per-account limit across two instances (${N / 2} attempts each, at once)`, async () => {
    const limit = env().SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT;
    const attempts = Array.from({ length: N }, (_, i) => ({ email: "two@example.test", password: `wrong ${i}`, ip: `10.7.0.${i}` }));
    const other = await secondInstance(t.url, attempts.slice(N / 2));
    const [theirs, ours] = await Promise.all([other.go(), attemptAll(attempts.slice(0, N / 2))]);
    const checked = theirs.checked + ours.checked;
    console.log(`[${provider}] two instances, ${N} parallel wrong passwords for one account: ${checked} checked (limit ${limit})`);
    expect([...theirs.other, ...ours.other]).toEqual([]);
    expect(checked).toBeLessThanOrEqual(limit);
    // The right password is refused while the account is throttled.
    await expect(signInWithPassword("two@example.test", "the right password", { ip: "10.7.1.1", userAgent: "vitest" })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("counts in a fixed window that starts again once it has passed", async () => {
    const start = new Date("2026-01-01T10:00:00.000Z");
    const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    expect((await hitCounter("window:test", 60, start)).count).toBe(1);
    const second = await hitCounter("window:test", 60, later(30));
    expect(second).toMatchObject({ count: 2, windowStart: start, resetAt: later(60) });
    const fresh = await hitCounter("window:test", 60, later(61));
    expect(fresh).toMatchObject({ count: 1, windowStart: later(61) });
    expect((await readCounter("window:test", 60, later(62))).count).toBe(1);
  });

  it("counts only failures: a success clears the account and gives the address its attempt back", async () => {
    const ctx = { ip: "10.8.0.1", userAgent: "vitest" };
    expect(await signInWithPassword("one.ok@example.test", "wrong", ctx)).toBeNull();
    const passwordHash = await hashPassword("the right password");
    await t.db.user.create({ data: { email: "ok@example.test", name: "Ok", passwordHash } });
    expect(await signInWithPassword("ok@example.test", "the right password", ctx)).not.toBeNull();
    expect((await t.db.rateLimit.findUnique({ where: { key: "signin:address:10.8.0.1" } }))?.count).toBe(1);
    expect(await t.db.rateLimit.findUnique({ where: { key: "signin:account:ok@example.test" } })).toBeNull();
  });
});
