// GET /api/v1/handoffs/{id}/export?version=N (issue 8): the history page links both compared
// versions here when it cannot show their whole diff. Authorized in lib/data like the handoff
// itself: a member of another project gets 404; a version that does not exist 404; a malformed
// one 422 naming it; without ?version, the current text as before.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { createHandoff, updateHandoff } from "@/lib/data/handoffs";
import { createProject } from "@/lib/data/projects";
import * as exportRoute from "@/app/api/v1/handoffs/[id]/export/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describeEachProvider("export of one version", (provider) => {
  let t: TestDb;
  let owner = "";
  let outsider = "";
  let id = "";

  async function actor(name: string, isAdmin = false): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${name}-${randomBytes(3).toString("hex")}@example.test`, name, isAdmin } });
    return { id: u.id, email: u.email, name: u.name, isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  }
  const get = (token: string, query = "") => exportRoute.GET(new Request(`http://test/api/v1/handoffs/${id}/export${query}`, { headers: { authorization: `Bearer ${token}` } }), params({ id }));

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const admin = await actor("Owner", true);
    const other = await actor("Outsider");
    await createProject(admin, { key: "EXP", name: "Export" });
    const h = await createHandoff(admin, "EXP", { title: "Exported", sections: { tldr: "First words." } });
    id = h.id;
    await updateHandoff(admin, id, { title: "Exported again", sections: { tldr: "Second words." }, version: h.version });
    owner = (await createToken(admin, { name: "owner" })).token;
    outsider = (await createToken(other, { name: "outsider" })).token;
  });
  afterAll(() => t?.drop());

  it("exports the version asked for, named with its number", async () => {
    const v1 = await get(owner, "?version=1");
    expect(v1.status).toBe(200);
    expect(v1.headers.get("content-disposition")).toBe('attachment; filename="exported-v1.md"');
    const text = await v1.text();
    expect(text).toContain("First words.");
    expect(text).toContain("version: 1");
    expect(text).not.toContain("Second words.");
    const current = await (await get(owner)).text();
    expect(current).toContain("Second words.");
  });

  it("refuses what the caller may not read, a version that does not exist, and a malformed one", async () => {
    expect((await get(outsider, "?version=1")).status).toBe(404);
    expect((await get(owner, "?version=9")).status).toBe(404);
    const bad = await get(owner, "?version=abc");
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail).toBe("The version to export (?version=) must be a whole number from 1.");
  });
});
