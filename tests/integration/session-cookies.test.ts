// Session cookies over HTTPS: a credentials sign-in through next-auth's own handler, with this
// app's options (lib/auth/options.ts), against a real database. With an https:// public URL the
// session cookie is __Secure-next-auth.session-token and Secure; with http:// it is the plain
// name (a Secure cookie would never come back over http). lib/auth/claims.ts reads the same name.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import NextAuth from "next-auth";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase, type TestDb } from "../helpers/db";

const PASSWORD = "correct horse battery staple";

type Sent = { status: number; setCookie: string[]; body: unknown };

/** One call of next-auth's handler (its plain request/response form), returning the Set-Cookie lines. */
async function call(options: Parameters<typeof NextAuth>[2], req: { method: string; nextauth: string[]; cookies: Record<string, string>; body?: Record<string, string>; host: string }): Promise<Sent> {
  const headers: Record<string, string | string[]> = {};
  const sent: Sent = { status: 200, setCookie: [], body: undefined };
  const res = {
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string | string[]) => ((headers[name.toLowerCase()] = value), res),
    status: (code: number) => ((sent.status = code), res),
    json: (body: unknown) => ((sent.body = body), res),
    send: (body: unknown) => ((sent.body = body), res),
    end: () => res,
  };
  await NextAuth(
    { method: req.method, query: { nextauth: req.nextauth }, cookies: req.cookies, body: req.body, headers: { host: req.host } } as never,
    res as never,
    options,
  );
  sent.setCookie = [headers["set-cookie"] ?? []].flat();
  return sent;
}

const cookiePairs = (lines: string[]) => Object.fromEntries(lines.map((l) => l.split(";")[0]).map((p) => [p.slice(0, p.indexOf("=")), decodeURIComponent(p.slice(p.indexOf("=") + 1))]));

/** Signs in with email and password, as a server whose public URL is `publicUrl` would. */
async function signInAt(publicUrl: string, email: string) {
  vi.resetModules();
  process.env.NEXTAUTH_URL = publicUrl;
  const { authOptions } = await import("@/lib/auth/options");
  const { sessionClaims } = await import("@/lib/auth/claims");
  const host = new URL(publicUrl).host;
  const csrf = await call(authOptions(), { method: "GET", nextauth: ["csrf"], cookies: {}, host });
  const { csrfToken } = csrf.body as { csrfToken: string };
  const signIn = await call(authOptions(), {
    method: "POST",
    nextauth: ["callback", "credentials"],
    cookies: cookiePairs(csrf.setCookie),
    body: { csrfToken, email, password: PASSWORD, json: "true" },
    host,
  });
  const session = signIn.setCookie.find((line) => /^(__Secure-)?next-auth\.session-token=/.test(line));
  const claims = await sessionClaims(new Map(Object.entries(cookiePairs(session ? [session] : []))), new Headers());
  return { session: session ?? "", csrf: csrf.setCookie, claims };
}

describe("session cookies", () => {
  let t: TestDb;
  let email = "";
  const original = process.env.NEXTAUTH_URL;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    email = `secure-${Date.now()}@example.test`;
    await t.db.user.create({ data: { email, name: "Cookie Tester", passwordHash: await hashPassword(PASSWORD) } });
  });
  afterAll(async () => {
    process.env.NEXTAUTH_URL = original;
    await t?.drop();
  });

  it("are __Secure- and Secure when the public URL is https://, and read back", async () => {
    const { session, csrf, claims } = await signInAt("https://legible.example.com", email);
    expect(session).toMatch(/^__Secure-next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    expect(csrf.join("\n")).toMatch(/^__Host-next-auth\.csrf-token=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/m);
    expect(claims).toMatchObject({ uid: expect.any(String) });
  });

  it("keep the plain name without Secure when the public URL is http://", async () => {
    const { session, claims } = await signInAt("http://localhost:3000", email);
    expect(session).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(claims).toMatchObject({ uid: expect.any(String) });
  });
});
