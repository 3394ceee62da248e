// Issue 10, items 1 and 2 in the browser: an engineer adds an interface with a nested schema to a
// service they own and reads it as a field table, adds a dependency that closes a cycle and sees
// the cycle named, then removes both. The two services are the engineer's own, made through the
// API with unique names, so parallel tests on the shared demo database never meet them.
import { expect, test } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

const SCHEMA = {
  type: "object",
  required: ["plan"],
  properties: {
    plan: {
      type: "object",
      description: "The floor plan to lay out.",
      properties: { rooms: { type: "array", items: { $ref: "#/$defs/Room" } } },
    },
    units: { type: "string", enum: ["m", "ft"] },
  },
  $defs: { Room: { type: "object", properties: { name: { type: "string", description: "What the room is called." }, area: { type: "number", minimum: 0 } } } },
};

test("an engineer adds an interface with a nested schema and a dependency closing a cycle, then removes both", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const tag = unique();
  const [a, b] = [`e2e-layout-${tag}`, `e2e-store-${tag}`];
  for (const name of [a, b]) {
    const res = await page.request.post("/api/v1/services", { data: { name, layer: "api" }, headers: ownOrigin() });
    expect(res.status()).toBe(201);
  }
  // b already calls a; a calling b closes the cycle.
  expect((await page.request.post(`/api/v1/services/${b}/dependencies`, { data: { to: a, kind: "calls" }, headers: ownOrigin() })).status()).toBe(201);

  await page.goto(`/services/${a}`);
  await expect(page.getByRole("heading", { name: a, level: 1 })).toBeVisible();
  await expect(page.getByTestId("service-cycle")).toHaveCount(0);

  // The interface, with its schema pasted as JSON.
  await page.getByText("Add an interface", { exact: true }).click();
  const add = page.getByRole("form", { name: `Add an interface to ${a}` });
  await add.getByRole("textbox", { name: "Name" }).fill("createLayout");
  await add.getByRole("combobox", { name: "Method" }).selectOption("POST");
  await add.getByRole("textbox", { name: "Path" }).fill("/v1/layouts");
  await add.getByRole("textbox", { name: "Summary" }).fill("Lays out a floor plan.");
  // A syntax error first: named by line and column, nothing saved.
  await add.getByRole("textbox", { name: "Request schema" }).fill('{\n  "type": "object",\n  "properties": {\n}');
  await add.getByRole("button", { name: "Add operation" }).click();
  await expect(add.getByText("Request schema is not valid JSON: line 4, column 2: unexpected end of input.").first()).toBeVisible();
  await add.getByRole("textbox", { name: "Request schema" }).fill(JSON.stringify(SCHEMA, null, 2));
  await add.getByRole("button", { name: "Add operation" }).click();
  await expect(page.getByText("Added the interface createLayout.")).toBeVisible();

  // The field table: required first, the nested object and the $ref by name, folded out on demand.
  const op = page.getByTestId("interface-createLayout");
  await op.getByText("/v1/layouts").click();
  const request = op.getByRole("region", { name: "Request" });
  // The field table (the raw JSON Schema below it stays folded).
  const fields = request.getByRole("table").first();
  await expect(fields.getByRole("rowheader", { name: "plan required" })).toBeVisible();
  await expect(fields.getByText("The floor plan to lay out.")).toBeVisible();
  await expect(fields.getByText('"ft"')).toBeVisible();
  await expect(fields.getByText("rooms", { exact: true })).toBeHidden();
  await fields.getByText("1 field", { exact: true }).click();
  await expect(fields.getByRole("cell", { name: "array of Room" })).toBeVisible();
  await fields.getByText("2 fields in each item").click();
  await expect(fields.getByText("What the room is called.")).toBeVisible();
  await expect(fields.getByText("min 0")).toBeVisible();
  await request.getByText("Raw JSON Schema").click();
  await expect(request.getByText('"$defs"')).toBeVisible();

  // The dependency that closes the cycle, flagged with the cycle in order.
  await page.getByText("Add a dependency", { exact: true }).click();
  const dep = page.getByRole("form", { name: `Add a dependency of ${a}` });
  await dep.getByRole("combobox", { name: "Service" }).selectOption(b);
  await dep.getByRole("textbox", { name: "Description" }).fill("Stores the layouts.");
  await dep.getByRole("button", { name: "Add dependency" }).click();
  await expect(dep.getByText(`This closes a cycle: ${a} → ${b} → ${a}.`)).toBeVisible();
  await expect(page.getByTestId("service-cycle")).toHaveText(`${a} → ${b} → ${a}`);
  // The same dependency twice is refused, naming it.
  await dep.getByRole("combobox", { name: "Service" }).selectOption(b);
  await dep.getByRole("button", { name: "Add dependency" }).click();
  await expect(dep.getByText(`${a} already calls ${b}.`).first()).toBeVisible();

  // Upstream on b's page: a calls it, linked.
  await page.goto(`/services/${b}`);
  const upstream = page.getByRole("list", { name: `Services that depend on ${b}` });
  await expect(upstream.getByRole("link", { name: a })).toBeVisible();
  await expect(page.getByTestId("service-cycle")).toHaveText(`${b} → ${a} → ${b}`);

  // Remove both from a's page.
  await page.goto(`/services/${a}`);
  const downstream = page.getByRole("list", { name: `Services ${a} depends on` });
  await downstream.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove dependency" }).click();
  await expect(page.getByTestId("service-cycle")).toHaveCount(0);
  await expect(downstream.getByRole("link", { name: b })).toHaveCount(0);

  await page.getByTestId("interface-createLayout").getByText("/v1/layouts").click();
  await page.getByRole("button", { name: "Remove createLayout" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove interface" }).click();
  await expect(page.getByTestId("interface-createLayout")).toHaveCount(0);
  await expect(page.getByText("No interfaces are recorded for this service.")).toBeVisible();
});

test("a service saved by someone else while it was being edited shows both versions; retiring asks first", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const name = `e2e-retire-${unique()}`;
  expect((await page.request.post("/api/v1/services", { data: { name, layer: "worker", displayName: "Before" }, headers: ownOrigin() })).status()).toBe(201);

  await page.goto(`/services/${name}/edit`);
  const form = page.getByRole("form", { name: `Edit ${name}` });
  await form.getByRole("textbox", { name: "Display name" }).fill("Mine");
  // Someone else saves first.
  expect((await page.request.patch(`/api/v1/services/${name}`, { data: { displayName: "Theirs", version: 1 }, headers: ownOrigin() })).status()).toBe(200);
  await form.getByRole("button", { name: "Save service" }).click();
  const theirs = form.getByTestId("conflict-theirs");
  await expect(form.getByText("Someone else saved this service while you were editing")).toBeVisible();
  await expect(theirs.locator("[data-differs]")).toContainText("Theirs");
  await expect(form.getByRole("textbox", { name: "Display name" })).toHaveValue("Mine");
  // Saving again is a deliberate overwrite.
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${name}$`));
  await expect(page.getByText("Mine", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Retire" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: `Retire ${name}?` })).toBeVisible();
  await dialog.getByRole("button", { name: "Retire service" }).click();
  await expect(page.getByRole("button", { name: "Retire" })).toHaveCount(0);
  await expect(page.getByText("Retired").first()).toBeVisible();
});
