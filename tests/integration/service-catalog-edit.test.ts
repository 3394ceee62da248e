// Issue 10, item 1: a service's interfaces and dependencies edited in the browser and the API.
// Editing them is editing the service (its owner, admins, planners of projects an editor linked to
// it); every write is audited; stale edits get 409 with what is saved now; a dependency on itself
// or one already recorded is refused; cycles are allowed and named. On SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createInterface, deleteInterface, updateInterface } from "@/lib/data/service-interfaces";
import { addServiceDependency, removeServiceDependency, serviceCycle } from "@/lib/data/service-dependencies";
import { getService, retireService } from "@/lib/data/services";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const NESTED = {
  type: "object",
  required: ["plan"],
  properties: {
    plan: { type: "object", description: "The floor plan.", properties: { rooms: { type: "array", items: { $ref: "#/$defs/Room" } } } },
    units: { type: "string", enum: ["m", "ft"] },
  },
  $defs: { Room: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/Room" } } } } },
};

describeEachProvider("editing a service's interfaces and dependencies", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"owner" | "engineer" | "researcher" | "stranger" | "admin", Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of ["owner", "engineer", "researcher", "stranger", "admin"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role, isAdmin: role === "admin" } });
      actors[role] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const project = await t.db.project.create({
      data: { key: "FLOOR", name: "Floor plans", memberships: { create: [{ userId: actors.engineer.id, role: "engineer" }, { userId: actors.researcher.id, role: "researcher" }] } },
    });
    const milestone = await t.db.milestone.create({ data: { projectId: project.id, key: "FLOOR-1", title: "Serve layouts" } });
    for (const name of ["layout-api", "ai-gateway", "postgres"]) {
      const service = await t.db.service.create({ data: { name, layer: name === "postgres" ? "data" : "api", ownerId: actors.owner.id } });
      // The engineer plans FLOOR, whose milestone the owner linked to layout-api: an editor of it.
      if (name === "layout-api") await t.db.milestoneService.create({ data: { milestoneId: milestone.id, serviceId: service.id, grantsEdit: true } });
    }
  });
  afterAll(() => t?.drop());

  const interfaces = async () => (await t.db.interface.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((i) => i.name);
  const edges = async () => (await t.db.serviceDependency.findMany({ select: { from: { select: { name: true } }, to: { select: { name: true } }, kind: true } })).map((e) => `${e.from.name} ${e.kind} ${e.to.name}`).sort();
  const audits = (action: string) => t.db.auditEvent.count({ where: { action, outcome: "success" } });

  it("an editor adds an interface with a nested schema (as JSON text), edits it with its version, and removes it; each audited", async () => {
    const created = await createInterface(actors.engineer, "layout-api", { name: "createLayout", method: "post", path: "/v1/layouts", summary: "Lays out a plan.", requestSchema: JSON.stringify(NESTED), responseSchema: { type: "object" } });
    expect(created).toMatchObject({ name: "createLayout", method: "POST", kind: "operation", version: 1, requestSchema: NESTED });
    const updated = await updateInterface(actors.owner, "layout-api", created.id, { summary: "Lays out one plan.", responseSchema: "", version: 1 });
    expect(updated).toMatchObject({ summary: "Lays out one plan.", responseSchema: null, version: 2, requestSchema: NESTED });
    // A stale edit: 409 carrying what is saved now; nothing changes.
    await expect(updateInterface(actors.engineer, "layout-api", created.id, { summary: "Mine", version: 1 })).rejects.toMatchObject({ status: 409, current: { summary: "Lays out one plan.", version: 2 } });
    const schema = await createInterface(actors.admin, "layout-api", { kind: "schema", name: "Room", requestSchema: NESTED.$defs.Room });
    expect(schema).toMatchObject({ kind: "schema", method: "", requestSchema: NESTED.$defs.Room });
    expect(await interfaces()).toEqual(["Room", "createLayout"]);
    expect(await deleteInterface(actors.engineer, "layout-api", created.id)).toMatchObject({ name: "createLayout", removed: true });
    expect(await interfaces()).toEqual(["Room"]);
    expect([await audits("service.interface.create"), await audits("service.interface.update"), await audits("service.interface.delete")]).toEqual([2, 1, 1]);
  });

  it("a member who cannot edit the service (a researcher, a stranger) is refused every write (403), audited; nothing changes", async () => {
    const [room] = await t.db.interface.findMany({ where: { name: "Room" } });
    for (const who of ["researcher", "stranger"] as const) {
      await expect(createInterface(actors[who], "layout-api", { name: "x" })).rejects.toMatchObject({ status: 403 });
      await expect(updateInterface(actors[who], "layout-api", room.id, { summary: "x", version: 1 })).rejects.toMatchObject({ status: 403 });
      await expect(deleteInterface(actors[who], "layout-api", room.id)).rejects.toMatchObject({ status: 403 });
      await expect(addServiceDependency(actors[who], "layout-api", { to: "postgres" })).rejects.toMatchObject({ status: 403 });
      await expect(retireService(actors[who], "layout-api", { version: 1 })).rejects.toMatchObject({ status: 403 });
    }
    // The engineer edits layout-api (through FLOOR-1) but not ai-gateway, which nothing links.
    await expect(createInterface(actors.engineer, "ai-gateway", { name: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(addServiceDependency(actors.engineer, "ai-gateway", { to: "layout-api" })).rejects.toMatchObject({ status: 403 });
    expect(await interfaces()).toEqual(["Room"]);
    expect(await edges()).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "service.update", outcome: "denied" } })).toBeGreaterThanOrEqual(11);
  });

  it("refuses bad schemas by line and column, over-deep ones, and a name taken; nothing half-written", async () => {
    await expect(createInterface(actors.owner, "layout-api", { name: "bad", requestSchema: '{\n  "type": "object",\n  "properties": {\n}' })).rejects.toMatchObject({
      status: 422,
      message: "Request schema is not valid JSON: line 4, column 2: unexpected end of input.",
    });
    let deep: unknown = { type: "string" };
    for (let i = 0; i < 100; i++) deep = { type: "object", properties: { a: deep } };
    await expect(createInterface(actors.owner, "layout-api", { name: "deep", responseSchema: deep })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Response schema nests objects and lists more than 64 deep/) });
    await expect(createInterface(actors.owner, "layout-api", { name: "list", requestSchema: "[1, 2]" })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Request schema must be a JSON Schema/) });
    await expect(createInterface(actors.owner, "layout-api", { kind: "schema", name: "S", method: "GET" })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/not an endpoint/) });
    await expect(createInterface(actors.owner, "layout-api", { name: "Room" })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/already has an interface named Room/) });
    await expect(createInterface(actors.owner, "layout-api", { name: "" })).rejects.toMatchObject({ status: 422, message: "Name is required." });
    await expect(createInterface(actors.owner, "layout-api", { name: "m", method: "FETCH" })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Method must be one of GET/) });
    const [room] = await t.db.interface.findMany({ where: { name: "Room" } });
    await expect(updateInterface(actors.owner, "ai-gateway", room.id, { summary: "x", version: 1 })).rejects.toMatchObject({ status: 404 });
    expect(await interfaces()).toEqual(["Room"]);
  });

  it("adds dependencies, refuses itself and duplicates with the visible labels, and flags a cycle", async () => {
    await expect(addServiceDependency(actors.owner, "layout-api", { to: "layout-api" })).rejects.toMatchObject({ status: 422, message: "layout-api cannot depend on itself. Choose another service.", fieldErrors: { to: [expect.any(String)] } });
    await expect(addServiceDependency(actors.owner, "layout-api", { to: "nope" })).rejects.toMatchObject({ status: 422, message: "Service must be a service in the catalog; there is none named nope." });
    await expect(addServiceDependency(actors.owner, "layout-api", { to: "postgres", kind: "writes" })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Kind must be one of calls, reads, publishes/) });
    const reads = await addServiceDependency(actors.engineer, "layout-api", { to: "postgres", kind: "reads", description: "Plans." });
    expect(reads).toMatchObject({ from: "layout-api", to: "postgres", kind: "reads", cycle: null });
    await expect(addServiceDependency(actors.owner, "layout-api", { to: "postgres", kind: "reads" })).rejects.toMatchObject({ status: 409, message: "layout-api already reads from postgres. Pick another service or kind." });
    // Another kind to the same service is another edge.
    await addServiceDependency(actors.owner, "layout-api", { to: "postgres", kind: "calls" });
    const toGateway = await addServiceDependency(actors.owner, "layout-api", { to: "ai-gateway" });
    expect(toGateway.cycle).toBeNull();
    const back = await addServiceDependency(actors.owner, "ai-gateway", { to: "layout-api" });
    expect(back.cycle).toEqual(["ai-gateway", "layout-api"]);
    // A later edge that closes nothing says so, though its service is in a cycle.
    expect((await addServiceDependency(actors.owner, "ai-gateway", { to: "postgres", kind: "reads" })).cycle).toBeNull();
    const layout = await t.db.service.findUniqueOrThrow({ where: { name: "layout-api" } });
    expect(await serviceCycle(layout.id)).toEqual(["layout-api", "ai-gateway"]);
    expect(await edges()).toEqual(["ai-gateway calls layout-api", "ai-gateway reads postgres", "layout-api calls ai-gateway", "layout-api calls postgres", "layout-api reads postgres"]);
    // Removing breaks the cycle; another service's dependency id is not found.
    await expect(removeServiceDependency(actors.owner, "layout-api", back.id)).rejects.toMatchObject({ status: 404 });
    expect(await removeServiceDependency(actors.owner, "ai-gateway", back.id)).toMatchObject({ to: "layout-api", removed: true });
    expect(await serviceCycle(layout.id)).toBeNull();
    expect([await audits("service.dependency.add"), await audits("service.dependency.remove")]).toEqual([5, 1]);
    const { service } = await getService(actors.engineer, "layout-api");
    expect(service.calls.map((c) => c.to.name).sort()).toEqual(["ai-gateway", "postgres", "postgres"]);
  });

  it("reads the runtime through serviceRuntimeSchema, and lists only the projects the caller can see run it", async () => {
    const layout = await t.db.service.findUniqueOrThrow({ where: { name: "layout-api" } });
    await t.db.service.update({ where: { id: layout.id }, data: { runtime: { ports: ["8080:8080"], environment: ["DATABASE_URL", "MODEL_URL"] } } });
    const floor = await t.db.project.findUniqueOrThrow({ where: { key: "FLOOR" } });
    const hidden = await t.db.project.create({ data: { key: "HIDDEN", name: "Hidden" } });
    await t.db.projectService.createMany({ data: [{ projectId: floor.id, serviceId: layout.id }, { projectId: hidden.id, serviceId: layout.id }] });
    const { service } = await getService(actors.engineer, "layout-api");
    expect(service.runtime).toEqual({ ports: ["8080:8080"], environment: ["DATABASE_URL", "MODEL_URL"] });
    expect(service.projects.map((p) => p.project.key)).toEqual(["FLOOR"]);
    expect((await getService(actors.admin, "layout-api")).service.projects.map((p) => p.project.key).sort()).toEqual(["FLOOR", "HIDDEN"]);
    // Milestones carry the handoffs they were decomposed from: why the service exists.
    const handoff = await t.db.handoff.create({ data: { projectId: floor.id, title: "HouseDiffusion", authors: [], sections: {} } });
    const milestone = await t.db.milestone.findFirstOrThrow({ where: { key: "FLOOR-1" } });
    await t.db.handoffMilestone.create({ data: { handoffId: handoff.id, milestoneId: milestone.id } });
    const again = await getService(actors.engineer, "layout-api");
    expect(again.service.milestones[0].milestone.handoffs.map((h) => h.handoff.title)).toEqual(["HouseDiffusion"]);
    // A runtime that does not parse is shown as none, never as something it is not.
    await t.db.service.update({ where: { id: layout.id }, data: { runtime: { ports: "8080" } } });
    expect((await getService(actors.engineer, "layout-api")).service.runtime).toBeNull();
  });

  it("retires a service with the version read; a stale retire gets 409 with what is saved now", async () => {
    const before = await t.db.service.findUniqueOrThrow({ where: { name: "postgres" } });
    await expect(retireService(actors.owner, "postgres", { version: before.version + 1 })).rejects.toMatchObject({ status: 409, current: { lifecycle: "experimental", version: before.version } });
    expect(await retireService(actors.owner, "postgres", { version: before.version })).toMatchObject({ lifecycle: "retired", version: before.version + 1 });
    expect(await audits("service.retire")).toBe(1);
  });
});
