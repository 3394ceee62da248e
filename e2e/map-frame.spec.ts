// The map re-frames what a change shows (useMapFraming), on the demo's FLOOR map: a filter brings
// the nodes it leaves into view (and a narrower one moves the camera only when needed), filters that leave
// nothing say so with Clear filters, a focus with one hop frames the node with its neighbours clear
// of the details panel, and "N blocked" turns on Blocked & slipping and frames it.
// The demo DB is shared with other specs that grow it: no exact counts.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

const serviceNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Service ${name}, `) });
const transform = (page: Page) => page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);

/**
 * Whether the nodes are framed: all wholly on the canvas (left of the details panel, above the
 * window's bottom) when they fit there at the readable zoom (0.7), else at least one of them.
 */
async function framed(nodes: Locator, { all = false } = {}): Promise<boolean> {
  return nodes.evaluateAll((elements, mustAll) => {
    const flow = document.querySelector(".react-flow")!;
    const canvas = flow.getBoundingClientRect();
    // The map's details panel, beside the canvas in its frame (not the app's navigation).
    const panel = flow.parentElement?.parentElement?.querySelector("aside")?.getBoundingClientRect();
    const right = panel && panel.left < canvas.right ? panel.left : canvas.right;
    const bottom = Math.min(canvas.bottom, window.innerHeight);
    const zoom = Number(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform.match(/matrix\(([^,]+)/)?.[1]);
    const rects = elements.map((el) => el.getBoundingClientRect());
    if (rects.length === 0) return false;
    const on = (r: DOMRect) => r.left >= canvas.left - 1 && r.top >= canvas.top - 1 && r.right <= right + 1 && r.bottom <= bottom + 1;
    const spanX = (Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left))) / zoom;
    const spanY = (Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top))) / zoom;
    const fits = spanX * 0.7 <= right - canvas.left - 48 && spanY * 0.7 <= bottom - canvas.top - 44 - 48;
    return mustAll || fits ? rects.every(on) : rects.some(on);
  }, all);
}

/** Ids of the nodes wholly on the canvas (above the window's bottom). */
const onCanvas = (page: Page) =>
  page.evaluate(() => {
    const flow = document.querySelector(".react-flow")!.getBoundingClientRect();
    const bottom = Math.min(flow.bottom, window.innerHeight);
    return [...document.querySelectorAll<HTMLElement>(".react-flow__node")].flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= flow.left - 1 && r.top >= flow.top - 1 && r.right <= flow.right + 1 && r.bottom <= bottom + 1 ? [el.dataset.id ?? ""] : [];
    });
  });

/** The map opened far away from every node, so that nothing is in view. */
async function openAway(page: Page) {
  await page.goto("/projects/FLOOR/map?x=20000&y=20000&zoom=1");
  await expect(serviceNode(page, "layout-api")).toHaveCount(1);
  await expect(serviceNode(page, "layout-api")).not.toBeInViewport();
}

test("a filter brings the nodes it leaves into view; a narrower one leaves the camera; nothing left says so", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openAway(page);
  await page.getByRole("button", { name: "Filters" }).click();
  const dialog = page.getByRole("dialog", { name: "Filters" });
  await dialog.getByRole("group", { name: "Owner" }).getByRole("checkbox", { name: /^Priya Raman/ }).check();
  const shown = page.locator(".react-flow__node");
  await expect(shown.first()).toBeVisible();
  await expect.poll(() => framed(shown), { timeout: 5_000 }).toBe(true);

  // Narrowing further: what is left is framed, and the camera moves only if some of it was not on
  // the canvas already (other specs grow the demo, so which case this is depends on the data).
  await page.waitForTimeout(500);
  const before = await transform(page);
  const onCanvasBefore = new Set(await onCanvas(page));
  await dialog.getByRole("group", { name: "Milestone status" }).getByRole("checkbox").first().check();
  await page.waitForTimeout(600);
  if ((await shown.count()) > 0) await expect.poll(() => framed(shown), { timeout: 5_000 }).toBe(true);
  if ((await transform(page)) !== before) {
    const now = await onCanvas(page);
    expect(now.some((id) => !onCanvasBefore.has(id)), "the camera moved although everything left was on the canvas").toBe(true);
  }
  await page.getByRole("button", { name: /^Filters/ }).click();

  // Hiding every kind leaves nothing: the canvas says so, and Clear filters brings the map back.
  const chips = page.getByRole("group", { name: "Show on the map" });
  for (const kind of ["Handoffs", "Milestones", "Services"]) {
    const chip = chips.getByRole("button", { name: new RegExp(`^${kind}`) });
    if ((await chip.getAttribute("aria-pressed")) === "true") await chip.click();
  }
  const empty = page.getByTestId("map-no-matches");
  await expect(empty).toContainText("Nothing on the map matches these filters");
  await empty.getByRole("button", { name: "Clear filters" }).click();
  await expect(empty).toHaveCount(0);
  await expect(serviceNode(page, "layout-api")).toBeVisible();
  await expect(page.getByRole("list", { name: "Active filters" })).toHaveCount(0);
  await page.context().close();
});

test("focusing a node with one hop frames it with its neighbours, clear of the details panel", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/FLOOR/map?zoom=1.6&x=0&y=0");
  // Found, the service is centred at this close zoom: its neighbours are off screen.
  await page.getByRole("searchbox", { name: "Find on map" }).fill("layout-api");
  await expect(page.getByTestId("map-search-status")).toHaveText(/^1 of/);
  await expect(serviceNode(page, "layout-api")).toBeInViewport();
  await page.waitForTimeout(400);
  await serviceNode(page, "layout-api").click();
  const panel = page.getByTestId("map-details");
  await expect(panel).toBeVisible();
  await panel.getByRole("combobox", { name: "Hops to trace upstream and downstream" }).selectOption("1");
  const lit = page.locator(".react-flow__node").filter({ has: page.locator('[data-focus="focus"], [data-focus="upstream"], [data-focus="downstream"]') });
  await expect(lit.first()).toBeVisible();
  // The node and its neighbours within one hop when they fit at the readable zoom; else the node.
  await expect.poll(() => framed(lit), { timeout: 5_000 }).toBe(true);
  const focused = page.locator(".react-flow__node").filter({ has: page.locator('[data-focus="focus"]') });
  expect(await framed(focused, { all: true })).toBe(true);
  const zoom = Number((await transform(page)).match(/matrix\(([^,]+)/)?.[1]);
  expect(zoom).toBeGreaterThanOrEqual(0.69);
  await page.context().close();
});

test("“N blocked” in the toolbar turns on Blocked & slipping and frames it", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openAway(page);
  const blocked = page.getByRole("button", { name: /^\d+ blocked dependenc(y|ies): highlight blocked & slipping work$/ });
  await blocked.click();
  await expect(page.getByRole("group", { name: "Highlight" }).getByRole("button", { name: "Blocked & slipping" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]hl=risk(&|$)/);
  const lit = page.locator('.react-flow__node:has([data-highlight="risk"])');
  await expect(lit.first()).toBeVisible();
  await expect.poll(() => framed(lit), { timeout: 5_000 }).toBe(true);
  await page.context().close();
});

test("Collapse all handoffs brings the new group cards into view", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  // Opened on the open work (the services' side), away from the handoffs' lane.
  await page.goto("/projects/FLOOR/map");
  await expect(serviceNode(page, "layout-api")).toHaveCount(1);
  await page.getByRole("button", { name: "Collapse all handoffs" }).click();
  const groups = page.getByRole("group", { name: /^Collapsed handoff and its work: / });
  await expect(groups.first()).toBeVisible();
  await expect.poll(() => framed(groups), { timeout: 5_000 }).toBe(true);
  await page.context().close();
});
