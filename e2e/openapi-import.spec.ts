// Importing a service's interfaces in the browser (issue 10, item 4): upload the real petstore
// spec, preview (the four lists, each operation with its method and path), apply, and a re-import
// previews as unchanged with nothing to apply; a refused file shows its line and column. Works on
// a service the test makes itself, since the demo database is shared.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

const petstore = path.join(process.cwd(), "tests", "fixtures", "real", "openapi-petstore.yaml");

test("an engineer uploads an OpenAPI file, previews it, applies it, and a re-import changes nothing", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const name = `e2e-pets-${unique()}`;
  const made = await page.request.post("/api/v1/services", { data: { name, layer: "api" }, headers: ownOrigin() });
  expect(made.status()).toBe(201);

  await page.goto(`/services/${name}/import`);
  await expect(page.getByRole("heading", { name: `Import interfaces into ${name}`, level: 1 })).toBeVisible();
  await page.getByLabel("Upload a file").setInputFiles(petstore);
  await expect(page.getByRole("textbox", { name: "OpenAPI or JSON Schema file" })).toHaveValue(/Swagger Petstore/);
  await page.getByRole("button", { name: "Preview" }).click();

  const created = page.getByRole("region", { name: "Will be created" });
  await expect(created.getByRole("heading")).toHaveText("Will be created (3)");
  await expect(created.getByRole("listitem")).toHaveText([/GET\s*\/pets\s*listPets/, /POST\s*\/pets\s*createPets/, /GET\s*\/pets\/\{petId\}\s*showPetById/]);
  await expect(page.getByRole("region", { name: "Unchanged" }).getByText("None.")).toBeVisible();
  await page.getByRole("button", { name: "Apply: create 3, update 0" }).click();
  await expect(page.getByText("Imported openapi-petstore.yaml: 3 created, 0 updated.")).toBeVisible();

  // Again: everything unchanged, nothing to apply.
  await page.goto(`/services/${name}/import`);
  await page.getByLabel("Upload a file").setInputFiles(petstore);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Unchanged" }).getByRole("heading")).toHaveText("Unchanged (3)");
  await expect(page.getByText(`Nothing to apply: ${name} already has what this file describes.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Apply/ })).toHaveCount(0);

  // A file with a $ref to a local file: refused with its line and column, the line shown.
  const text = page.getByRole("textbox", { name: "OpenAPI or JSON Schema file" });
  await text.fill('openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: /etc/passwd}\n');
  await page.getByRole("button", { name: "Preview" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This file cannot be imported" });
  await expect(alert).toContainText('openapi-petstore.yaml, line 6, column 15: $ref "/etc/passwd" points to a file outside this document.');
  await expect(alert.locator("pre")).toContainText("6 |     A: {$ref: /etc/passwd}");
});

test("a researcher who may not edit a service is told who imports its interfaces", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");
  await page.goto("/services/layout-api/import");
  await expect(page.getByText("Who imports layout-api's interfaces")).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview" })).toHaveCount(0);
});
