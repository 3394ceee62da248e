// The map as code in the browser (issue 10, item 5): an engineer downloads a project as YAML from
// its overview, then imports a map of a project of their own from the import page: the dry run
// lists what would be created, Apply writes it, and a second dry run finds nothing to change.
// A project of its own keeps the shared demo database's other projects untouched.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signedInAs, unique } from "./helpers/handoff";

test("export FLOOR as YAML from the project overview", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/FLOOR");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as YAML" }).click()]);
  expect(download.suggestedFilename()).toBe("floor-map.yaml");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("format: 1\nproject:\n  key: FLOOR\n");
  expect(text).toContain("  - key: FLOOR-15\n");
  expect(text).toContain("  - name: layout-api\n");
});

test("import a map: dry run in four sections, apply, then nothing to change", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const key = `M${unique().toUpperCase().slice(0, 6)}`;
  const map = [
    "format: 1",
    "project:",
    `  key: ${key}`,
    "  name: Imported from a map",
    "milestones:",
    `  - key: ${key}-1`,
    "    title: Collect the data",
    "    implementedBy: [postgres]",
    `  - key: ${key}-2`,
    "    title: Train the model",
    "    status: in_progress",
    `    dependsOn: [${key}-1]`,
    "",
  ].join("\n");
  await page.goto("/projects");
  await page.getByRole("link", { name: "Import a project map" }).click();
  await expect(page.getByRole("heading", { name: "Import a project map", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a project map" });
  await form.getByRole("textbox", { name: /Map file/ }).fill(map);
  await expect(form.getByRole("button", { name: /^Apply/ })).toBeDisabled();
  await form.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText(`Dry run for ${key}: nothing was written.`)).toBeVisible();
  const create = page.locator('[data-section="Would create"]');
  await expect(create).toContainText(`${key}-2 → ${key}-1`);
  await expect(create).toContainText(`${key}-1 implemented by postgres`);
  await expect(page.locator('[data-section="In the project, not in the file (left alone)"]')).toBeVisible();
  await form.getByRole("button", { name: "Apply 5 changes" }).click();
  await expect(page.getByText(`Imported into ${key}.`)).toBeVisible();
  await expect(page.locator('[data-section="Created"]')).toContainText(`milestone ${key}-1`);

  await form.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("The project already matches the file: applying would change nothing.")).toBeVisible();
  await page.goto(`/projects/${key}`);
  await expect(page.getByRole("heading", { name: "Imported from a map", level: 1 })).toBeVisible();
});

test("a broken map is refused with its line and column, and nothing is written", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/import");
  const form = page.getByRole("form", { name: "Import a project map" });
  await form.getByRole("textbox", { name: /Map file/ }).fill("format: 1\nproject:\n  key: FLOOR\n  name: Floor-plan generation\n  colour: blue\n");
  await form.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("map.yaml, line 5, column 11: unknown key “colour” in project")).toBeVisible();
});
