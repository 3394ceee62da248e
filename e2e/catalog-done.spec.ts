// Issue 10's "Done when", in the browser, as the demo engineer: the demo seed imported the
// monorepo's compose file into FLOOR and each OpenAPI spec into its service, so uploading them
// again previews nothing to create or update; FLOOR's map shows the file's services (postgres
// included) and layout-api implementing its milestones; FLOOR exported as YAML from the overview
// and imported again on /projects/import changes nothing; and a changed compose file (a new
// service of the test's own reading postgres, one dependency dropped) previews as its creates
// plus the drift, applies, and appears on the map.
//
// One test, in order: the round trip must not see this test's own compose import land between
// its export and its dry run. The demo database is shared with other specs that add services to
// FLOOR (their own names), so the drift section is only checked for what this test caused, and
// no count of the shared demo is asserted beyond "nothing to create or update".
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signedInAs, unique } from "./helpers/handoff";

const monorepo = path.join(process.cwd(), "docs", "examples", "demo-monorepo");
const composeFile = path.join(monorepo, "compose.yaml");
const layoutSpec = path.join(monorepo, "openapi", "layout-api.yaml");
/** The services of the demo monorepo's compose file. */
const COMPOSE_SERVICES = ["ai-gateway", "project-api", "layout-api", "floorplan-generator", "constraint-checker", "render-worker", "postgres", "object-store"];

const serviceNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Service ${name}, `) });
const section = (page: Page, title: string) => page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: new RegExp(`^${title} \\(\\d+\\)$`) });

test("the engineer re-imports the demo monorepo with nothing changed, sees it on FLOOR's map, round-trips FLOOR as YAML, and imports a changed compose file", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInAs(browser, "engineer");

  await test.step("the demo's compose file again: nothing to create or update, nothing to apply", async () => {
    await page.goto("/projects/FLOOR/import/compose");
    await expect(page.getByRole("heading", { level: 1, name: "Import a compose file" })).toBeVisible();
    await page.getByLabel("Upload a file").setInputFiles(composeFile);
    await expect(page.getByRole("textbox", { name: "Compose file" })).toHaveValue(/name: legible-demo/);
    await page.getByRole("button", { name: "Preview" }).click();
    const table = page.getByRole("table", { name: "Services in the file" });
    for (const name of COMPOSE_SERVICES) await expect(table.getByRole("row").filter({ hasText: name }).first()).toContainText("Unchanged");
    await expect(section(page, "Create")).toHaveText("Create (0)");
    await expect(section(page, "Update")).toHaveText("Update (0)");
    // Unchanged: the 8 services and their 10 dependencies (it grows only if someone adds to the file).
    await expect(page.getByRole("region", { name: "Preview" })).toContainText(/Unchanged \(18\)/);
    await expect(page.getByText("You may not change some of these services")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Nothing to apply" })).toBeDisabled();
    await expect(page.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
  });

  await test.step("layout-api's OpenAPI spec again: all unchanged", async () => {
    await page.goto("/services/layout-api/import");
    await page.getByLabel("Upload a file").setInputFiles(layoutSpec);
    await expect(page.getByRole("textbox", { name: "OpenAPI or JSON Schema file" })).toHaveValue(/openapi: 3\.1/);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "Unchanged" }).getByRole("heading")).toHaveText("Unchanged (2)");
    await expect(page.getByRole("region", { name: "Unchanged" }).getByRole("listitem")).toHaveText([/POST\s*\/v1\/layouts\/generate\s*generateLayouts/, /GET\s*\/v1\/layouts\/generations\/\{generationId\}\s*getGeneration/]);
    await expect(page.getByRole("region", { name: "Will be created" }).getByRole("heading")).toHaveText("Will be created (0)");
    await expect(page.getByText("Nothing to apply: layout-api already has what this file describes.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
  });

  await test.step("FLOOR's map: the file's services, postgres included, and layout-api implementing its milestones", async () => {
    await page.goto("/projects/FLOOR/map");
    for (const name of COMPOSE_SERVICES) await expect(serviceNode(page, name), name).toHaveCount(1);
    for (const key of ["FLOOR-5", "FLOOR-12", "FLOOR-14", "FLOOR-15"]) {
      await expect(page.getByRole("img", { name: `${key} implemented by layout-api`, exact: true })).toHaveCount(1);
    }
    await expect(page.getByRole("img", { name: "layout-api reads from postgres", exact: true })).toHaveCount(1);
    await page.getByRole("button", { name: "Show as list" }).click();
    await page.getByRole("button", { name: "Focus layout-api on the map" }).click();
    const panel = page.getByTestId("map-details");
    await expect(panel.getByRole("heading", { name: "layout-api" })).toBeVisible();
    const upstream = panel.getByRole("region", { name: /^Upstream: \d+$/ });
    for (const key of ["FLOOR-5", "FLOOR-12", "FLOOR-14", "FLOOR-15"]) await expect(upstream).toContainText(key);
    await expect(panel.getByRole("region", { name: /^Downstream: \d+$/ })).toContainText("postgres");
  });

  await test.step("export FLOOR as YAML from the overview, import that file: nothing to create, update or miss", async () => {
    await page.goto("/projects/FLOOR");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as YAML" }).click()]);
    expect(download.suggestedFilename()).toBe("floor-map.yaml");
    const exported = await download.path();
    const text = readFileSync(exported, "utf8");
    for (const name of COMPOSE_SERVICES) expect(text).toContain(`  - name: ${name}\n`);

    await page.goto("/projects/import");
    const form = page.getByRole("form", { name: "Import a project map" });
    await form.getByLabel("Upload").setInputFiles({ name: "floor-map.yaml", mimeType: "application/yaml", buffer: Buffer.from(text) });
    await expect(form.getByRole("textbox", { name: /Map file/ })).toHaveValue(text);
    await form.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByText("Dry run for FLOOR: nothing was written.")).toBeVisible();
    await expect(page.getByText("The project already matches the file: applying would change nothing.")).toBeVisible();
    for (const title of ["Would create", "Would update", "In the project, not in the file (left alone)"]) {
      await expect(page.locator(`[data-section="${title}"] > summary`), title).toHaveText(new RegExp(`^\\s*0\\s*${title.replace(/[()]/g, "\\$&")}$`));
    }
    await expect(page.locator('[data-section="Unchanged"] > summary')).not.toHaveText(/^\s*0\s/);
    // Apply is not offered for a file that changes nothing.
    await expect(form.getByRole("button", { name: /^Apply/ })).toBeDisabled();
  });

  const tag = unique();
  const store = `feature-store-${tag}`;
  await test.step("a changed compose file: the new service and its dependency to create, the dropped dependency as drift; apply; on the map", async () => {
    const original = readFileSync(composeFile, "utf8");
    const changed = original
      .replace("      constraint-checker:\n        condition: service_started\n      postgres:", "      postgres:")
      .replace("  postgres:\n    <<: *service\n", `  ${store}:\n    <<: *service\n    image: ghcr.io/legible-demo/feature-store:0.1.0\n    build: services/feature-store\n    depends_on: [postgres]\n\n  postgres:\n    <<: *service\n`);
    expect(changed).toContain(`depends_on: [postgres]`);
    expect(changed).not.toContain("constraint-checker:\n        condition: service_started");

    await page.goto("/projects/FLOOR/import/compose");
    await page.getByLabel("Upload a file").setInputFiles({ name: "compose.yaml", mimeType: "application/yaml", buffer: Buffer.from(changed) });
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(section(page, "Create")).toHaveText("Create (2)");
    await expect(section(page, "Update")).toHaveText("Update (0)");
    await expect(preview).toContainText(`${store} · layer Service`);
    await expect(preview).toContainText(`${store} → postgres (reads)`);
    // The drift: the catalog keeps layout-api → constraint-checker, which the file no longer has.
    await expect(preview).toContainText("layout-api → constraint-checker (calls)");
    await page.getByRole("button", { name: "Apply: 2 to create, 0 to update" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("2 created and 0 updated in one transaction");
    await expect(page.getByRole("button", { name: "Nothing to apply" })).toBeDisabled();
    await expect(section(page, "Create")).toHaveText("Create (0)");

    await page.goto("/projects/FLOOR/map");
    await expect(serviceNode(page, store)).toHaveCount(1);
    await expect(page.getByRole("img", { name: `${store} reads from postgres`, exact: true })).toHaveCount(1);
    // Nothing was deleted: layout-api still calls constraint-checker.
    await expect(page.getByRole("img", { name: "layout-api calls constraint-checker", exact: true })).toHaveCount(1);
  });
  await page.context().close();
});
