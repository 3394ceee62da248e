// Issue 11, item 4: a planner drags a node on a project map; it stays pinned there for the team
// after a reload, marked as pinned; "Re-layout" (confirmed) puts every node back where the layout
// puts it. On a project of the test's own, so other specs' maps never move.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

/** The node's position on the map (React Flow's translate, in map coordinates, whatever the zoom). */
async function mapPosition(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  expect(match, transform).not.toBeNull();
  return { x: Number(match![1]), y: Number(match![2]) };
}

async function makeProject(page: Page) {
  const key = `PN${unique().slice(0, 5).toUpperCase()}`;
  const headers = ownOrigin();
  expect((await page.request.post("/api/v1/projects", { data: { key, name: `Pins ${key}` }, headers })).status()).toBe(201);
  const ids: string[] = [];
  for (const [i, title] of ["Room-graph encoder", "Diffusion sampler", "Vector export"].entries()) {
    const res = await page.request.post(`/api/v1/projects/${key}/milestones`, { data: { key: `${key}-${i + 1}`, title }, headers });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).milestone.id);
  }
  for (let i = 1; i < ids.length; i++) {
    expect((await page.request.post(`/api/v1/milestones/${ids[i]}/dependencies`, { data: { dependsOn: `${key}-${i}` }, headers })).status()).toBe(201);
  }
  return key;
}

test("a planner drags a node, it stays pinned after a reload, and re-layout puts it back", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const key = await makeProject(page);
  await page.goto(`/projects/${key}/map`);
  const node = page.getByRole("group", { name: new RegExp(`^Milestone ${key}-2 `) });
  await expect(node).toBeVisible();
  const computed = await mapPosition(node);
  // Nothing pinned yet: nothing to re-lay out, so the toolbar offers no Re-layout.
  await expect(page.getByRole("button", { name: "Re-layout" })).toHaveCount(0);

  // Drag it well below the others.
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/projects/${key}/map/pins`) && r.request().method() === "PUT");
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 80, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 160, { steps: 8 });
  await page.mouse.up();
  expect((await saved).status()).toBe(200);
  await expect(node.getByTestId("map-pin")).toBeVisible();
  const moved = await mapPosition(node);
  expect(moved.y).toBeGreaterThan(computed.y + 60);

  // For the team: after a reload (a fresh load of the map) it is where it was left.
  await page.reload();
  await expect(node).toBeVisible();
  expect(await mapPosition(node)).toEqual(moved);
  await expect(node.getByTestId("map-pin")).toBeVisible();
  await expect(page.getByText("1 pinned node")).toBeVisible();

  // The panel says it is pinned.
  await node.click();
  await expect(page.getByTestId("map-details").getByText("Pinned on this map for the team.")).toBeVisible();
  await page.keyboard.press("Escape");

  // Re-layout asks first, then drops the pin.
  await page.getByRole("button", { name: "Re-layout" }).click();
  const confirm = page.getByRole("group", { name: "Confirm re-layout" });
  await expect(confirm).toContainText("Unpin the pinned node for everyone");
  const cleared = page.waitForResponse((r) => r.url().endsWith(`/api/v1/projects/${key}/map/pins`) && r.request().method() === "DELETE");
  await confirm.getByRole("button", { name: "Re-layout" }).click();
  expect((await cleared).status()).toBe(200);
  await expect(node.getByTestId("map-pin")).toHaveCount(0);
  expect(await mapPosition(node)).toEqual(computed);
  await page.reload();
  await expect(node).toBeVisible();
  expect(await mapPosition(node)).toEqual(computed);
  await page.context().close();
});

test("a researcher, who may not plan, cannot drag nodes and sees no re-layout", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");
  await page.goto("/projects/FLOOR/map");
  const first = page.locator(".react-flow__node").first();
  await expect(first).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-layout" })).toHaveCount(0);
  await expect(first).not.toHaveClass(/draggable/);
  await page.context().close();
});
