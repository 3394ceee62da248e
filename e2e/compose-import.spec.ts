// Compose import (issue 10, item 3) in the browser: an engineer opens it from the project map,
// uploads a compose file, sees an error at its line and column, previews the fixed file (the
// services with their suggested layers and reasons, the plan's sections), changes one layer,
// applies, and a second preview finds nothing to change. Its own service names, so parallel tests
// and the shared demo are left alone.
import { expect, test } from "@playwright/test";
import { signedInAs, unique } from "./helpers/handoff";

test("an engineer imports a compose file from the map: preview, change a layer, apply, re-import changes nothing", async ({ browser }) => {
  const tag = unique();
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/FLOOR/map");
  await page.getByRole("link", { name: "Import a compose file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a compose file" })).toBeVisible();

  const file = (imageKey: string) =>
    [
      "services:",
      `  e2e-${tag}-edge:`,
      "    image: nginx:1.27",
      '    ports: ["80:80"]',
      `    depends_on: [e2e_${tag}_api]`,
      `  e2e_${tag}_api:`,
      `    build: services/e2e-${tag}`,
      `    ${imageKey}: example/e2e-api:1`,
      "    environment: [DATABASE_URL=postgresql://secret@db/app]",
      `    depends_on: [e2e-${tag}-db]`,
      `  e2e-${tag}-db:`,
      "    image: postgres:16",
      "",
    ].join("\n");

  // A typo is named at its line and column, with the line shown.
  await page.getByLabel("Upload a file").setInputFiles({ name: "compose.yaml", mimeType: "application/yaml", buffer: Buffer.from(file("imagee")) });
  await expect(page.getByRole("textbox", { name: "Compose file" })).toHaveValue(file("imagee"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "compose.yaml" })).toContainText("compose.yaml, line 8, column 5: services.e2e_");
  await expect(page.getByRole("alert").filter({ hasText: "compose.yaml" })).toContainText("imagee is not a service key of the Compose specification. Did you mean image?");

  await page.getByRole("textbox", { name: "Compose file" }).fill(file("image"));
  await page.getByRole("button", { name: "Preview" }).click();
  const table = page.getByRole("table", { name: "Services in the file" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table).toContainText(`written e2e_${tag}_api in the file`);
  await expect(table).toContainText("suggested Gateway: image nginx:1.27");
  await expect(table).toContainText("suggested Data: image postgres:16");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("Create (5)");
  await expect(preview).toContainText(`e2e-${tag}-api → e2e-${tag}-db (reads)`);
  await expect(preview).not.toContainText("secret@db");

  // The layer is changeable: the preview is asked again with it.
  await page.getByRole("combobox", { name: `Layer of e2e-${tag}-api` }).selectOption("service");
  await expect(preview).toContainText(`e2e-${tag}-api · layer Service (chosen; suggested API from name e2e_${tag}_api)`);

  await page.getByRole("button", { name: "Apply: 5 to create, 0 to update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("5 created and 0 updated in one transaction");
  // The preview after applying: the same file changes nothing.
  await expect(page.getByRole("button", { name: "Nothing to apply" })).toBeDisabled();
  await expect(preview).toContainText("Create (0)");
  await expect(preview).toContainText("Unchanged (5)");

  await page.goto(`/services/e2e-${tag}-api`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("body")).toContainText(`services/e2e-${tag}`);
});
