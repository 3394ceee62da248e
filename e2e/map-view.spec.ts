// The map's first view and semantic zoom (issue 11, item 1): the demo's FLOOR map opens with cards
// at a readable size, centred on open work, its controls in the toolbar and nothing drawn over a
// card; zooming out turns the cards into tiles on one canvas, and zooming in brings the cards back.
import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

/** The zoom React Flow draws at, from its viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  const m = /matrix\(([^,]+)/.exec(transform);
  return m ? Number(m[1]) : 1;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Waits until the map has settled: fonts loaded (they reflow the toolbar, which moves the canvas),
 * and the canvas's place and the viewport's transform unchanged across two polls. Measuring before
 * that raced the first view being set and the toolbar wrapping.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () => {
      const flow = document.querySelector(".react-flow");
      const viewport = document.querySelector(".react-flow__viewport");
      if (!flow || !viewport || document.fonts.status !== "loaded") return false;
      const r = flow.getBoundingClientRect();
      const now = `${getComputedStyle(viewport).transform} ${r.x} ${r.y} ${r.width} ${r.height}`;
      const w = window as unknown as { __mapLast?: string };
      const same = w.__mapLast === now;
      w.__mapLast = now;
      return same;
    },
    undefined,
    { polling: 150 },
  );
}

type Seen = { canvas: Box; zoom: Box | null; covers: Box[]; cards: { id: string; label: string; box: Box }[] };

/** Every box the test checks, read in one go (one round trip, one consistent layout). */
function measure(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const covers = [document.querySelector('[data-testid="map-legend"]'), document.querySelector(".react-flow__minimap")].map(box).filter((b) => b !== null);
    const cards = [...document.querySelectorAll(".react-flow__node")].map((el) => ({ id: el.getAttribute("data-id") ?? "", label: el.getAttribute("aria-label") ?? "", box: box(el)! }));
    return { canvas: box(document.querySelector(".react-flow"))!, zoom: box(document.querySelector('[role="group"][aria-label="Zoom"]')), covers, cards };
  });
}

test("the FLOOR map opens readable, on open work, with nothing drawn over a card", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  let inside: string | null = null;
  for (const size of [{ width: 1280, height: 800 }, { width: 1600, height: 1000 }]) {
    await page.setViewportSize(size);
    await page.goto("/projects/FLOOR/map");
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    await settled(page);
    expect(await zoomOf(page), `zoom at ${size.width} px`).toBeGreaterThanOrEqual(0.7);
    const seen = await measure(page);
    const { canvas } = seen;
    // The zoom controls live in the toolbar, outside the canvas.
    expect(seen.zoom, "the zoom controls").not.toBeNull();
    expect(overlaps(seen.zoom!, canvas)).toBe(false);
    let open = 0;
    for (const card of seen.cards) {
      const { box } = card;
      if (box.width === 0 || !overlaps(box, canvas)) continue;
      if (box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width && box.y >= canvas.y && box.y + box.height <= Math.min(canvas.y + canvas.height, size.height)) inside = card.id;
      for (const cover of seen.covers) expect(overlaps(box, cover), `${card.label} under a control`).toBe(false);
      if (/, (Planned|In progress|Blocked)$/.test(card.label)) open++;
    }
    expect(open, `open milestones in the first view at ${size.width} px`).toBeGreaterThan(0);
  }
  // A long title ends in an ellipsis on the card; the full text is its tooltip and in the panel.
  expect(inside, "a card wholly in view").not.toBeNull();
  const card = page.locator(`.react-flow__node[data-id="${inside}"]`);
  const title = card.locator("[title]:not(.react-flow__handle)").first();
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
  for (let zoom = await zoomOf(page); zoom >= 0.45; zoom = await zoomOf(page)) {
    await zoomOut.click();
    // The zoom animates (200 ms): wait for it to land, however slow the machine.
    await expect.poll(() => zoomOf(page)).toBeLessThanOrEqual(zoom / 1.25 + 0.001);
  }
  await expect(overview).toBeVisible();
  await expect(cards).toHaveCount(0);
  // The canvas names the lanes itself among tiles: the sticky lane heads step aside.
  const heads = page.locator("[data-lane-head]");
  await expect(heads).toHaveCount(0);
  await page.getByRole("button", { name: "Readable view" }).click();
  await expect(cards.first()).toBeVisible();
  await expect(overview).toBeHidden();
  await expect(heads.first()).toBeVisible();
  // "Show all" fits the whole map: every card still drawn lies inside the canvas (or, zoomed out
  // past the tiles' threshold, the canvas draws them).
  const readable = await zoomOf(page);
  await page.getByRole("button", { name: "Show all" }).click();
  await expect.poll(() => zoomOf(page)).not.toBe(readable);
  await settled(page);
  expect(await zoomOf(page)).toBeLessThanOrEqual(readable);
  const canvas = (await page.locator(".react-flow").boundingBox())!;
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!;
    expect(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height).toBe(true);
  }
  await page.context().close();
});
