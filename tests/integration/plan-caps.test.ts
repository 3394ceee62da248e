// The size caps of a plan (security review of the planning features): at most
// LIMITS.milestone.perProject milestones a project, by the form's data function, the API and
// Decompose alike (Decompose refused whole, naming how many are left); at most
// LIMITS.milestone.prerequisites prerequisites a milestone; Decompose's keys never past
// LIMITS.milestone.keyNumber; its one-line titles; and only documented values of ?dryRun=.
// Through the data layer and the REST routes, on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { createToken } from "@/lib/data/tokens";
import { createMilestone, newMilestoneForm } from "@/lib/data/milestones";
import { addDependency, removeDependency } from "@/lib/data/milestone-plan";
import { decomposeHandoff } from "@/lib/data/decompose";
import { LIMITS } from "@/lib/validation/limits";
import * as decomposeRoute from "@/app/api/v1/handoffs/[id]/decompose/route";
import * as milestonesRoute from "@/app/api/v1/projects/[key]/milestones/route";
import * as dependenciesRoute from "@/app/api/v1/milestones/[id]/dependencies/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const { perProject, prerequisites, keyNumber } = LIMITS.milestone;

describeEachProvider("plan caps", (provider) => {
  let t: TestDb;
  let engineer: Actor;
  let token = "";

  /** A project the engineer works on, with `count` milestones KEY-1…KEY-count and a handoff. */
  async function project(key: string, count: number, first = 1) {
    const p = await t.db.project.create({ data: { key, name: `Project ${key}`, memberships: { create: { userId: engineer.id, role: "engineer" } } } });
    const rows = Array.from({ length: count }, (_, i) => ({ projectId: p.id, key: `${key}-${first + i}`, title: `Step ${first + i}` }));
    for (let i = 0; i < rows.length; i += 500) await t.db.milestone.createMany({ data: rows.slice(i, i + 500) });
    const handoff = await t.db.handoff.create({ data: { projectId: p.id, title: "A paper", authors: [], sections: {} } });
    return { id: p.id, key, handoffId: handoff.id, count: () => t.db.milestone.count({ where: { projectId: p.id } }) };
  }

  const headers = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const decomposePost = (handoffId: string, body: unknown, query = "") =>
    decomposeRoute.POST(new Request(`http://legible.test/api/v1/handoffs/${handoffId}/decompose${query}`, { method: "POST", body: JSON.stringify(body), headers: headers() }), params({ id: handoffId }));

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: "engineer@example.test", name: "Engineer" } });
    engineer = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
    token = (await createToken(engineer, { name: "caps" })).token;
  });
  afterAll(() => t?.drop());

  it(`creates milestones up to ${perProject} a project, by the data function and the API, then refuses with 409`, async () => {
    const p = await project("FULL", perProject - 2);
    await createMilestone(engineer, "FULL", { key: `FULL-${perProject - 1}`, title: "The last but one" });
    const last = await milestonesRoute.POST(
      new Request("http://legible.test/api/v1/projects/FULL/milestones", { method: "POST", body: JSON.stringify({ key: `FULL-${perProject}`, title: "The last" }), headers: headers() }),
      params({ key: "FULL" }),
    );
    expect(last.status).toBe(201);
    expect(await p.count()).toBe(perProject);
    const message = `Project FULL has 1,000 milestones, and a project holds at most 1,000, so no more can be added. Delete one before adding another.`;
    await expect(createMilestone(engineer, "FULL", { key: "FULL-5000", title: "One too many" })).rejects.toThrow(message);
    const refused = await milestonesRoute.POST(
      new Request("http://legible.test/api/v1/projects/FULL/milestones", { method: "POST", body: JSON.stringify({ key: "FULL-5001", title: "One too many" }), headers: headers() }),
      params({ key: "FULL" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await refused.json()).detail).toBe(message);
    expect(await p.count()).toBe(perProject);
  });

  it("lets only as many concurrent creations through as fit", async () => {
    const p = await project("RACE", perProject - 2);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => createMilestone(engineer, "RACE", { key: `RACE-${2000 + i}`, title: `Racer ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await p.count()).toBe(perProject);
  });

  it("refuses a whole decomposition that would pass the cap, naming how many are left; one that fits is made", async () => {
    const p = await project("NEAR", perProject - 1);
    const list = "First new step\nSecond new step after 1";
    const left = "Milestones: Project NEAR has 999 milestones, and a project holds at most 1,000, so 1 more can be added; this would add 2.";
    await expect(decomposeHandoff(engineer, p.handoffId, { list }, { dryRun: true })).rejects.toThrow(left);
    const refused = await decomposePost(p.handoffId, { list });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toBe(`${left} Nothing was created.`);
    expect(await p.count()).toBe(perProject - 1);
    const made = await decomposePost(p.handoffId, { list: "Only new step" });
    expect(made.status).toBe(201);
    expect(await p.count()).toBe(perProject);
    await expect(decomposeHandoff(engineer, p.handoffId, { list: "Yet another step" })).rejects.toThrow(
      "Milestones: Project NEAR has 1,000 milestones, and a project holds at most 1,000, so no more can be added. Delete one before adding another. Nothing was created.",
    );
  });

  it(`refuses a decomposition whose keys would pass ${keyNumber}; the form then offers the smallest free key`, async () => {
    const p = await project("TOP", 1, keyNumber - 1);
    const refused = await decomposePost(p.handoffId, { list: "One more step\nTwo more steps" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toBe(
      `Milestones: the new milestones would need keys up to TOP-100000, past TOP-99999, the largest a key can be (keys continue after TOP-99998). Nothing was created. Create them one at a time with free keys of your choosing.`,
    );
    const made = await decomposeHandoff(engineer, p.handoffId, { list: "One more step" });
    expect(made.milestones.map((m) => m.key)).toEqual(["TOP-99999"]);
    expect((await newMilestoneForm(engineer, "TOP")).nextKey).toBe("TOP-1");
  });

  it(`refuses a prerequisite past ${prerequisites}, by the data function and the API; removing one makes room`, async () => {
    const p = await project("DEPS", prerequisites + 2);
    const byKey = new Map((await t.db.milestone.findMany({ where: { projectId: p.id }, select: { id: true, key: true } })).map((m) => [m.key, m.id]));
    const id = byKey.get("DEPS-1")!;
    await t.db.milestoneDependency.createMany({
      data: Array.from({ length: prerequisites - 1 }, (_, i) => ({ projectId: p.id, milestoneId: id, dependsOnId: byKey.get(`DEPS-${i + 2}`)! })),
    });
    await addDependency(engineer, id, { dependsOn: `DEPS-${prerequisites + 1}` });
    const message = "DEPS-1 already depends on 20 milestones, the most one milestone can. Remove one of them before adding another.";
    await expect(addDependency(engineer, id, { dependsOn: `DEPS-${prerequisites + 2}` })).rejects.toThrow(message);
    const refused = await dependenciesRoute.POST(
      new Request(`http://legible.test/api/v1/milestones/${id}/dependencies`, { method: "POST", body: JSON.stringify({ dependsOn: `DEPS-${prerequisites + 2}` }), headers: headers() }),
      params({ id }),
    );
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toBe(message);
    expect(await t.db.milestoneDependency.count({ where: { milestoneId: id } })).toBe(prerequisites);
    await removeDependency(engineer, id, byKey.get("DEPS-2")!);
    await addDependency(engineer, id, { dependsOn: `DEPS-${prerequisites + 2}` });
    expect(await t.db.milestoneDependency.count({ where: { milestoneId: id } })).toBe(prerequisites);
  });

  it("refuses a decomposed title the milestone form refuses, naming its line and column", async () => {
    const p = await project("LINE", 0);
    for (const [ch, why] of [
      ["\u202E", "contains an invisible text-direction control character (U+202E)"],
      ["\u2066", "contains an invisible text-direction control character (U+2066)"],
      ["\v", "must be on one line"],
      ["\u0085", "must be on one line"],
      ["\u2028", "must be on one line"],
    ]) {
      const res = await decomposePost(p.handoffId, { list: `Fine step\nBad${ch}step after 1` });
      expect(res.status).toBe(422);
      expect((await res.json()).detail).toContain(`Milestones: Line 2, column 4: the title ${why}`);
    }
    expect(await p.count()).toBe(0);
  });

  it("takes only the documented values of ?dryRun= and refuses the rest, or a misspelt dryrun, with 422 naming it", async () => {
    const p = await project("DRY", 0);
    const list = { list: "A step to take" };
    for (const query of ["?dryRun=TRUE", "?dryRun=yes", "?dryRun=", "?dryrun=1", "?DRYRUN=true", "?dryRun=1&dryRun=1"]) {
      const res = await decomposePost(p.handoffId, list, query);
      expect(res.status, query).toBe(422);
      const body = await res.json();
      expect(body.detail, query).toMatch(/dryRun/);
      expect(body.detail, query).toMatch(/Nothing was created\.$/);
      expect(Object.keys(body.errors)).toEqual(["dryRun"]);
    }
    expect(await p.count()).toBe(0);
    for (const query of ["?dryRun=1", "?dryRun=true"]) expect((await decomposePost(p.handoffId, list, query)).status).toBe(200);
    // Other parameters are ignored, as everywhere in the API.
    expect((await decomposePost(p.handoffId, list, "?verbose=1")).status).toBe(201);
    expect(await p.count()).toBe(1);
    expect((await decomposePost(p.handoffId, { list: "Another step" }, "?dryRun=false")).status).toBe(201);
    expect((await decomposePost(p.handoffId, { list: "A third step" }, "?dryRun=0")).status).toBe(201);
    expect(await p.count()).toBe(3);
  });
});
