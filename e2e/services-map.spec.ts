// The map part of issue 10, item 2: the demo project's map keeps postgres (no milestone links it,
// but FLOOR runs it: the demo imports the monorepo's compose file; and layout-api and project-api
// read it), saying why it is there; the organisation-wide services
// map shows every demo service in the lane of its layer, and marks a cycle made through the API
// (services of the test's own, never the demo's).
import { expect, test, type Page } from "@playwright/test";
import { SERVICES } from "@/lib/demo/plan/services";
import { statusLabel } from "@/components/ui/status";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

const serviceNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Service ${name}, `) });

/** Where a node sits on screen, to compare with its lane's band. */
async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  expect(b, selector).not.toBeNull();
  return b!;
}

test("the FLOOR map shows postgres, run by the project, with the services that read it", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/FLOOR/map");
  await expect(serviceNode(page, "postgres")).toHaveCount(1);
  await page.getByRole("button", { name: "Show as list" }).click();
  await page.getByRole("button", { name: "Focus postgres on the map" }).click();
  const panel = page.getByTestId("map-details");
  await expect(panel.getByRole("heading", { name: "postgres" })).toBeVisible();
  // The demo imports the monorepo's compose file into FLOOR, which records postgres as run by it.
  await expect(panel.getByTestId("map-reason")).toHaveText("Run by this project");
  // The reads edges to it are drawn.
  await expect(page.getByRole("img", { name: "layout-api reads from postgres", exact: true })).toHaveCount(1);
  await page.context().close();
});

test("the services map shows every demo service in its layer's lane, and who uses each", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/services");
  await page.getByRole("link", { name: "Services map" }).click();
  await expect(page).toHaveURL(/\/map\/services$/);
  await expect(page.getByRole("heading", { level: 1, name: "Services map" })).toBeVisible();
  // At the readable zoom every card is drawn, on screen or not ("Show all" may zoom out to tiles
  // once other specs have added services).
  for (const service of SERVICES) {
    const node = serviceNode(page, service.name);
    await expect(node, service.name).toHaveCount(1);
    const id = await node.getAttribute("data-id");
    const at = await box(page, `.react-flow__node[data-id="${id}"]`);
    const lane = await box(page, `[data-lane="${service.layer}"]`);
    expect(at.x, `${service.name} in the ${service.layer} lane`).toBeGreaterThanOrEqual(lane.x - 1);
    expect(at.x + at.width, `${service.name} in the ${service.layer} lane`).toBeLessThanOrEqual(lane.x + lane.width + 1);
    await expect(page.locator(`[data-lane-head="${service.layer}"]`)).toContainText(statusLabel("layer", service.layer));
  }
  await page.getByRole("button", { name: "Show as list" }).click();
  await page.getByRole("button", { name: "Focus layout-api on the map" }).click();
  const panel = page.getByTestId("map-details");
  await expect(panel.getByRole("region", { name: /^Projects using it: [1-9]/ }).getByRole("link", { name: /Floor/ }).first()).toBeVisible();
  await expect(panel.getByRole("region", { name: /^Handoffs behind it: [1-9]/ })).toBeVisible();
  await page.context().close();
});

test("a cycle among services made through the API still lays out and is marked on its edges and in the legend", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const post = async (url: string, data: unknown) => page.request.post(url, { data, headers: ownOrigin() });
  const a = `cycle-a-${unique()}`;
  const b = `cycle-b-${unique()}`;
  for (const [name, layer] of [[a, "service"], [b, "worker"]]) {
    const created = await post("/api/v1/services", { name, layer });
    expect(created.status(), await created.text()).toBe(201);
  }
  const first = await post(`/api/v1/services/${a}/dependencies`, { to: b, kind: "calls" });
  expect(first.status(), await first.text()).toBe(201);
  const second = await post(`/api/v1/services/${b}/dependencies`, { to: a, kind: "publishes" });
  expect(second.status(), await second.text()).toBe(201);

  await page.goto("/map/services");
  await expect(serviceNode(page, a)).toHaveCount(1);
  await expect(serviceNode(page, b)).toHaveCount(1);
  await expect(page.getByRole("img", { name: `${a} calls ${b} (in a cycle)`, exact: true })).toHaveCount(1);
  await expect(page.getByRole("img", { name: `${b} publishes to ${a} (in a cycle)`, exact: true })).toHaveCount(1);
  await expect(page.locator("[data-cycle]")).not.toHaveCount(0);
  await page.getByTestId("map-legend").getByText("Legend").click();
  await expect(page.getByTestId("legend-cycle")).toBeVisible();
  await page.context().close();
});
