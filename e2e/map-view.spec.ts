// The map's first view and semantic zoom (issue 11, item 1): the demo's FLOOR map opens with cards
// at a readable size, centred on open work, its controls in the toolbar and nothing drawn over a
// card; zooming out turns the cards into tiles on one canvas, and zooming in brings the cards back.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

/** The zoom React Flow draws at, from its viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  const m = /matrix\(([^,]+)/.exec(transform);
  return m ? Number(m[1]) : 1;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("the FLOOR map opens readable, on open work, with nothing drawn over a card", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  let inside: Locator | null = null;
  for (const size of [{ width: 1280, height: 800 }, { width: 1600, height: 1000 }]) {
    await page.setViewportSize(size);
    await page.goto("/projects/FLOOR/map");
    const cards = page.locator(".react-flow__node");
    await expect(cards.first()).toBeVisible();
    expect(await zoomOf(page), `zoom at ${size.width} px`).toBeGreaterThanOrEqual(0.7);
    const canvas = (await page.locator(".react-flow").boundingBox())!;
    // The zoom controls live in the toolbar, outside the canvas.
    const zoom = (await page.getByRole("group", { name: "Zoom" }).boundingBox())!;
    expect(overlaps(zoom, canvas)).toBe(false);
    const minimap = page.locator(".react-flow__minimap");
    const covers = [await page.getByTestId("map-legend").boundingBox(), (await minimap.count()) ? await minimap.boundingBox() : null].filter((b): b is Box => b !== null);
    let open = 0;
    for (const card of await cards.all()) {
      const box = await card.boundingBox();
      if (!box || !overlaps(box, canvas)) continue;
      if (box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width && box.y >= canvas.y && box.y + box.height <= Math.min(canvas.y + canvas.height, size.height)) inside = card;
      for (const cover of covers) expect(overlaps(box, cover), `${await card.getAttribute("aria-label")} under a control`).toBe(false);
      if (/, (Planned|In progress|Blocked)$/.test((await card.getAttribute("aria-label")) ?? "")) open++;
    }
    expect(open, `open milestones in the first view at ${size.width} px`).toBeGreaterThan(0);
  }
  // A long title ends in an ellipsis on the card; the full text is its tooltip and in the panel.
  expect(inside, "a card wholly in view").not.toBeNull();
  const title = inside!.locator("[title]:not(.react-flow__handle)").first();
  const full = (await title.getAttribute("title"))!;
  expect(await title.textContent()).toBe(full);
  await title.click();
  await expect(page.getByTestId("map-details")).toContainText(full);
  await page.context().close();
});

test("zoomed out, cards become tiles on one canvas; zoomed in, the cards come back", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects/FLOOR/map");
  const cards = page.locator(".react-flow__node");
  await expect(cards.first()).toBeVisible();
  const overview = page.getByTestId("map-overview");
  await expect(overview).toBeHidden();
  const zoomOut = page.getByRole("button", { name: "Zoom out" });
  while ((await zoomOf(page)) >= 0.45) {
    await zoomOut.click();
    await page.waitForTimeout(250); // the zoom animates for 200 ms
  }
  await expect(overview).toBeVisible();
  await expect(cards).toHaveCount(0);
  await page.getByRole("button", { name: "Readable view" }).click();
  await expect(cards.first()).toBeVisible();
  await expect(overview).toBeHidden();
  // "Show all" fits the whole map: every card still drawn lies inside the canvas (or, zoomed out
  // past the tiles' threshold, the canvas draws them).
  const readable = await zoomOf(page);
  await page.getByRole("button", { name: "Show all" }).click();
  await page.waitForTimeout(400);
  expect(await zoomOf(page)).toBeLessThanOrEqual(readable);
  const canvas = (await page.locator(".react-flow").boundingBox())!;
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!;
    expect(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height).toBe(true);
  }
  await page.context().close();
});
