// Issue 10, items 3 and 7: compose import into a project, with the three real compose files, on
// SQLite and PostgreSQL. Re-importing changes nothing and writes nothing (not even an audit
// event); drift is listed both ways; who may change what is enforced; hostile files are refused
// with a clear message and nothing is written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { applyComposeImport, planComposeImport } from "@/lib/data/compose-import";
import { parseApply } from "@/lib/import/plan";
import { planChangesSomething, planNames } from "@/lib/import/plan";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "fixtures", "real", name), "utf8");

describeEachProvider("compose import", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"engineer" | "researcher" | "viewer" | "other" | "admin", Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of ["engineer", "researcher", "viewer", "other", "admin"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role, isAdmin: role === "admin" } });
      actors[role] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const members = (["engineer", "researcher", "viewer"] as const).map((role) => ({ userId: actors[role].id, role }));
    await t.db.project.create({ data: { key: "ONYX", name: "Onyx", memberships: { create: members } } });
    await t.db.project.create({ data: { key: "FLOW", name: "Langflow", memberships: { create: [...members, { userId: actors.other.id, role: "engineer" }] } } });
    await t.db.project.create({ data: { key: "SUPA", name: "Supabase", memberships: { create: members } } });
  });
  afterAll(() => t?.drop());

  const counts = async () => ({
    services: await t.db.service.count(),
    dependencies: await t.db.serviceDependency.count(),
    projectServices: await t.db.projectService.count(),
    imports: await t.db.auditEvent.count({ where: { action: "project.importServices", outcome: "success" } }),
  });

  // Supabase and Langflow both name their database "db": the catalog is one for the organisation,
  // so the second file updates the service the first created.
  it.each([
    ["ONYX", "compose-onyx.yml", 12, 15, 0],
    ["SUPA", "compose-supabase.yml", 13, 18, 0],
    ["FLOW", "compose-langflow.yml", 11, 9, 1],
  ])("imports %s from %s: %i services and %i dependencies; re-importing changes and writes nothing", async (key, file, services, edges, shared) => {
    const input = { text: fixture(file), filename: file };
    const before = await counts();
    const preview = await planComposeImport(actors.engineer, key, input);
    expect(preview.services).toHaveLength(services);
    expect(preview.plan.create.filter((e) => e.kind === "service")).toHaveLength(services - shared);
    expect(preview.plan.update.map((e) => e.name)).toEqual(shared ? ["db"] : []);
    // The preview warns that Supabase's project runs that db too (the reviewer's Langflow file
    // silently rewrote it).
    if (shared) expect(preview.plan.update[0].note).toMatch(/also run by Supabase: these changes apply there too \(if this is a different service, give it its own name in the file\)/);
    expect(preview.plan.create.filter((e) => e.kind === "dependency")).toHaveLength(edges);
    expect(await counts()).toEqual(before);

    const applied = await applyComposeImport(actors.engineer, key, input);
    expect(planNames(applied.plan)).toEqual(planNames(preview.plan));
    const after = await counts();
    expect(after).toEqual({ services: before.services + services - shared, dependencies: before.dependencies + edges, projectServices: before.projectServices + services, imports: before.imports + 1 });

    const again = await planComposeImport(actors.engineer, key, input);
    expect(again.plan.create).toEqual([]);
    expect(again.plan.update).toEqual([]);
    expect(again.plan.missing).toEqual([]);
    expect(again.plan.unchanged).toHaveLength(services + edges);
    const reapplied = await applyComposeImport(actors.engineer, key, input);
    expect(reapplied.plan.create.length + reapplied.plan.update.length).toBe(0);
    expect(await counts()).toEqual(after);
  });

  it("keeps environment variable names, never their values, and maps compose names to DNS-safe names", async () => {
    const api = await t.db.service.findUniqueOrThrow({ where: { name: "api-server" } });
    expect(api).toMatchObject({ layer: "api", repositoryPath: "../../backend", image: "${ONYX_BACKEND_IMAGE:-onyxdotapp/onyx-backend:${IMAGE_TAG:-latest}}" });
    expect(api.runtime).toMatchObject({ ports: ["8080:8080"], environment: expect.arrayContaining(["AUTH_TYPE", "S3_AWS_SECRET_ACCESS_KEY"]) });
    expect(JSON.stringify(api.runtime)).not.toMatch(/minioadmin|basic/);
    const kinds = await t.db.serviceDependency.findMany({ where: { from: { name: "backend" } }, select: { kind: true, to: { select: { name: true } } } });
    expect(Object.fromEntries(kinds.map((k) => [k.to.name, k.kind]))).toEqual({ db: "reads", broker: "publishes", "result-backend": "reads" });
  });

  it("lists drift both ways and never deletes; an existing service keeps its layer unless one is chosen; unstated fields are left alone", async () => {
    // The catalog gains a dependency the file does not state, and FLOW records a service the file lacks.
    const [backend, frontend, pgadmin] = await Promise.all(["backend", "frontend", "pgadmin"].map((name) => t.db.service.findUniqueOrThrow({ where: { name } })));
    await t.db.serviceDependency.create({ data: { fromId: frontend.id, toId: backend.id, kind: "calls" } });
    await t.db.service.update({ where: { id: backend.id }, data: { layer: "service", description: "Hand-written." } });
    const flow = await t.db.project.findUniqueOrThrow({ where: { key: "FLOW" } });
    const extra = await t.db.service.create({ data: { name: "legacy-cron", layer: "worker" } });
    await t.db.projectService.create({ data: { projectId: flow.id, serviceId: extra.id } });

    const input = { text: fixture("compose-langflow.yml"), filename: "compose.yml", layers: { pgadmin: "data" as const } };
    const preview = await planComposeImport(actors.engineer, "FLOW", input);
    expect(planNames(preview.plan).missing).toEqual(["legacy-cron", "frontend → backend (calls)"]);
    expect(preview.plan.update.map((e) => [e.name, e.changes?.map((c) => `${c.field}: ${c.from} → ${c.to}`)])).toEqual([["pgadmin", ["layer: service → data"]]]);
    expect(preview.services.find((s) => s.name === "backend")).toMatchObject({ status: "unchanged", layer: "service", suggestedLayer: "api", existingLayer: "service" });

    const before = await counts();
    await applyComposeImport(actors.engineer, "FLOW", input);
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
    expect(await t.db.service.findUniqueOrThrow({ where: { id: pgadmin.id } })).toMatchObject({ layer: "data", version: pgadmin.version + 1 });
    expect(await t.db.service.findUniqueOrThrow({ where: { id: backend.id } })).toMatchObject({ layer: "service", description: "Hand-written." });
  });

  it("needs a planning role; a service the caller may not change is named in the preview and applying is refused (403)", async () => {
    const input = { text: fixture("compose-langflow.yml") };
    await expect(planComposeImport(actors.viewer, "FLOW", input)).rejects.toMatchObject({ status: 403 });
    await expect(planComposeImport(actors.researcher, "FLOW", input)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/cannot import services/) });
    await expect(planComposeImport(actors.other, "ONYX", input)).rejects.toMatchObject({ status: 404 });

    // "other" plans in FLOW but does not own or edit its services: a changed image is refused.
    const changed = fixture("compose-langflow.yml").replace("image: postgres:15.4", "image: postgres:16.1");
    const preview = await planComposeImport(actors.other, "FLOW", { text: changed });
    expect(preview.refused).toEqual(["db"]);
    expect(preview.services.find((s) => s.name === "db")).toMatchObject({ allowed: false, status: "update" });
    const before = await counts();
    await expect(applyComposeImport(actors.other, "FLOW", { text: changed })).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/: db\. /) });
    expect(await counts()).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { action: "project.importServices", outcome: { not: "success" }, actorId: actors.other.id } })).toBeGreaterThan(0);
    // The same file unchanged needs no edit rights: nothing to write.
    expect((await applyComposeImport(actors.other, "FLOW", { text: fixture("compose-langflow.yml") })).refused).toEqual([]);
    // The owner (who imported it) may.
    await applyComposeImport(actors.engineer, "FLOW", { text: changed });
    expect((await t.db.service.findUniqueOrThrow({ where: { name: "db" } })).image).toBe("postgres:16.1");
  });

  const hostile: [string, string, RegExp][] = [
    ["an alias bomb", `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nservices: {}\n`, /alias/],
    ["deep nesting", `services:\n  web:\n    x-deep: ${"[".repeat(100)}${"]".repeat(100)}\n`, /nested more than/],
    ["a file over the size cap", `services:\n  web:\n    image: nginx\n# ${"x".repeat(1_000_001)}\n`, /Compose file must be at most 1,000,000 characters/],
    ["a file over the size cap in bytes", `services:\n  web:\n    image: nginx\n# ${"€".repeat(340_000)}\n`, /the file is 1\.0 MB; the limit is 1\.0 MB/],
    ["an unknown service key", `services:\n  web:\n    imagee: nginx\n`, /line 3, column 5: services\.web: imagee is not a service key .* Did you mean image\?/],
    ["an unknown top-level key", `servics:\n  web:\n    image: nginx\n`, /line 1, column 1: servics is not a top-level key .* Did you mean services\?/],
    ["a duplicate service name", `services:\n  web:\n    image: nginx\n  web:\n    image: caddy\n`, /line 4, column 3: the key web appears twice/],
    ["names that clash once made DNS-safe", `services:\n  api_server:\n    image: a\n  api-server:\n    image: b\n`, /line 4, column 3: services: api_server and api-server would both be api-server/],
    ["an extends cycle", `services:\n  a:\n    extends: b\n  b:\n    extends:\n      service: a\n`, /extends goes round in a circle: a → b → a/],
    ["extends.file", `services:\n  a:\n    extends:\n      file: base.yml\n      service: web\n`, /line 4, column 7: services\.a\.extends\.file: extends\.file names another file/],
    ["a dependency on no service", `services:\n  a:\n    image: x\n    depends_on: [b]\n`, /line 4, column 18: services\.a\.depends_on\[0\]: b is not a service of this file/],
    ["a reserved name", `services:\n  new:\n    image: x\n`, /line 2, column 3: services: the service name new cannot be a catalog name: it “new” is reserved/],
    ["a wrong form", `services:\n  a:\n    ports: 8080\n`, /line 3, column 5: services\.a\.ports: expected a list of ports/],
    // What the service form refuses (lib/validation/service.ts), refused by the same schemas.
    ["a line break in an image", 'services:\n  api:\n    image: "x\\ny"\n', /line 3, column 5: services\.api\.image: Image must be on one line/],
    ["a NUL in an image", 'services:\n  api:\n    image: "x\\0y"\n', /line 3, column 5: services\.api\.image: Image contains a NUL character/],
    ["a text-direction control in an image", 'services:\n  api:\n    image: "x\\u202eevil"\n', /line 3, column 5: services\.api\.image: Image contains an invisible text-direction control character \(U\+202E\)/],
    ["a text-direction control in an environment name", 'services:\n  api:\n    image: x\n    environment: ["A\\u202eB=1"]\n', /line 4, column \d+: services\.api\.environment\[0\]: Environment variables contains an invisible text-direction control/],
    ["a text-direction control in a port", 'services:\n  api:\n    image: x\n    ports: ["8\\u202e0:80"]\n', /line 4, column \d+: services\.api\.ports\[0\]: Ports contains an invisible text-direction control/],
    ["more than 100 dependencies from one service", `services:\n  a:\n    image: x\n    depends_on: [${Array.from({ length: 101 }, (_, i) => `t${i}`).join(",")}]\n${Array.from({ length: 101 }, (_, i) => `  t${i}:\n    image: x\n`).join("")}`, /line 4, column 5: services\.a\.depends_on: a states 101 dependencies \(depends_on and links\); a service may state at most 100/],
  ];
  it.each(hostile)("refuses %s with a clear message (422) and writes nothing", async (_what, text, message) => {
    const before = await counts();
    await expect(applyComposeImport(actors.engineer, "SUPA", { text })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
  });

  it("refuses more than 1,000 services, and layers for services the file does not have", async () => {
    const many = `services:\n${Array.from({ length: 1_001 }, (_, i) => `  s${i}:\n    image: x\n`).join("")}`;
    await expect(planComposeImport(actors.engineer, "SUPA", { text: many })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/1,001 services; an import takes at most 1,000/) });
    await expect(planComposeImport(actors.engineer, "SUPA", { text: fixture("compose-supabase.yml"), layers: { nope: "api" } })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Layers names nope/) });
    await expect(planComposeImport(actors.engineer, "SUPA", { text: fixture("compose-supabase.yml"), layers: { db: "database" } })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Layers/) });
    await expect(planComposeImport(actors.engineer, "SUPA", {})).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Compose file/) });
  });

  it("refuses the review's file (1,000 services × 170 dependencies, 870 KB) at its first service", async () => {
    const N = 1_000;
    const text = `services:\n${Array.from({ length: N }, (_, i) => `  s${i}:\n    image: b\n    depends_on: [${Array.from({ length: 170 }, (_, j) => `s${(i + j + 1) % N}`).join(",")}]\n`).join("")}`;
    const before = await counts();
    await expect(planComposeImport(actors.engineer, "SUPA", { text })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/line 4, column 5: services\.s0\.depends_on: s0 states 170 dependencies/) });
    expect(await counts()).toEqual(before);
  });

  it("imports 1,000 services with 5,000 dependencies, with an answer proportionate to the file", async () => {
    const N = 1_000;
    const text = `services:\n${Array.from({ length: N }, (_, i) => `  big${i}:\n    image: b\n    depends_on: [${Array.from({ length: 5 }, (_, j) => `big${(i + j + 1) % N}`).join(",")}]\n`).join("")}`;
    const preview = await planComposeImport(actors.engineer, "SUPA", { text });
    expect(preview.plan.create).toHaveLength(N + 5_000);
    expect(JSON.stringify(preview).length).toBeLessThan(2 * text.length * 10);
  });

  it("imports services named like Object.prototype's keys, with layers chosen under those names; __proto__ is refused", async () => {
    const names = ["constructor", "tostring", "hasownproperty", "valueof"];
    const text = `services:\n${names.map((n, i) => `  ${n === "tostring" ? "toString" : n === "hasownproperty" ? "hasOwnProperty" : n}:\n    image: example/${n}:1\n${i ? `    depends_on: [${names[0]}]\n` : ""}`).join("")}`;
    const layers = { constructor: "worker" as const, toString: "gateway" as const, hasownproperty: "model" as const };
    const preview = await planComposeImport(actors.engineer, "SUPA", { text, layers });
    expect(preview.services.map((s) => [s.name, s.layer])).toEqual([["constructor", "worker"], ["tostring", "gateway"], ["hasownproperty", "model"], ["valueof", "service"]]);
    const applied = await applyComposeImport(actors.engineer, "SUPA", { text, layers });
    expect(applied.applied).toBe(true);
    expect((await t.db.service.findUniqueOrThrow({ where: { name: "constructor" } })).layer).toBe("worker");
    expect(planChangesSomething((await applyComposeImport(actors.engineer, "SUPA", { text, layers })).plan)).toBe(false);
    // Layers for names the file does not have, however they are spelt, are refused.
    await expect(planComposeImport(actors.engineer, "SUPA", { text: fixture("compose-supabase.yml"), layers: { constructor: "api" } })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Layers names constructor/) });
    await expect(planComposeImport(actors.engineer, "SUPA", { text: fixture("compose-supabase.yml"), layers: JSON.parse('{"__proto__": "api"}') })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Layers names __proto__/) });
  });

  it("reads ?apply= strictly", () => {
    expect(parseApply(new URLSearchParams(""))).toBe(false);
    expect(parseApply(new URLSearchParams("apply=1"))).toBe(true);
    expect(parseApply(new URLSearchParams("apply=false"))).toBe(false);
    expect(() => parseApply(new URLSearchParams("apply=yes"))).toThrow(/apply must be/);
    expect(() => parseApply(new URLSearchParams("Apply=1"))).toThrow(/spelt apply/);
  });
});
