import { describe, expect, it } from "vitest";
import { readCompose } from "./compose";
import { buildComposePlan, type CatalogService, type CatalogState } from "./compose-plan";
import { planNames } from "./plan";

const file = readCompose(
  ["services:", "  api_server:", "    image: example/api:2", "    build: ./api", "    depends_on: [db, queue]", "  db:", "    image: postgres:16", "  queue:", "    image: rabbitmq:3", ""].join("\n"),
  { filename: "compose.yaml" },
);
const runtime = { ports: [], profiles: [], networks: [], environment: [] };
const service = (over: Partial<CatalogService> & { name: string }): CatalogService => ({ id: `id-${over.name}`, layer: "data", image: "", repositoryPath: "", runtime, inProject: true, editable: true, ...over });
const state = (services: CatalogService[], over: Partial<CatalogState> = {}): CatalogState => ({ projectKey: "P", services: new Map(services.map((s) => [s.name, s])), edges: [], projectServices: [], canCreate: true, ...over });

describe("buildComposePlan", () => {
  it("creates what the catalog lacks, services before dependencies, with suggested kinds", () => {
    const built = buildComposePlan(file, state([]));
    expect(planNames(built.plan).create).toEqual(["api-server", "db", "queue", "api-server → db (reads)", "api-server → queue (publishes)"]);
    expect(built.writes.create.map((c) => [c.name, c.layer, c.repositoryPath])).toEqual([["api-server", "api", "./api"], ["db", "data", ""], ["queue", "data", ""]]);
    expect(built.writes.record).toEqual(["api-server", "db", "queue"]);
  });

  it("keeps an existing layer unless one is chosen, changes only stated fields (db states no build: its path stays), and lists drift both ways", () => {
    const built = buildComposePlan(
      file,
      state([service({ name: "api-server", layer: "service", image: "example/api:1", repositoryPath: "./api" }), service({ name: "db", image: "postgres:16", repositoryPath: "infra/db" }), service({ name: "queue", image: "rabbitmq:3", inProject: false })], {
        edges: [{ from: "api-server", to: "db", kind: "calls" }, { from: "db", to: "queue", kind: "calls" }],
        projectServices: ["api-server", "db", "old-thing"],
      }),
      { queue: "worker" },
    );
    expect(built.plan.update.map((e) => [e.name, e.changes?.map((c) => `${c.field}:${c.from}→${c.to}`)])).toEqual([
      ["api-server", ["image:example/api:1→example/api:2"]],
      ["queue", ["layer:data→worker", "project:no→yes"]],
    ]);
    expect(built.plan.update[0].note).toBe("layer Service (as in the catalog; suggested API from name api_server); written api_server in the file");
    expect(planNames(built.plan).unchanged).toEqual(["db", "api-server → db (calls)"]);
    // A chosen worker layer makes the new dependency "publishes".
    expect(planNames(built.plan).create).toEqual(["api-server → queue (publishes)"]);
    expect(planNames(built.plan).missing).toEqual(["old-thing", "db → queue (calls)"]);
  });

  it("names the services the caller may not change; recording that the project runs one needs nothing", () => {
    const services = [service({ name: "api-server", layer: "api", image: "example/api:2", repositoryPath: "./api", editable: false }), service({ name: "db", image: "postgres:16", editable: false, inProject: false })];
    const built = buildComposePlan(file, state(services, { canCreate: false, edges: [{ from: "api-server", to: "db", kind: "reads" }] }));
    // api-server gains a dependency on queue (refused), db is only recorded (allowed), queue is new (refused).
    expect(built.refused).toEqual(["api-server", "queue"]);
    expect(built.services.map((s) => [s.name, s.status, s.allowed])).toEqual([["api-server", "unchanged", false], ["db", "update", true], ["queue", "create", false]]);
  });
});

describe("buildComposePlan: service names that are Object.prototype's keys", () => {
  const names = ["constructor", "tostring", "hasownproperty", "valueof"];
  const odd = readCompose(`services:\n${names.map((n) => `  ${n}:\n    image: example/${n}:1\n`).join("")}`, { filename: "compose.yaml" });

  it("suggests their layers when none is chosen (never Object.prototype's functions)", () => {
    const built = buildComposePlan(odd, state([]));
    expect(built.services.map((s) => [s.name, s.layer])).toEqual(names.map((n) => [n, "service"]));
    expect(built.writes.create.map((c) => c.layer)).toEqual(names.map(() => "service"));
  });

  it("takes a layer chosen under such a name, and only own keys of the layers", () => {
    const layers = Object.fromEntries(names.map((n) => [n, "worker" as const]));
    expect(buildComposePlan(odd, state([]), layers).services.map((s) => s.layer)).toEqual(names.map(() => "worker"));
    // A layers object whose prototype has such keys does not choose them.
    const inherited: Record<string, "data"> = Object.create({ constructor: "data", tostring: "data" });
    expect(buildComposePlan(odd, state([]), inherited).services.map((s) => s.layer)).toEqual(names.map(() => "service"));
  });
});
