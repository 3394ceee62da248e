// Planning on the map and from a service's page (issue 9, items 2 and 3): an engineer draws a
// dependency by dragging from one milestone's handle to another and the edge appears; a drag that
// would close a cycle is refused with the cycle named in order; a researcher's map has no handles;
// an engineer links a milestone from a service's page and sees it on the milestone's page.
// The map tests use a project of their own (made by the demo manager, with the demo engineer and
// researcher as members) so that the whole map is in view and no other test's milestones move it.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { demoAccount } from "./helpers/demo";
import { signedInAs, unique } from "./helpers/handoff";

type Milestone = { id: string; key: string };

async function post(page: Page, url: string, data: unknown): Promise<Record<string, unknown>> {
  const response = await page.request.post(url, { data, headers: ownOrigin() });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return response.json();
}

/**
 * A project with three milestones in a chain, A → B → C (B waits for A, C waits for B), made by
 * the demo manager, with the demo engineer and researcher as members in those roles.
 */
async function chainProject(browser: Browser): Promise<{ key: string; a: Milestone; b: Milestone; c: Milestone }> {
  const manager = await signedInAs(browser, "manager");
  const key = `MC${unique().toUpperCase().slice(0, 6)}`;
  await post(manager, "/api/v1/projects", { key, name: `Map planning ${key}` });
  for (const role of ["engineer", "researcher"] as const) await post(manager, `/api/v1/projects/${key}/members`, { email: demoAccount(role).email, role });
  const make = async (n: number, title: string) => (await post(manager, `/api/v1/projects/${key}/milestones`, { key: `${key}-${n}`, title })).milestone as Milestone;
  const a = await make(1, "Collect floor plans");
  const b = await make(2, "Train the layout model");
  const c = await make(3, "Serve layouts");
  await post(manager, `/api/v1/milestones/${b.id}/dependencies`, { dependsOn: a.key });
  await post(manager, `/api/v1/milestones/${c.id}/dependencies`, { dependsOn: b.key });
  await manager.context().close();
  return { key, a, b, c };
}

/** The handle a drag starts from (right: "finishes before") or ends on (left: "waits for"). */
const source = (page: Page, m: Milestone) => page.getByTitle(`Drag to a milestone that must wait for ${m.key}`, { exact: true });
const target = (page: Page, m: Milestone) => page.getByTitle(`Drag to the milestone ${m.key} must wait for`, { exact: true });
const dependencyEdge = (page: Page, from: Milestone, to: Milestone) => page.getByRole("group", { name: `Dependency: ${from.key} must finish before ${to.key}`, exact: true });

/** A pointer drag from one handle to another, as a person makes it. */
async function drag(page: Page, from: Locator, to: Locator) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
  await page.mouse.up();
}

test("an engineer drags from one milestone's handle to another and the dependency appears", async ({ browser }) => {
  const { key, a, b, c } = await chainProject(browser);
  const page = await signedInAs(browser, "engineer");
  await page.goto(`/projects/${key}/map`);
  // How to draw a dependency is in the toolbar's help ("?"), which closes on Escape.
  await page.getByRole("button", { name: "Map help" }).click();
  await expect(page.getByText("To add a dependency, drag from a milestone's right-hand handle to the milestone that must wait for it")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByText("To add a dependency")).toBeHidden();
  await expect(dependencyEdge(page, a, b)).toHaveCount(1);
  await expect(dependencyEdge(page, a, c)).toHaveCount(0);

  // C waits for A: from A's right-hand handle to C's left-hand one.
  await drag(page, source(page, a), target(page, c));
  await expect(page.getByRole("status").filter({ hasText: `${c.key} now depends on ${a.key}.` })).toBeVisible();
  await expect(dependencyEdge(page, a, c)).toHaveCount(1);

  // Selecting the new edge offers its removal, confirmed first.
  await dependencyEdge(page, a, c).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("map-details");
  await expect(panel.getByRole("heading", { name: `${a.key} must finish before ${c.key}` })).toBeVisible();
  await panel.getByRole("button", { name: "Remove dependency…" }).click();
  await panel.getByRole("group", { name: "Confirm removal" }).getByRole("button", { name: "Remove dependency" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${c.key} no longer depends on ${a.key}.` })).toBeVisible();
  await expect(dependencyEdge(page, a, c)).toHaveCount(0);
  await expect(dependencyEdge(page, a, b)).toHaveCount(1);
});

test("a drag that would close a cycle is refused, the cycle named in order", async ({ browser }) => {
  const { key, a, b, c } = await chainProject(browser);
  const page = await signedInAs(browser, "engineer");
  await page.goto(`/projects/${key}/map`);

  // A waiting for C would close A → C → B → A.
  await drag(page, source(page, c), target(page, a));
  await expect(page.getByRole("alert").filter({ hasText: "would close a cycle" })).toContainText(`would close a cycle: ${a.key} → ${c.key} → ${b.key} → ${a.key}`);
  await expect(dependencyEdge(page, c, a)).toHaveCount(0);

  // The keyboard's way in, the details panel, does not offer the cycle at all: C waits for B,
  // so B's choices leave C out (and A, which it already waits for).
  await page.getByRole("button", { name: "Show as list" }).click();
  await page.getByRole("button", { name: `Focus ${b.key} Train the layout model on the map`, exact: true }).click();
  const choices = page.getByRole("form", { name: `Add a prerequisite to ${b.key}` }).getByRole("combobox", { name: "Add prerequisite" });
  await expect(choices.locator(`option[value="milestone:${c.id}"]`)).toHaveCount(0);
  await expect(choices.locator(`option[value="milestone:${a.id}"]`)).toHaveCount(0);
});

test("a researcher's map has no handles and offers no planning", async ({ browser }) => {
  const { key, a } = await chainProject(browser);
  const page = await signedInAs(browser, "researcher");
  await page.goto(`/projects/${key}/map`);
  await expect(page.getByRole("group", { name: new RegExp(`Milestone ${a.key} `) })).toBeVisible();
  await expect(page.locator(".react-flow__handle.connectable")).toHaveCount(0);
  await expect(page.getByTitle(/^Drag to/)).toHaveCount(0);
  await expect(page.getByText("To add a dependency")).toHaveCount(0);
});

test("an engineer links a milestone from a service's page and sees it on the milestone's page", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  let m: Milestone | undefined;
  for (let attempt = 0; attempt < 5 && !m; attempt++) {
    const key = `FLOOR-${10_000 + Math.floor(Math.random() * 89_999)}`;
    const response = await page.request.post("/api/v1/projects/FLOOR/milestones", { data: { key, title: `Render previews ${unique()}` }, headers: ownOrigin() });
    if (response.status() !== 409) m = (await response.json()).milestone as Milestone;
  }
  if (!m) throw new Error("no free milestone key after 5 tries");

  await page.goto("/services/layout-api");
  const add = page.getByRole("form", { name: "Add milestone" });
  await add.getByRole("combobox", { name: "Milestone", exact: true }).selectOption({ value: m.id });
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByText(`${m.key} is now implemented by layout-api.`)).toBeVisible();
  const list = page.getByRole("list", { name: "Milestones layout-api implements" });
  await expect(list.getByText(m.key, { exact: true })).toBeVisible();

  await page.goto(`/projects/FLOOR/milestones/${m.id}`);
  await expect(page.getByRole("link", { name: "layout-api", exact: true })).toBeVisible();

  // And unlinked again from the service's page.
  await page.goto("/services/layout-api");
  await page.getByRole("form", { name: `Remove ${m.key}` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("list", { name: "Milestones layout-api implements" }).getByText(m.key, { exact: true })).toHaveCount(0);
});
