// What a request body can cost before anyone is known (second hostile review, F3): a stranger's
// body is never read, and a member's JSON nested millions deep is refused before JSON.parse,
// which took 3 to 8 s on it and held the event loop for everyone.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { jsonDepthOver, JSON_MAX_DEPTH } from "@/lib/api/handler";
import { createToken } from "@/lib/data/tokens";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as transitionsRoute from "@/app/api/v1/handoffs/[id]/transitions/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

it("measures JSON nesting in one pass, skipping strings", () => {
  expect(jsonDepthOver('{"a": [1, {"b": [2]}]}', 4)).toBe(false);
  expect(jsonDepthOver('{"a": [1, {"b": [2]}]}', 3)).toBe(true);
  // Brackets inside strings, escaped quotes included, are text.
  expect(jsonDepthOver(`{"t": "${"[".repeat(1_000)} \\" ${"{".repeat(1_000)}"}`, 1)).toBe(false);
  expect(jsonDepthOver("[".repeat(3_000_000), JSON_MAX_DEPTH)).toBe(true);
});

describeEachProvider("request bodies", (provider) => {
  let t: TestDb;
  let token = "";
  let handoffId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: `b-${randomBytes(3).toString("hex")}@example.test`, name: "Member" } });
    const actor: Actor = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    const p = await t.db.project.create({ data: { key: "BODY", name: "Bodies", memberships: { create: { userId: u.id, role: "owner" } } } });
    handoffId = (await t.db.handoff.create({ data: { projectId: p.id, title: "Paper", authors: [], sections: {} } })).id;
    token = (await createToken(actor, { name: "bodies" })).token;
  });
  afterAll(() => t?.drop());

  it("answers a signed-out write 401 without reading its body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("[".repeat(1_000_000)));
      },
    });
    const request = new Request("http://legible.test/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    const res = await projectsRoute.POST(request, params({}));
    expect(res.status).toBe(401);
    expect(pulled).toBeLessThanOrEqual(1); // a stream may be primed once; nothing is parsed
    // A bogus token is a stranger too.
    const bogus = await transitionsRoute.POST(
      new Request("http://legible.test/api/v1/x", { method: "POST", headers: { authorization: "Bearer lgb_nope", "content-type": "application/json" }, body: '{"transition":"nope"}' }),
      params({ id: handoffId }),
    );
    expect(bogus.status).toBe(401);
  });

  it("refuses a member's JSON nested past the limit with 422, before parsing it", async () => {
    const deep = `{"transition":"submit","x":${"[".repeat(3_000_000)}${"]".repeat(3_000_000)}}`;
    const started = performance.now();
    const res = await transitionsRoute.POST(
      new Request("http://legible.test/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: deep }),
      params({ id: handoffId }),
    );
    const problem = (await res.json()) as { detail: string };
    expect(res.status).toBe(422);
    expect(problem.detail).toMatch(/nests arrays and objects more than 64 deep/);
    // Not a timing assertion on the machine's speed: a record for the report when it is slow.
    if (performance.now() - started > 2_000) console.warn(`deep body took ${Math.round(performance.now() - started)} ms`);
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("draft");
  });
});
