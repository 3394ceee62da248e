// `npm run legible -- import-openapi <file> --service <name> --as <email> [--apply] [--json]`,
// spawned as the real command against a test database (issue 10, item 6): without --apply nothing
// is written; --json prints the plan's names and exits 0; a bad file prints one line with the line
// and column and exits 1; an unknown user or a denied action exits 2. On SQLite and PostgreSQL.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runLegible } from "../helpers/cli";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const root = path.resolve(import.meta.dirname, "..", "..");
const petstore = path.join(root, "tests", "fixtures", "real", "openapi-petstore.yaml");


const legible = runLegible;

describeEachProvider("legible import-openapi", (provider) => {
  let t: TestDb;
  const dir = mkdtempSync(path.join(tmpdir(), "legible-openapi-"));

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const owner = await t.db.user.create({ data: { email: "owner@example.test", name: "Owner" } });
    await t.db.user.create({ data: { email: "reader@example.test", name: "Reader" } });
    await t.db.service.create({ data: { name: "pets", layer: "api", ownerId: owner.id } });
  });
  afterAll(() => t?.drop());

  const count = () => t.db.interface.count();

  it("previews with --json (exit 0, nothing written), then applies, then finds nothing to change", async () => {
    const preview = await legible(t.url, ["import-openapi", petstore, "--service", "pets", "--as", "owner@example.test", "--json"]);
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.stdout)).toEqual({ create: ["listPets", "createPets", "showPetById"], update: [], unchanged: [], missing: [] });
    expect(await count()).toBe(0);

    const applied = await legible(t.url, ["import-openapi", petstore, "--service", "pets", "--as", "owner@example.test", "--apply"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('openapi-petstore.yaml: OpenAPI 3.0 "Swagger Petstore" → pets');
    expect(applied.stdout).toContain("Created (3):\n  interface listPets");
    expect(await count()).toBe(3);

    const again = await legible(t.url, ["import-openapi", petstore, "--service", "pets", "--as", "owner@example.test", "--apply", "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ create: [], update: [], unchanged: ["listPets", "createPets", "showPetById"], missing: [] });
    expect(await t.db.auditEvent.count({ where: { action: "service.interfaces.import" } })).toBe(1);
  }, 120_000);

  it("a bad file exits 1 with one line naming the line and column; nothing is written", async () => {
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(bad, 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "/etc/passwd"}\n');
    const run = await legible(t.url, ["import-openapi", bad, "--service", "pets", "--as", "owner@example.test", "--apply"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^legible import-openapi: bad\.yaml, line 6, column 15: \$ref "\/etc\/passwd" points to a file outside this document\./);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const swagger = path.join(dir, "swagger.json");
    writeFileSync(swagger, '{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}}');
    const old = await legible(t.url, ["import-openapi", swagger, "--service", "pets", "--as", "owner@example.test"]);
    expect([old.code, old.stderr]).toEqual([1, "legible import-openapi: swagger.json, line 1, column 13: Swagger 2.0 is not supported; convert to OpenAPI 3 (for example with swagger2openapi, or the converter at editor.swagger.io) and import that.\n"]);
    expect((await legible(t.url, ["import-openapi", path.join(dir, "none.yaml"), "--service", "pets", "--as", "owner@example.test"])).code).toBe(1);
    expect(await count()).toBe(3);
  }, 120_000);

  it("an unknown user, a user who may not edit the service, an unknown service or a missing option exits 2", async () => {
    const unknown = await legible(t.url, ["import-openapi", petstore, "--service", "pets", "--as", "nobody@example.test", "--apply"]);
    expect([unknown.code, unknown.stderr]).toEqual([2, "legible import-openapi: no active account has the email nobody@example.test.\n"]);
    const denied = await legible(t.url, ["import-openapi", petstore, "--service", "pets", "--as", "reader@example.test", "--apply"]);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/^legible import-openapi: Only .* can edit it\.\n$/);
    expect((await legible(t.url, ["import-openapi", petstore, "--service", "nope", "--as", "owner@example.test"])).code).toBe(2);
    const noService = await legible(t.url, ["import-openapi", petstore, "--as", "owner@example.test"]);
    expect([noService.code, noService.stderr]).toEqual([2, "legible import-openapi: --service <name> is required: the service whose interfaces the file describes.\n"]);
    expect(await count()).toBe(3);
  }, 120_000);
});
