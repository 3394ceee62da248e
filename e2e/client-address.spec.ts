// Client addresses cannot be forged: sign-in throttling and the audit log use the socket's peer,
// and X-Forwarded-For only when a trusted proxy wrote it (right-most untrusted hop). Each setting
// gets a server of its own, since these tests exhaust per-address sign-in limits on purpose.
// Requests go out over plain HTTP from chosen loopback addresses (127.0.0.1 and 127.0.0.2 are two
// clients to the server), so the server sees real, distinct peers.
import { request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { startOwnServer, type OwnServer } from "./helpers/server";

const ADDRESS_LIMIT = 3;

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.from }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** One password sign-in through next-auth, as its client does it; returns the HTTP status (200, 401 or 429). */
async function signIn(baseURL: string, email: string, password: string, opts: { forwardedFor?: string; from?: string } = {}): Promise<number> {
  const extra: Record<string, string> = opts.forwardedFor === undefined ? {} : { "x-forwarded-for": opts.forwardedFor };
  const csrf = await send(`${baseURL}/api/auth/csrf`, { headers: extra, from: opts.from });
  const cookie = [csrf.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({ email, password, csrfToken: JSON.parse(csrf.body).csrfToken, json: "true" }).toString();
  const reply = await send(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
    from: opts.from,
  });
  return reply.status;
}

/** The addresses the audit log recorded for sign-ins with this email, oldest first. */
function auditedAddresses(server: OwnServer, email: string): string[] {
  const db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT "ip" FROM "AuditEvent" WHERE "action" = 'auth.signin' AND "actorEmail" = ? ORDER BY "at", "id"`).all(email) as { ip: string }[];
    return rows.map((r) => r.ip);
  } finally {
    db.close();
  }
}

const limits = { SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: String(ADDRESS_LIMIT), SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT: "100" };

test.describe("with TRUST_PROXY off", () => {
  test.describe.configure({ mode: "serial", timeout: 200_000 });
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer({ ...limits, TRUST_PROXY: "0" });
  });
  test.afterAll(async () => server?.stop());

  test("a forged X-Forwarded-For is ignored: the audit log records the peer", async () => {
    expect(await signIn(server.baseURL, "audit-off@example.test", "wrong password", { forwardedFor: "203.0.113.66", from: "127.0.0.2" })).toBe(401);
    expect(auditedAddresses(server, "audit-off@example.test")).toEqual(["127.0.0.2"]);
  });

  test("failures with a rotating forged X-Forwarded-For are all counted against the peer", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      // Each forges another address; one of them is the address of the victim below.
      const forged = i === 0 ? "127.0.0.3" : `198.51.100.${i}`;
      expect(await signIn(server.baseURL, `spray${i}@example.test`, "guess", { forwardedFor: forged, from: "127.0.0.1" })).toBe(401);
    }
    expect(await signIn(server.baseURL, "spray-next@example.test", "guess", { forwardedFor: "198.51.100.250", from: "127.0.0.1" })).toBe(429);
    expect(auditedAddresses(server, "spray0@example.test")).toEqual(["127.0.0.1"]);
    // The victim whose address was forged still signs in.
    expect(await signIn(server.baseURL, "researcher@legible.demo", DEMO_PASSWORD, { from: "127.0.0.3" })).toBe(200);
    expect(auditedAddresses(server, "researcher@legible.demo")).toEqual(["127.0.0.3"]);
  });
});

test.describe("with trusted proxies", () => {
  test.describe.configure({ mode: "serial", timeout: 200_000 });
  let server: OwnServer;
  test.beforeAll(async () => {
    // 127.0.0.1 plays the reverse proxy in front of the app, 10.0.0.0/8 a proxy in front of that.
    server = await startOwnServer({ ...limits, TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" });
  });
  test.afterAll(async () => server?.stop());

  test("the right-most untrusted hop of X-Forwarded-For is the client", async () => {
    // The client forged 192.0.2.1; the proxies appended what they saw.
    await signIn(server.baseURL, "hop1@example.test", "x", { forwardedFor: "192.0.2.1, 203.0.113.9", from: "127.0.0.1" });
    await signIn(server.baseURL, "hop2@example.test", "x", { forwardedFor: "192.0.2.1, 203.0.113.10, 10.1.2.3", from: "127.0.0.1" });
    await signIn(server.baseURL, "hop3@example.test", "x", { forwardedFor: "garbage, 10.1.2.3", from: "127.0.0.1" });
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    await signIn(server.baseURL, "hop4@example.test", "x", { forwardedFor: "203.0.113.11", from: "127.0.0.2" });
    expect(auditedAddresses(server, "hop1@example.test")).toEqual(["203.0.113.9"]);
    expect(auditedAddresses(server, "hop2@example.test")).toEqual(["203.0.113.10"]);
    expect(auditedAddresses(server, "hop3@example.test")).toEqual(["10.1.2.3"]);
    expect(auditedAddresses(server, "hop4@example.test")).toEqual(["127.0.0.2"]);
  });

  test("throttling counts each forwarded client on its own", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      expect(await signIn(server.baseURL, `behind${i}@example.test`, "guess", { forwardedFor: "198.51.100.20", from: "127.0.0.1" })).toBe(401);
    }
    expect(await signIn(server.baseURL, "behind-next@example.test", "guess", { forwardedFor: "198.51.100.20", from: "127.0.0.1" })).toBe(429);
    // Forging an older hop does not escape the limit; another client behind the same proxy is unaffected.
    expect(await signIn(server.baseURL, "behind-next@example.test", "guess", { forwardedFor: "192.0.2.77, 198.51.100.20", from: "127.0.0.1" })).toBe(429);
    expect(await signIn(server.baseURL, "researcher@legible.demo", DEMO_PASSWORD, { forwardedFor: "198.51.100.21", from: "127.0.0.1" })).toBe(200);
  });
});
