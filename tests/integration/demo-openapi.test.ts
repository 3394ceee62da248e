// The demo monorepo's OpenAPI specs (docs/examples/demo-monorepo/openapi/<service>.yaml) describe
// exactly the interfaces the demo seeds (lib/demo/plan/services.ts): each imports into a scratch
// service with the same names, methods, paths, summaries and schemas, so the demo seed can go
// through the import. Interfaces that are not HTTP operations (a queue message, a database's wire
// protocol) have no OpenAPI form and are listed here, so a new demo interface needs a spec or a
// reason. On SQLite and PostgreSQL.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { applyInterfaceImport } from "@/lib/data/interface-import";
import { sortedKeys } from "@/lib/import/openapi-schemas";
import { SERVICES } from "@/lib/demo/plan/services";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const dir = path.join(process.cwd(), "docs", "examples", "demo-monorepo", "openapi");
/** Demo interfaces no OpenAPI document can hold: service → interface names. */
const NOT_HTTP: Record<string, string[]> = { "render-worker": ["render.requested"], postgres: ["sql"] };

describeEachProvider("the demo monorepo's OpenAPI specs", (provider) => {
  let t: TestDb;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: "admin@example.test", name: "Admin", isAdmin: true } });
    admin = { id: u.id, email: u.email, name: u.name, isAdmin: true, ip: "127.0.0.1", userAgent: "vitest" };
  });
  afterAll(() => t?.drop());

  it("there is one spec per demo service with HTTP interfaces, and the others are not HTTP", () => {
    const specs = readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();
    const http = SERVICES.filter((s) => s.interfaces.length > 0 && !NOT_HTTP[s.name]).map((s) => s.name).sort();
    expect(specs).toEqual(http);
    for (const [name, interfaces] of Object.entries(NOT_HTTP)) {
      const service = SERVICES.find((s) => s.name === name)!;
      expect(service.interfaces.map((i) => i.name)).toEqual(interfaces);
      expect(service.interfaces.every((i) => i.method === "" && !i.path.startsWith("/"))).toBe(true);
    }
  });

  for (const seed of SERVICES.filter((s) => s.interfaces.length > 0 && !NOT_HTTP[s.name])) {
    it(`${seed.name}.yaml imports as exactly the demo's interfaces of ${seed.name}`, async () => {
      const scratch = `scratch-${seed.name}`;
      await t.db.service.create({ data: { name: scratch, layer: seed.layer } });
      const filename = `${seed.name}.yaml`;
      const text = readFileSync(path.join(dir, filename), "utf8");
      const result = await applyInterfaceImport(admin, scratch, { text, filename });
      expect(result.format).toBe("OpenAPI 3.1");
      const stored = await t.db.interface.findMany({ where: { service: { name: scratch } } });
      const shape = (i: { name: string; method: string; path: string; summary: string; requestSchema?: unknown; responseSchema?: unknown }) => ({
        name: i.name,
        method: i.method,
        path: i.path,
        summary: i.summary,
        requestSchema: sortedKeys(i.requestSchema ?? null),
        responseSchema: sortedKeys(i.responseSchema ?? null),
      });
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      expect(stored.map(shape).sort(byName)).toEqual(seed.interfaces.map(shape).sort(byName));
      expect(stored.every((i) => i.kind === "operation")).toBe(true);
      // Importing it again changes nothing.
      expect((await applyInterfaceImport(admin, scratch, { text, filename })).plan.unchanged).toHaveLength(seed.interfaces.length);
    });
  }
});
