// The services catalog offers each person what the permission matrix lets them do, and nothing
// more: in the demo the researcher owns floorplan-generator only and plans no work, the engineer
// owns layout-api and plans Floor-plan milestones (which use ai-gateway, whose owner, the admin,
// linked them, and floorplan-generator, linked by planners who cannot edit it), and postgres is
// used by no milestone of theirs.
import { expect, test } from "@playwright/test";
import { signedInAs, unique } from "./helpers/handoff";

test("a researcher sees no way to add services or edit others', and edits the one they own", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");

  await page.goto("/services");
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);
  await page.goto("/services/new");
  await expect(page.getByText("Engineers, managers and owners of a project add services")).toBeVisible();
  await expect(page.getByRole("form", { name: "New service" })).toHaveCount(0);

  await page.goto("/services/layout-api");
  await expect(page.getByRole("heading", { name: "layout-api", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
  await page.goto("/services/layout-api/edit");
  await expect(page.getByText("Who edits layout-api")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit layout-api" })).toHaveCount(0);

  await page.goto("/services/floorplan-generator");
  await page.getByRole("link", { name: "Edit service" }).click();
  const form = page.getByRole("form", { name: "Edit floorplan-generator" });
  await expect(form.getByRole("textbox", { name: "Owner's email" })).toHaveValue("researcher@legible.demo");
  const note = `Checked by the researcher ${unique()}.`;
  await form.getByRole("textbox", { name: "Description" }).fill(note);
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(page).toHaveURL(/\/services\/floorplan-generator$/);
  await expect(page.getByText(note)).toBeVisible();
});

test("an engineer adds a service they then own, edits those their milestones use, and no other", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const name = `e2e-worker-${unique()}`;

  await page.goto("/services");
  await page.getByRole("link", { name: "New service" }).click();
  const form = page.getByRole("form", { name: "New service" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByRole("combobox", { name: "Layer" }).selectOption("worker");
  await form.getByRole("button", { name: "Add service" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${name}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Tomás Herrera").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit service" })).toBeVisible();

  // ai-gateway belongs to the admin, and Floor-plan milestones use it: editable, not reassignable.
  await page.goto("/services/ai-gateway/edit");
  const edit = page.getByRole("form", { name: "Edit ai-gateway" });
  await expect(edit.getByRole("combobox", { name: "Lifecycle" })).toBeVisible();
  await expect(edit.getByRole("textbox", { name: "Owner's email" })).toHaveCount(0);

  // Floor-plan milestones use floorplan-generator too, but its editors never linked them: read only.
  await page.goto("/services/floorplan-generator");
  await expect(page.getByRole("heading", { name: "floorplan-generator", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);

  // No milestone of the engineer's uses postgres.
  await page.goto("/services/postgres");
  await expect(page.getByRole("heading", { name: "postgres", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
});
