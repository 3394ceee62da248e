// Issue 10, items 4 and 7: a service's interfaces imported from OpenAPI (the real petstore and
// kserve specs) and from a Pydantic-style JSON Schema; the plan (create, update, unchanged,
// missing), one audited transaction, re-import writing nothing; hostile files refused with nothing
// written. On SQLite and PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { applyInterfaceImport, planInterfaceImport } from "@/lib/data/interface-import";
import { planNames } from "@/lib/import/plan";
import { createToken } from "@/lib/data/tokens";
import * as route from "@/app/api/v1/services/[name]/imports/openapi/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests", "fixtures", name), "utf8");
const petstore = { text: fixture("real/openapi-petstore.yaml"), filename: "openapi-petstore.yaml" };
const kserve = { text: fixture("real/openapi-kserve-predict-v2.yaml"), filename: "openapi-kserve-predict-v2.yaml" };

describeEachProvider("importing a service's interfaces from OpenAPI", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"owner" | "stranger", Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const who of ["owner", "stranger"] as const) {
      const u = await t.db.user.create({ data: { email: `${who}@example.test`, name: who } });
      actors[who] = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    }
    for (const name of ["pets", "model-server", "schemas", "hostile"]) await t.db.service.create({ data: { name, layer: "api", ownerId: actors.owner.id } });
  });
  afterAll(() => t?.drop());

  const interfaces = (service: string) => t.db.interface.findMany({ where: { service: { name: service } }, orderBy: { name: "asc" } });
  const audits = () => t.db.auditEvent.findMany({ where: { action: "service.interfaces.import" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

  it("petstore: the preview lists three operations to create and writes nothing; applying creates them with resolved schemas", async () => {
    const preview = await planInterfaceImport(actors.owner, "pets", petstore);
    expect(preview).toMatchObject({ service: "pets", format: "OpenAPI 3.0", title: "Swagger Petstore", applied: false });
    expect(planNames(preview.plan)).toEqual({ create: ["listPets", "createPets", "showPetById"], update: [], unchanged: [], missing: [] });
    expect(preview.plan.create[0]).toMatchObject({ kind: "interface", method: "GET", path: "/pets" });
    expect(await interfaces("pets")).toEqual([]);
    expect(await audits()).toEqual([]);

    const applied = await applyInterfaceImport(actors.owner, "pets", petstore);
    expect(applied.applied).toBe(true);
    const stored = await interfaces("pets");
    expect(stored.map((i) => [i.name, i.kind, i.method, i.path, i.summary, i.version])).toEqual([
      ["createPets", "operation", "POST", "/pets", "Create a pet", 1],
      ["listPets", "operation", "GET", "/pets", "List all pets", 1],
      ["showPetById", "operation", "GET", "/pets/{petId}", "Info for a specific pet", 1],
    ]);
    const list = stored.find((i) => i.name === "listPets")!;
    expect(list.responseSchema).toEqual({ type: "array", items: { $ref: "#/$defs/Pet" }, $defs: { Pet: { required: ["id", "name"], properties: { id: { type: "integer", format: "int64" }, name: { type: "string" }, tag: { type: "string" } } } } });
    expect(list.requestSchema).toBeNull();
    const [event] = await audits();
    expect(event).toMatchObject({ actorId: actors.owner.id, targetType: "service", outcome: "success", details: { name: "pets", file: "openapi-petstore.yaml", createdCount: 3, updatedCount: 0 } });
  });

  it("re-importing the same file changes nothing and writes nothing, not even an audit row", async () => {
    const before = await interfaces("pets");
    const again = await applyInterfaceImport(actors.owner, "pets", petstore);
    expect(planNames(again.plan)).toEqual({ create: [], update: [], unchanged: ["listPets", "createPets", "showPetById"], missing: [] });
    expect(await interfaces("pets")).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it("a changed file updates what changed (fields named by label, version + 1) and lists what it no longer has", async () => {
    const edited = petstore.text.replace("summary: List all pets", "summary: List the pets").replace(/  \/pets\/\{petId\}:[\s\S]*?(?=components:)/, "").replace("format: int64", "format: int32");
    const plan = await planInterfaceImport(actors.owner, "pets", { text: edited, filename: "petstore.yaml" });
    expect(planNames(plan.plan)).toEqual({ create: [], update: ["listPets"], unchanged: ["createPets"], missing: ["showPetById"] });
    const [update] = plan.plan.update;
    expect(update.changes!.map((c) => c.label)).toEqual(["Summary", "Response schema"]);
    expect(update.changes![0]).toMatchObject({ field: "summary", from: "List all pets", to: "List the pets" });
    await applyInterfaceImport(actors.owner, "pets", { text: edited, filename: "petstore.yaml" });
    const stored = await interfaces("pets");
    expect(stored.map((i) => [i.name, i.version, i.summary])).toEqual([
      ["createPets", 1, "Create a pet"],
      ["listPets", 2, "List the pets"],
      ["showPetById", 1, "Info for a specific pet"], // listed as missing, never deleted
    ]);
    expect(await audits()).toHaveLength(2);
  });

  it("kserve: six operations, the recursive tensor_data stored as a reference to itself; re-import unchanged", async () => {
    const first = await applyInterfaceImport(actors.owner, "model-server", kserve);
    expect(first.plan.create).toHaveLength(6);
    const infer = (await interfaces("model-server")).find((i) => i.method === "POST")!;
    const defs = (infer.requestSchema as { $defs: Record<string, { items: { anyOf: unknown[] } }> }).$defs;
    expect(defs.tensor_data.items.anyOf[0]).toEqual({ $ref: "#/$defs/tensor_data" });
    const again = await planInterfaceImport(actors.owner, "model-server", kserve);
    expect(again.plan.unchanged).toHaveLength(6);
    expect(again.plan.update).toEqual([]);
  });

  it("a Pydantic-style JSON Schema with $defs imports as one schema interface, kept in requestSchema", async () => {
    const file = { text: fixture("openapi/floor-plan-request.schema.json"), filename: "floor-plan-request.schema.json" };
    const result = await applyInterfaceImport(actors.owner, "schemas", file);
    expect(result.format).toBe("JSON Schema");
    expect(result.plan.create).toEqual([{ kind: "schema", name: "FloorPlanRequest", method: "", path: "" }]);
    const [stored] = await interfaces("schemas");
    expect(stored).toMatchObject({ name: "FloorPlanRequest", kind: "schema", method: "", path: "", responseSchema: null });
    expect(Object.keys((stored.requestSchema as { $defs: object }).$defs).sort()).toEqual(["Door", "Room", "RoomType"]);
    expect((await planInterfaceImport(actors.owner, "schemas", file)).plan.unchanged).toHaveLength(1);
  });

  it("only those who may edit the service import (403, audited as denied); bad input is 422 naming the field", async () => {
    await expect(planInterfaceImport(actors.stranger, "pets", petstore)).rejects.toMatchObject({ status: 403 });
    await expect(applyInterfaceImport(actors.stranger, "pets", petstore)).rejects.toMatchObject({ status: 403 });
    expect(await t.db.auditEvent.count({ where: { action: "service.update", outcome: "denied", actorId: actors.stranger.id } })).toBe(2);
    await expect(planInterfaceImport(actors.owner, "nope", petstore)).rejects.toMatchObject({ status: 404 });
    await expect(planInterfaceImport(actors.owner, "pets", { text: 5 })).rejects.toMatchObject({ status: 422, message: "OpenAPI or JSON Schema file must be text." });
    await expect(planInterfaceImport(actors.owner, "pets", { text: "" })).rejects.toMatchObject({ status: 422, message: "OpenAPI or JSON Schema file is required." });
  });

  it("the API: a dry run unless ?apply=1 (or true); other apply values are 422 and write nothing", async () => {
    const { token } = await createToken(actors.owner, { name: "import" });
    const post = (query: string, body: unknown = { text: petstore.text, filename: "petstore.yaml" }) =>
      route.POST(
        new Request(`http://test/api/v1/services/api-pets/imports/openapi${query}`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
        { params: Promise.resolve({ name: "api-pets" }) },
      );
    await t.db.service.create({ data: { name: "api-pets", layer: "api", ownerId: actors.owner.id } });
    for (const query of ["", "?apply=0", "?apply=false"]) {
      const res = await post(query);
      expect(res.status, query).toBe(200);
      expect(await res.json()).toMatchObject({ applied: false, plan: { create: [{ name: "listPets", method: "GET", path: "/pets" }, {}, {}] } });
    }
    for (const query of ["?apply=yes", "?apply=", "?Apply=1", "?apply=1&apply=1", "?apply=TRUE"]) {
      const res = await post(query);
      expect(res.status, query).toBe(422);
      expect((await res.json()).detail, query).toMatch(/Nothing was written\.$/);
    }
    expect(await interfaces("api-pets")).toEqual([]);
    const bad = await post("?apply=1", { text: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {$ref: ./a.yaml}}}\n", filename: "a.yaml" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ detail: expect.stringMatching(/^a\.yaml, line 4, column \d+: \$ref "\.\/a\.yaml" points to a file/), errors: { file: [expect.any(String)] } });
    const applied = await post("?apply=1");
    expect(await applied.json()).toMatchObject({ applied: true, plan: { create: [{}, {}, {}] } });
    expect(await interfaces("api-pets")).toHaveLength(3);
  });

  it("the API: a file with 4,000 mistakes is refused at once with ONE message naming the first, its line and column; nothing written", async () => {
    const { token } = await createToken(actors.owner, { name: "many-errors" });
    await t.db.service.create({ data: { name: "many-errors", layer: "api", ownerId: actors.owner.id } });
    const props = Array.from({ length: 4_000 }, (_, k) => `f${k}: {bad: 1}`).join(",");
    const text = `openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths:\n  /p:\n    post:\n      operationId: op\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {${props}}}\n      responses:\n        "200": {description: ok}\n`;
    const started = Date.now();
    const res = await route.POST(
      new Request("http://test/api/v1/services/many-errors/imports/openapi", { method: "POST", body: JSON.stringify({ text, filename: "err4000.yaml" }), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
      { params: Promise.resolve({ name: "many-errors" }) },
    );
    console.log(`4,000 mistakes (${Math.round(text.length / 1024)} KB): answered ${res.status} in ${Date.now() - started} ms`);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.detail).toBe("err4000.yaml, line 10, column 59: paths › /p › post › requestBody › content › application/json › schema › properties › f0: bad is not expected to be here (must NOT have additional properties).");
    expect(body.errors).toEqual({ file: [expect.any(String)] });
    expect(await interfaces("many-errors")).toEqual([]);
  });

  it("two imports at once: the interfaces are created once; the second finds them or is told to preview again (409)", async () => {
    await t.db.service.create({ data: { name: "race-pets", layer: "api", ownerId: actors.owner.id } });
    const outcomes = await Promise.allSettled([applyInterfaceImport(actors.owner, "race-pets", petstore), applyInterfaceImport(actors.owner, "race-pets", petstore)]);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ status: 409, message: expect.stringContaining("preview the file again") });
    }
    expect(outcomes.some((o) => o.status === "fulfilled")).toBe(true);
    expect((await interfaces("race-pets")).map((i) => [i.name, i.version])).toEqual([
      ["createPets", 1],
      ["listPets", 1],
      ["showPetById", 1],
    ]);
  });

  it("hostile files are refused with a clear message, and nothing is written", async () => {
    const head = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\n';
    const operation = (operationId: string, route = "/a") => `${head}paths:\n  ${JSON.stringify(route)}:\n    get:\n      operationId: ${JSON.stringify(operationId)}\n      responses:\n        "200": {description: ok}\n`;
    const bombSchemas = Array.from({ length: 40 }, (_, i) => `    A${i}:\n      type: object\n      properties:\n        a: {$ref: "#/components/schemas/A${i + 1}"}\n        b: {$ref: "#/components/schemas/A${i + 1}"}\n`).join("");
    const cases: [string, string, RegExp][] = [
      ["alias bomb", `${head}x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nx-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nx-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nx-f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\npaths: {}\n`, /alias bomb|expands to more than/],
      ["deep nesting", `${head}paths: {}\nx-deep: ${"[".repeat(100)}${"]".repeat(100)}\n`, /nested more than 64 deep/],
      ["over the size cap", `${head}paths: {}\nx-pad: "${"a".repeat(1_000_001)}"\n`, /the limit is 1\.0 MB/],
      ["a → b → a", `${head}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/B"}\n    B: {$ref: "#/components/schemas/A"}\n`, /come back to it/],
      ["a ref to itself", `${head}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/A"}\n`, /\(A → A\), so it names no schema/],
      ["reference bomb", `${head}paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "#/components/schemas/A0"}\ncomponents:\n  schemas:\n${bombSchemas}    A40: {type: string}\n`, /more than 300,000 values/],
      ["unknown top-level keys", "services:\n  api: {image: x}\nvolumes: {}\n", /not an OpenAPI document .* keys services, volumes/],
      ["swagger 2.0", 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n', /Swagger 2\.0 is not supported; convert to OpenAPI 3/],
      ["a local file", `${head}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: /etc/passwd}\n`, /points to a file outside this document/],
      ["a URL", `${head}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "http://169.254.169.254/"}\n`, /points to a URL outside this document/],
      // The interface form's rules: what the catalog could not take from the form, it does not take from a file.
      ["an operation name with U+202E", operation("listRooms\u202Egpj.exe"), /^hostile\.yaml, line 6, column 20: the operation "GET \/a": Name contains an invisible text-direction control character \(U\+202E\)/],
      ["an operation name with U+2066", operation("list\u2066Rooms"), /line 6, column 20: the operation "GET \/a": Name contains an invisible text-direction control character \(U\+2066\)/],
      ["an operation name with a line break", operation("list\nRooms"), /line 6, column 20: the operation "GET \/a": Name must be on one line/],
      ["a path with U+202E", operation("listRooms", "/rooms\u202E/x"), /line 5, column 5: the operation "GET \/rooms\\u202e\/x": Path contains an invisible text-direction control character \(U\+202E\)/],
      ["a JSON Schema title with U+202E and a line break", JSON.stringify({ title: "Room\u202Egpj.exe\nX", type: "object" }), /line 1, column \d+: the schema "Room\\u202egpj\.exe\\nX": Name must be on one line/],
      // $refs follow the file's own keys only, never Object.prototype's.
      ...["#/constructor/prototype", "#/__proto__", "#/components/constructor/prototype", "#/constructor", "#/toString", "#/components/schemas/constructor"].map((ref): [string, string, RegExp] => [
        `$ref ${ref}`,
        `${head}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "${ref}"}\n`,
        new RegExp(`^hostile\\.yaml, line 6, column 15: \\$ref "${ref.replace(/[$]/g, "\\$&")}" points to nothing in this file\\.$`),
      ]),
    ];
    for (const [what, text, message] of cases) {
      const refusal = await applyInterfaceImport(actors.owner, "hostile", { text, filename: "hostile.yaml" }).then(
        () => new Error(`${what} was accepted`),
        (error: Error) => error,
      );
      expect(refusal, what).toMatchObject({ status: 422, message: expect.stringMatching(message) });
      expect(refusal.message, what).toMatch(/^hostile\.yaml(, line \d+, column \d+)?: /);
    }
    expect(await interfaces("hostile")).toEqual([]);
    expect(await audits()).toHaveLength(6); // petstore twice, kserve, the JSON Schema, the API, the race: none from these
  });
});
