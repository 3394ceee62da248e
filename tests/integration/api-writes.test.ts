// Writes through the REST route handlers as a browser and an attacker's page would send them:
// a cookie-authenticated write must come from this origin (Origin, Sec-Fetch-Site) with the
// content type its route reads; bearer-token calls are not affected. And no API response may be
// cached (Cache-Control: no-store), errors included.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import * as commentsRoute from "@/app/api/v1/handoffs/[id]/comments/route";
import * as handoffRoute from "@/app/api/v1/handoffs/[id]/route";
import * as exportRoute from "@/app/api/v1/handoffs/[id]/export/route";
import * as attachmentsRoute from "@/app/api/v1/handoffs/[id]/attachments/route";
import * as attachmentRoute from "@/app/api/v1/handoffs/[id]/attachments/[attachmentId]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

// The public URL, as an installation behind a TLS proxy sets it; read by lib/env on first use.
process.env.NEXTAUTH_URL = "https://legible.example.com";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const SELF = "http://app.internal:3000";

describeEachProvider("cookie-authenticated API writes", (provider) => {
  let t: TestDb;
  let researcher: Actor;
  let handoffId = "";
  let cookie = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: `r-${randomBytes(3).toString("hex")}@example.test`, name: "Researcher" } });
    researcher = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    const p = await t.db.project.create({ data: { key: "CSRF", name: "Forgery", memberships: { create: { userId: u.id, role: "owner" } } } });
    handoffId = (await t.db.handoff.create({ data: { projectId: p.id, title: "Paper", authors: [], sections: {} } })).id;
    // Over HTTPS (NEXTAUTH_URL) the session cookie carries the __Secure- prefix.
    cookie = `__Secure-next-auth.session-token=${await encode({ token: { uid: u.id, sv: u.sessionVersion }, secret: process.env.NEXTAUTH_SECRET! })}`;
  });
  afterAll(() => t?.drop());

  const comment = (headers: Record<string, string>, body = JSON.stringify({ sectionKey: "tldr", body: `note ${randomBytes(3).toString("hex")}` })) =>
    commentsRoute.POST(new Request(`${SELF}/api/v1/handoffs/${handoffId}/comments`, { method: "POST", body, headers }), params({ id: handoffId }));
  const comments = () => t.db.comment.count({ where: { handoffId } });
  const denials = () => t.db.auditEvent.count({ where: { actorId: researcher.id, outcome: "denied", action: "api.write" } });

  it("refuses the text/plain form an attacker's page posts, writes nothing, and records the denial", async () => {
    const [before, denied] = [await comments(), await denials()];
    // <form enctype="text/plain"> with name='{"sectionKey":"tldr","body":"pwned","x":"' value='"}'
    const res = await comment({ cookie, origin: "http://127.0.0.1:4444", "content-type": "text/plain", "sec-fetch-site": "same-site" }, '{"sectionKey":"tldr","body":"pwned","x":"="}\r\n');
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toMatch(/^This POST came from another site \(http:\/\/127\.0\.0\.1:4444\) and was refused/);
    expect(await comments()).toBe(before);
    expect(await denials()).toBe(denied + 1);
  });

  it("refuses JSON from another origin, and a write with no Origin at all", async () => {
    const before = await comments();
    const json = { cookie, "content-type": "application/json" };
    expect((await comment({ ...json, origin: "https://evil.example" })).status).toBe(403);
    expect((await comment({ ...json, origin: "null" })).status).toBe(403);
    const missing = await comment(json);
    expect(missing.status).toBe(403);
    expect((await missing.json()).detail).toMatch(/must carry an Origin header/);
    expect(await comments()).toBe(before);
  });

  it("refuses a same-origin write whose browser says the request came from another site", async () => {
    const res = await comment({ cookie, origin: SELF, "content-type": "application/json", "sec-fetch-site": "same-site" });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toMatch(/Sec-Fetch-Site: same-site/);
  });

  it("refuses a same-origin write that is not JSON, naming the content type it sent", async () => {
    const before = await comments();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await comment({ cookie, origin: SELF, "content-type": type });
      expect(res.status).toBe(403);
      expect((await res.json()).detail).toBe(`Send the request body as JSON with Content-Type: application/json (this POST sent Content-Type ${type}).`);
    }
    expect(await comments()).toBe(before);
  });

  it("accepts the origin of the Host the browser wrote to (127.0.0.1 where the server calls itself localhost), and still refuses another site", async () => {
    const before = await comments();
    const json = { cookie, host: "127.0.0.1:3000", "content-type": "application/json" };
    expect((await comment({ ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await comment({ ...json, origin: "http://127.0.0.1:4444" })).status).toBe(403);
    expect((await comment({ ...json, host: "127.0.0.1:3000/x", origin: "http://127.0.0.1:3000/x" })).status).toBe(403);
    expect(await comments()).toBe(before + 1);
  });

  it("accepts JSON from the request's own origin and from the public URL (NEXTAUTH_URL)", async () => {
    const before = await comments();
    const own = await comment({ cookie, origin: SELF, "content-type": "application/json; charset=utf-8", "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(201);
    const proxied = await comment({ cookie, origin: "https://legible.example.com", "content-type": "application/json" });
    expect(proxied.status).toBe(201);
    expect(await comments()).toBe(before + 2);
  });

  it("takes multipart only on the upload route, and only from this origin", async () => {
    const upload = (headers: Record<string, string>, body: BodyInit) =>
      attachmentsRoute.POST(new Request(`${SELF}/api/v1/handoffs/${handoffId}/attachments`, { method: "POST", body, headers }), params({ id: handoffId }));
    const form = () => {
      const f = new FormData();
      f.set("file", new File(["a,b\n1,2\n"], "numbers.csv", { type: "text/csv" }));
      return f;
    };
    // A Request sets the multipart boundary itself; the headers here only add cookie and origin.
    expect((await upload({ cookie, origin: "http://127.0.0.1:4444" }, form())).status).toBe(403);
    const wrongType = await upload({ cookie, origin: SELF, "content-type": "application/json" }, "{}");
    expect((await wrongType.json()).detail).toBe("Send the file as multipart/form-data (this POST sent Content-Type application/json).");
    const ok = await upload({ cookie, origin: SELF }, form());
    expect(ok.status).toBe(201);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const { attachment } = await ok.json();
    const download = await attachmentRoute.GET(new Request(`${SELF}/api/v1/handoffs/${handoffId}/attachments/${attachment.id}`, { headers: { cookie } }), params({ id: handoffId, attachmentId: attachment.id }));
    expect(download.status).toBe(200);
    expect(download.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("leaves reads and bearer-token calls alone", async () => {
    const read = await handoffRoute.GET(new Request(`${SELF}/api/v1/handoffs/${handoffId}`, { headers: { cookie, origin: "https://evil.example" } }), params({ id: handoffId }));
    expect(read.status).toBe(200);
    const { token } = await createToken(researcher, { name: "script" });
    const bearer = await comment({ authorization: `Bearer ${token}`, "content-type": "text/plain" });
    expect(bearer.status).toBe(201);
  });

  it("lets a same-origin DELETE without a body through to the permission check", async () => {
    const doomed = await t.db.handoff.create({ data: { projectId: (await t.db.project.findUniqueOrThrow({ where: { key: "CSRF" } })).id, title: "Doomed", authors: [], sections: {} } });
    const cross = await handoffRoute.DELETE(new Request(`${SELF}/api/v1/handoffs/${doomed.id}`, { method: "DELETE", headers: { cookie, origin: "https://evil.example" } }), params({ id: doomed.id }));
    expect(cross.status).toBe(403);
    const res = await handoffRoute.DELETE(new Request(`${SELF}/api/v1/handoffs/${doomed.id}`, { method: "DELETE", headers: { cookie, origin: SELF } }), params({ id: doomed.id }));
    expect(res.status).toBe(204);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("marks every API response no-store: data, exports, and problems (401, 403, 404)", async () => {
    const ok = await projectsRoute.GET(new Request(`${SELF}/api/v1/projects`, { headers: { cookie } }), params({}));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const exported = await exportRoute.GET(new Request(`${SELF}/api/v1/handoffs/${handoffId}/export`, { headers: { cookie } }), params({ id: handoffId }));
    expect(exported.status).toBe(200);
    expect(exported.headers.get("cache-control")).toMatch(/no-store/);
    const anonymous = await projectsRoute.GET(new Request(`${SELF}/api/v1/projects`), params({}));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    const missing = await handoffRoute.GET(new Request(`${SELF}/api/v1/handoffs/nope`, { headers: { cookie } }), params({ id: "nope" }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    const forbidden = await comment({ cookie, origin: "https://evil.example", "content-type": "application/json" });
    expect(forbidden.headers.get("cache-control")).toBe("no-store");
  });
});
