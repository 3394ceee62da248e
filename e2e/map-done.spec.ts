// Issue 11, "Done when", as one story on the demo's FLOOR map: a new engineer opens it and reads
// every card in the first view (cards, not tiles, at a readable zoom, open work in view), sees the
// layer lanes of the architecture (papers, milestones, then the services' layers, each service in
// its layer's lane), finds layout-api by name, shares a link to a focused view that a manager opens
// to the same focus, search and viewport, collapses a paper's subtree into one counted card and
// expands it, and exports the map as SVG that parses as XML and names every node in view.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { READABLE_ZOOM } from "@/components/map/first-view";
import { LANE_LABELS } from "@/lib/graph/map-layout";
import { signedInAs } from "./helpers/handoff";

const PAPER = "HouseDiffusion: Vector Floorplan Generation via a Diffusion Model with Discrete and Continuous Denoising";
const search = (page: Page) => page.getByRole("searchbox", { name: "Find on map" });
const searchStatus = (page: Page) => page.getByTestId("map-search-status");
const serviceNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Service ${name}, `) });
const cards = (page: Page) => page.locator(".react-flow__node");
const hopsSelect = (panel: Locator) => panel.getByRole("combobox", { name: "Hops to trace upstream and downstream" });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

/** The zoom React Flow draws at, from its viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  const m = /matrix\(([^,]+)/.exec(transform);
  return m ? Number(m[1]) : 1;
}

/** The cards whose box meets the canvas's, each with its label, title box and the title's text. */
async function cardsInView(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector(".react-flow")!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>(".react-flow__node")]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        return el.offsetParent !== null && b.right > canvas.left && b.left < canvas.right && b.bottom > canvas.top && b.top < canvas.bottom;
      })
      .map((el) => {
        const title = el.querySelector<HTMLElement>("[data-kind] [title]:not(.react-flow__handle)");
        const box = title?.getBoundingClientRect();
        return {
          id: el.dataset.id ?? "",
          label: el.getAttribute("aria-label") ?? "",
          kind: el.querySelector<HTMLElement>("[data-kind]")?.dataset.kind ?? null,
          title: title?.getAttribute("title") ?? null,
          text: title?.textContent ?? "",
          titleHeight: box?.height ?? 0,
          fontSize: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
        };
      });
  });
}

async function openFloorMap(page: Page, query = "") {
  await page.goto(`/projects/FLOOR/map${query}`);
  await expect(cards(page).first()).toBeVisible();
}

test("a new engineer reads every card in the first view, and open work is in it", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFloorMap(page);
  // Cards, not the zoomed-out canvas of tiles, at a zoom where their titles read.
  await expect(page.getByTestId("map-overview")).toBeHidden();
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await expect(page.getByRole("group", { name: "Zoom" }).locator("output")).toHaveText(/^\d+%$/);
  expect(Number((await page.getByRole("group", { name: "Zoom" }).locator("output").innerText()).replace("%", ""))).toBeGreaterThanOrEqual(READABLE_ZOOM * 100);

  const shown = await cardsInView(page);
  expect(shown.length, "cards in the first view").toBeGreaterThan(3);
  for (const card of shown) {
    // A full card: its kind's frame with a title, the title's text the full label or its start
    // cut with an ellipsis (CSS), drawn at a size that reads once zoomed.
    expect(card.kind, card.label).not.toBeNull();
    expect(card.title, card.label).toBeTruthy();
    expect(card.text, card.label).toBe(card.title);
    expect(card.label, card.id).toContain(card.title!);
    expect(card.titleHeight, `${card.label}: title drawn`).toBeGreaterThan(0);
    expect(card.fontSize * (await zoomOf(page)), `${card.label}: title on screen in px`).toBeGreaterThanOrEqual(8);
  }
  // Where work is happening: open or blocked milestones are among the cards in view.
  const open = shown.filter((c) => /^Milestone .*, (Planned|In progress|Blocked)$/.test(c.label));
  expect(open.length, "open milestones in the first view").toBeGreaterThan(0);
  // Each card in view is visible to the user (not hidden under the toolbar's controls).
  const zoom = (await page.getByRole("group", { name: "Zoom" }).boundingBox())!;
  for (const card of shown) {
    const box = await page.locator(`.react-flow__node[data-id="${card.id}"]`).boundingBox();
    expect(box && overlaps(box, zoom), `${card.label} under the zoom controls`).toBe(false);
  }
  await page.context().close();
});

test("the map shows the architecture's layer lanes, each service in its layer's lane", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  const lanes = page.locator(".react-flow__viewport [data-lane]");
  await expect(lanes.first()).toBeAttached();

  // Papers, Milestones, and the services' layers, in that order across the map, each labelled.
  const drawn = await lanes.evaluateAll((els) =>
    els.map((el) => {
      const lane = (el as HTMLElement).dataset.lane!;
      // A lane's label is drawn above the cards (MapLanes: data-lane-head), its band behind them.
      const head = document.querySelector(`.react-flow__viewport [data-lane-head="${CSS.escape(lane)}"]`);
      return { lane, text: head?.textContent ?? "", box: el.getBoundingClientRect().toJSON() as Box };
    }),
  );
  const heads = page.locator(".react-flow__viewport [data-lane-head]");
  const ids = drawn.map((l) => l.lane);
  expect(ids.slice(0, 2)).toEqual(["handoff", "milestone"]);
  const layers = ids.slice(2);
  expect(layers.length, "service layer lanes").toBeGreaterThanOrEqual(3);
  for (const layer of layers) expect(["gateway", "api", "service", "worker", "model", "data"]).toContain(layer);
  for (const lane of drawn) expect(lane.text, lane.lane).toContain(LANE_LABELS[lane.lane]);
  await expect(heads.filter({ hasText: /^Handoffs/ })).toHaveCount(1);
  await expect(heads.filter({ hasText: /^Milestones/ })).toHaveCount(1);

  // Each lane's label is on the page for the user, and each service sits in its layer's lane.
  for (const label of ["Handoffs", "Milestones", ...layers.map((l) => LANE_LABELS[l])]) {
    await expect(heads.filter({ hasText: new RegExp(`^${label}\\s*\\d+`) }), label).toHaveCount(1);
  }
  const services = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-kind="service"]')].map((el) => ({
      name: el.querySelector("[title]:not(.react-flow__handle)")?.getAttribute("title") ?? "",
      // The first line under the name is the layer's label (lib/data/map.ts sublabel).
      layer: el.querySelector("[title]:not(.react-flow__handle)")?.parentElement?.nextElementSibling?.firstElementChild?.textContent ?? "",
      box: el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number },
    })),
  );
  expect(services.length, "service cards drawn").toBeGreaterThanOrEqual(3);
  expect(services.map((s) => s.name)).toContain("layout-api");
  for (const service of services) {
    const lane = drawn.find((l) => LANE_LABELS[l.lane] === service.layer);
    expect(lane, `${service.name}: a lane for its layer "${service.layer}"`).toBeDefined();
    expect(inside(service.box, lane!.box), `${service.name} inside the ${service.layer} lane`).toBe(true);
  }
  await page.context().close();
});

test("the first view shows the labels of the lanes it shows", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  for (const size of [{ width: 1280, height: 800 }, { width: 1600, height: 1000 }]) {
    await page.setViewportSize(size);
    await openFloorMap(page);
    const canvas = (await page.locator(".react-flow").boundingBox())!;
    const lanes = await page.locator(".react-flow__viewport [data-lane]").evaluateAll((els) =>
      els.map((el) => {
        const lane = (el as HTMLElement).dataset.lane!;
        const label = document.querySelector(`.react-flow__viewport [data-lane-head="${CSS.escape(lane)}"] > span`);
        return { lane, band: el.getBoundingClientRect().toJSON() as Box, label: (label?.getBoundingClientRect().toJSON() ?? { x: -1e6, y: -1e6, width: 0, height: 0 }) as Box };
      }),
    );
    const inView = lanes.filter((l) => overlaps(l.band, canvas));
    expect(inView.length, `lanes in the first view at ${size.width} px`).toBeGreaterThan(0);
    // Seeing the lanes means reading their names: some lane in view has its label inside the canvas.
    const labelled = inView.filter((l) => inside(l.label, canvas)).map((l) => l.lane);
    expect(labelled, `lane labels inside the canvas at ${size.width} px (lanes in view: ${inView.map((l) => `${l.lane} label at ${Math.round(l.label.x)},${Math.round(l.label.y)}`).join("; ")}; canvas ${Math.round(canvas.x)},${Math.round(canvas.y)} ${Math.round(canvas.width)}×${Math.round(canvas.height)})`).not.toEqual([]);
  }
  await page.context().close();
});

test("find a service by name, focus it, share the link, and another person opens the same view", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openFloorMap(page);

  // Find on map: layout-api, highlighted and in view.
  await search(page).fill("layout-api");
  await expect(searchStatus(page)).toHaveText(/^1 of 1$/);
  const node = serviceNode(page, "layout-api");
  await expect(node.locator("[data-kind]").first()).toHaveAttribute("data-find", "current");
  await expect(node).toBeInViewport();

  // Focus it within two hops.
  await node.click();
  const panel = page.getByTestId("map-details");
  await expect(panel.getByRole("heading", { name: "layout-api" })).toBeVisible();
  await hopsSelect(panel).selectOption("2");
  await expect(node.locator("[data-kind]").first()).toHaveAttribute("data-focus", "focus");
  await expect(page).toHaveURL(/[?&]focus=service%3A/);

  // Share: Copy link puts this exact view's address on the clipboard; it matches the address bar.
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe("/projects/FLOOR/map");
  expect(url.searchParams.get("q")).toBe("layout-api");
  expect(url.searchParams.get("hops")).toBe("2");
  const focus = url.searchParams.get("focus")!;
  expect(focus).toMatch(/^service:/);
  const zoom = Number(url.searchParams.get("zoom"));
  expect(zoom).toBeGreaterThan(0);
  const focusedOnScreen = await cardsInView(page);

  // A manager opens it in a browser of their own: the same focus, hops, search and viewport.
  const other = await signedInAs(browser, "manager");
  await other.setViewportSize(page.viewportSize()!);
  await other.goto(link);
  await expect(search(other)).toHaveValue("layout-api");
  await expect(searchStatus(other)).toHaveText(/^1 of 1$/);
  const otherPanel = other.getByTestId("map-details");
  await expect(otherPanel.getByRole("heading", { name: "layout-api" })).toBeVisible();
  await expect(hopsSelect(otherPanel)).toHaveValue("2");
  const otherNode = serviceNode(other, "layout-api");
  await expect(otherNode).toHaveAttribute("data-id", focus);
  await expect(otherNode.locator("[data-kind]").first()).toHaveAttribute("data-focus", "focus");
  await expect(otherNode).toBeInViewport();
  await expect.poll(() => zoomOf(other)).toBeCloseTo(zoom, 2);
  // The same nodes are lit and dimmed around the focus.
  const focusStates = (p: Page) => p.locator(".react-flow__node [data-focus]").evaluateAll((els) => els.map((e) => `${e.closest(".react-flow__node")!.getAttribute("data-id")}=${(e as HTMLElement).dataset.focus}`).sort());
  expect(await focusStates(other)).toEqual(await focusStates(page));
  // And, with the same window, the same cards on screen.
  await expect.poll(async () => (await cardsInView(other)).map((c) => c.id).sort()).toEqual(focusedOnScreen.map((c) => c.id).sort());
  await other.context().close();
  await page.context().close();
});

test("collapse a paper's subtree into one card with counts, then expand it again", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  const before = await cards(page).count();
  await expect(page.getByTestId("map-group")).toHaveCount(0);

  // The paper, found by name, then collapsed from its panel.
  await search(page).fill("HouseDiffusion");
  await expect(searchStatus(page)).toHaveText(/^1 of/);
  const paper = page.getByRole("group", { name: new RegExp(`^Handoff ${PAPER.slice(0, 30)}`) });
  await paper.click();
  await page.getByTestId("map-details").getByRole("button", { name: "Collapse the handoff with its work" }).click();

  const group = page.getByTestId("map-group");
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(/\d+ milestones · \d+ services?/);
  const [, milestones, services] = /(\d+) milestones · (\d+) service/.exec(await group.innerText())!.map(Number);
  expect(milestones).toBeGreaterThan(0);
  await expect(cards(page)).toHaveCount(before - (1 + milestones + services) + 1);
  await expect(page).toHaveURL(/[?&]collapsed=/);
  const details = page.getByTestId("map-group-details");
  await expect(details.getByRole("heading", { name: PAPER })).toBeVisible();
  await expect(details.getByRole("region", { name: `Milestones: ${milestones}` })).toBeVisible();

  await details.getByRole("button", { name: "Expand", exact: true }).click();
  await expect(page.getByTestId("map-group")).toHaveCount(0);
  await expect(cards(page)).toHaveCount(before);
  await expect(paper).toHaveCount(1);
  await expect(page).not.toHaveURL(/[?&]collapsed=/);
  await page.context().close();
});

test("export the map as SVG: it parses as XML and names every node in view", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  const shown = await cardsInView(page);
  expect(shown.length).toBeGreaterThan(0);

  for (const scope of ["Current view", "Whole map"] as const) {
    await page.getByRole("button", { name: "Export" }).click();
    const menu = page.getByRole("menu", { name: "Export the map" });
    await menu.getByRole("menuitemradio", { name: new RegExp(`^${scope}`) }).click();
    await expect(menu.getByRole("menuitemradio", { name: new RegExp(`^${scope}`) })).toHaveAttribute("aria-checked", "true");
    const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("menuitem", { name: /^SVG image/ }).click()]);
    expect(download.suggestedFilename()).toMatch(scope === "Current view" ? /^FLOOR-map-view-\d{4}-\d{2}-\d{2}\.svg$/ : /^FLOOR-map-\d{4}-\d{2}-\d{2}\.svg$/);
    const file = test.info().outputPath(`${scope === "Current view" ? "view" : "map"}.svg`);
    await download.saveAs(file);
    const svg = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.nodeName,
        nodes: [...doc.querySelectorAll("g.node")].map((g) => ({ id: g.getAttribute("data-id") ?? "", title: g.querySelector("title")?.textContent ?? "", text: [...g.querySelectorAll("text")].map((t) => t.textContent).join(" ") })),
        lanes: [...doc.querySelectorAll("g.lane")].map((g) => g.textContent ?? ""),
      };
    }, readFileSync(file, "utf8"));
    expect(svg.error, `${scope}: XML parse error`).toBeNull();
    expect(svg.root).toBe("svg");
    // Every node in view is in the file, with its label.
    for (const card of shown) {
      const node = svg.nodes.find((n) => n.id === card.id);
      expect(node, `${scope}: ${card.label}`).toBeDefined();
      expect(node!.title, card.id).toContain(card.title!);
      expect(node!.text.replace(/…/g, "").trim().length, card.id).toBeGreaterThan(3);
    }
    if (scope === "Whole map") {
      expect(svg.nodes.length).toBe(await cards(page).count());
      // The lanes, labelled as on the map (drawn in capitals).
      for (const label of ["Handoffs", "Milestones", "API", "Data"]) expect(svg.lanes.join(" ").toLowerCase()).toContain(label.toLowerCase());
    }
  }
  await page.context().close();
});
