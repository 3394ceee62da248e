// What the server refuses before Next.js works on a request (scripts/server.mjs with
// scripts/request-limits.mjs), and two requests Next.js itself used to answer with a 500: a
// server action posted from another origin, and a next-auth callback URL it cannot use (proxy.ts).
// Admin pages answer a non-admin with a real 404 status, not a 200 saying "no access".
// Requests go out over plain HTTP so that headers and targets are sent exactly as written.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const base = () => test.info().project.use.baseURL!;
const setCookies = (reply: Reply) => [reply.headers["set-cookie"] ?? []].flat();

test.describe("request limits in front of Next.js", () => {
  test("a target with more than 100 query parameters is a 400, problem JSON under /api", async () => {
    const query = Array.from({ length: 101 }, (_, i) => `p${i}=1`).join("&");
    const page = await send(`${base()}/signin?${query}`);
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/plain/);
    expect(page.body).toContain("more than 100 query parameters");
    const api = await send(`${base()}/api/v1/projects?${query}`);
    expect(api.status).toBe(400);
    expect(api.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(api.body)).toMatchObject({ status: 400, detail: expect.stringContaining("more than 100 query parameters") });
    // 100 are fine.
    expect((await send(`${base()}/signin?${Array.from({ length: 100 }, (_, i) => `p${i}=1`).join("&")}`)).status).toBe(200);
  });

  test("a malformed percent-encoding in the path or the query is a 400", async () => {
    for (const target of ["/signin/%E0%A4%A", "/signin?callbackUrl=%E0%A4%A", "/api/v1/projects/%zz", "/api/v1/projects?take=%"]) {
      const reply = await send(`${base()}${target}`);
      expect(reply.status, target).toBe(400);
      expect(reply.body, target).toContain("malformed percent-encoding");
    }
  });

  test("a header block over 16 KB is refused with 431; a 15,000-character User-Agent is served", async () => {
    expect((await send(`${base()}/signin`, { headers: { "x-filler": "a".repeat(17_000) } })).status).toBe(431);
    // The User-Agent is cut to 512 characters before Next.js's bot check sees it (the time it
    // saves is measured by bench/request-limits.bench.mjs, not here).
    expect((await send(`${base()}/signin`, { headers: { "user-agent": "a".repeat(15_000) } })).status).toBe(200);
  });
});

test.describe("answers that were 500s", () => {
  test("a server action posted from another origin is a clean 403", async () => {
    const action = { method: "POST", body: "[]", headers: { "next-action": "00deadbeef", "content-type": "text/plain;charset=UTF-8" } };
    for (const origin of ["http://evil.example", "null"]) {
      const reply = await send(`${base()}/signin`, { ...action, headers: { ...action.headers, origin } });
      expect(reply.status, origin).toBe(403);
      expect(reply.body).toContain("another site");
    }
    // The same request from the app's own origin gets past the check (to Next, which finds no such action).
    const own = await send(`${base()}/signin`, { ...action, headers: { ...action.headers, origin: new URL(base()).origin } });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
  });

  test("a next-auth callback-url cookie it cannot use is treated as absent and cleared", async () => {
    const csrf = await send(`${base()}/api/auth/csrf`);
    const csrfCookie = setCookies(csrf).map((c) => c.split(";")[0]).join("; ");
    const csrfToken = JSON.parse(csrf.body).csrfToken as string;
    for (const value of ["%E0%A4%A", "javascript:alert(1)", "abc", `/${"x".repeat(5000)}`]) {
      const cookie = `${csrfCookie}; next-auth.callback-url=${value}`;
      for (const path of ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers", "/api/auth/signin"]) {
        const reply = await send(`${base()}${path}`, { headers: { cookie } });
        expect(reply.status, `${path} with ${value.slice(0, 20)}`).toBeLessThan(500);
      }
      const signIn = await send(`${base()}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: "nobody@example.test", password: "wrong password", json: "true" }).toString(),
      });
      expect(signIn.status, `sign-in with ${value.slice(0, 20)}`).toBe(401);
    }
    const cleared = await send(`${base()}/api/auth/session`, { headers: { cookie: "next-auth.callback-url=javascript:alert(1)" } });
    expect(setCookies(cleared).some((c) => /^next-auth\.callback-url=;.*Max-Age=0/i.test(c))).toBe(true);
    // And a callbackUrl parameter next-auth would refuse with a 500.
    expect((await send(`${base()}/api/auth/csrf?callbackUrl=javascript:alert(1)`)).status).toBe(200);
    const post = await send(`${base()}/api/auth/callback/credentials?callbackUrl=javascript:alert(1)`, {
      method: "POST",
      headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: "nobody@example.test", password: "wrong password", json: "true" }).toString(),
    });
    expect(post.status).toBe(401);
  });
});

test("admin pages answer a non-admin with a 404 status", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  for (const path of ["/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
