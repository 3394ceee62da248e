// `npm run legible -- import-compose` as a real process against a test database (issue 10, item
// 6): --json prints the plan's names and exits 0 without writing; --apply writes; a re-run
// changes nothing; a bad file exits 1 naming line and column; an unknown user or a denied action
// exits 2.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runLegible } from "../helpers/cli";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const root = path.resolve(import.meta.dirname, "..", "..");
const onyx = path.join(root, "tests", "fixtures", "real", "compose-onyx.yml");


const legible = runLegible;

describeEachProvider("legible import-compose", (provider) => {
  let t: TestDb;
  const bad = path.join(os.tmpdir(), `legible-bad-compose-${process.pid}.yml`);

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const engineer = await t.db.user.create({ data: { email: "engineer@example.test", name: "Engineer" } });
    const viewer = await t.db.user.create({ data: { email: "viewer@example.test", name: "Viewer" } });
    await t.db.project.create({ data: { key: "ONYX", name: "Onyx", memberships: { create: [{ userId: engineer.id, role: "engineer" }, { userId: viewer.id, role: "viewer" }] } } });
    writeFileSync(bad, "services:\n  web:\n    imagee: nginx\n");
  });
  afterAll(() => t?.drop());

  const count = () => Promise.all([t.db.service.count(), t.db.serviceDependency.count(), t.db.projectService.count()]);

  it("previews with --json (exit 0, nothing written), applies with --apply, and a re-run changes nothing", async () => {
    const preview = await legible(t.url, ["import-compose", onyx, "--project", "ONYX", "--as", "engineer@example.test", "--json"]);
    expect(preview.code, preview.stderr).toBe(0);
    const plan = JSON.parse(preview.stdout);
    expect(Object.keys(plan)).toEqual(["create", "update", "unchanged", "missing"]);
    expect(plan.create).toHaveLength(12 + 15);
    expect(plan.create).toContain("api-server");
    expect(plan.create).toContain("nginx → api-server (calls)");
    expect(await count()).toEqual([0, 0, 0]);

    const applied = await legible(t.url, ["import-compose", onyx, "--project", "ONYX", "--as", "engineer@example.test", "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Created \(27\):/m);
    expect(await count()).toEqual([12, 15, 12]);

    const again = await legible(t.url, ["import-compose", onyx, "--project", "ONYX", "--as", "engineer@example.test", "--apply", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ create: [], update: [], missing: [] });
    expect(await count()).toEqual([12, 15, 12]);
  }, 60_000);

  it("a bad file exits 1 with one line naming the line and column; a user or permission problem exits 2", async () => {
    const [badFile, missing, unknownUser, denied, noProject] = await Promise.all([
      legible(t.url, ["import-compose", bad, "--project", "ONYX", "--as", "engineer@example.test", "--json"]),
      legible(t.url, ["import-compose", "/nonexistent/compose.yml", "--project", "ONYX", "--as", "engineer@example.test"]),
      legible(t.url, ["import-compose", onyx, "--project", "ONYX", "--as", "nobody@example.test"]),
      legible(t.url, ["import-compose", onyx, "--project", "ONYX", "--as", "viewer@example.test", "--apply"]),
      legible(t.url, ["import-compose", onyx, "--as", "engineer@example.test"]),
    ]);
    expect(badFile.code).toBe(1);
    expect(badFile.stderr.trim()).toMatch(/^legible import-compose: legible-bad-compose-\d+\.yml, line 3, column 5: services\.web: imagee is not a service key/);
    expect(badFile.stdout).toBe("");
    expect(missing.code).toBe(1);
    expect(unknownUser.code).toBe(2);
    expect(unknownUser.stderr).toMatch(/no active account has the email nobody@example\.test/);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/cannot import services/);
    expect(noProject.code).toBe(2);
    expect(await count()).toEqual([12, 15, 12]);
  }, 60_000);
});
