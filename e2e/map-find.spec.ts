// Find and focus on the demo's FLOOR map (issue 11, item 3): find a service by name and step
// through matches, focus on a node within one hop, filter by status, move between nodes with the
// arrow keys and open one with Enter, and share a link that reproduces focus, filters and search.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

const serviceNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Service ${name}, `) });
const search = (page: Page) => page.getByRole("searchbox", { name: "Find on map" });
const searchStatus = (page: Page) => page.getByTestId("map-search-status");
const card = (node: Locator) => node.locator("[data-kind]").first();

async function openFloorMap(page: Page) {
  await page.goto("/projects/FLOOR/map");
  await expect(serviceNode(page, "layout-api")).toHaveCount(1);
}

test("find a service by name: `/` focuses the field, matches are counted, stepped through and cleared", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  await page.locator("body").press("/");
  await expect(search(page)).toBeFocused();
  await page.keyboard.type("layout-api");
  await expect(searchStatus(page)).toHaveText(/^1 of [1-9]\d*$/);
  const node = serviceNode(page, "layout-api");
  await expect(card(node)).toHaveAttribute("data-find", "current");
  await expect(node).toBeInViewport();
  // Nodes that do not match are dimmed.
  await expect(page.locator('.react-flow__node [data-kind="handoff"][data-focus="dimmed"]').first()).toBeVisible();

  // A broader query: Enter steps forward, Shift+Enter back, wrapping around.
  await search(page).fill("floor");
  await expect(searchStatus(page)).toHaveText(/^1 of ([2-9]|\d{2,})$/);
  const total = Number((await searchStatus(page).innerText()).split(" of ")[1]);
  await search(page).press("Enter");
  await expect(searchStatus(page)).toHaveText(`2 of ${total}`);
  await search(page).press("Shift+Enter");
  await search(page).press("Shift+Enter");
  await expect(searchStatus(page)).toHaveText(`${total} of ${total}`);
  await expect(page.locator('[data-find="current"]')).toHaveCount(1);

  await search(page).fill("no such thing on this map");
  await expect(searchStatus(page)).toHaveText("No matches");
  await search(page).press("Escape");
  await expect(search(page)).toHaveValue("");
  await expect(searchStatus(page)).toHaveText("");
  await expect(page.locator("[data-find]")).toHaveCount(0);
  await page.context().close();
});

test("focus on a node within one hop: papers two hops away drop out of its upstream", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  await search(page).fill("layout-api");
  await expect(searchStatus(page)).toHaveText(/^1 of/);
  await serviceNode(page, "layout-api").click();
  const panel = page.getByTestId("map-details");
  await expect(panel.getByRole("heading", { name: "layout-api" })).toBeVisible();
  const upstream = panel.getByRole("region", { name: /^Upstream: / });
  const hops = panel.getByRole("combobox", { name: "Hops to trace upstream and downstream" });
  await expect(hops).toHaveValue("all");
  // All the way: the papers behind its milestones are upstream.
  await expect(upstream.locator('li[data-kind="handoff"]').first()).toBeVisible();
  await hops.selectOption("1");
  await expect(upstream.locator('li[data-kind="handoff"]')).toHaveCount(0);
  await expect(upstream.locator('li[data-kind="milestone"]').first()).toBeVisible();
  // On the canvas, papers are now dimmed while the milestones implementing it stay lit.
  await expect(page.locator('.react-flow__node [data-kind="handoff"]:not([data-focus="dimmed"])')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]hops=1(&|$)/);
  await expect(page).toHaveURL(/[?&]focus=service%3A/);

  // Escape on the map clears the focus first, then the search.
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await serviceNode(page, "layout-api").click();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(search(page)).toHaveValue("layout-api");
  await page.keyboard.press("Escape");
  await expect(search(page)).toHaveValue("");
  await expect(page).not.toHaveURL(/[?&](focus|q)=/);
  await page.context().close();
});

test("filter by status: only blocked milestones stay, with their papers and services; the chip removes it", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  const milestones = page.getByRole("group", { name: /^Milestone FLOOR-/ });
  const before = await milestones.count();
  await page.getByRole("button", { name: "Filters" }).click();
  const menu = page.getByRole("dialog", { name: "Filters" });
  const blocked = menu.getByRole("group", { name: "Milestone status" }).getByRole("checkbox", { name: /^Blocked/ });
  const expected = Number(await menu.getByRole("group", { name: "Milestone status" }).locator("label", { hasText: "Blocked" }).locator("span").last().innerText());
  expect(expected).toBeGreaterThan(0);
  await blocked.check();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  const chip = page.getByRole("list", { name: "Active filters" }).getByRole("listitem").filter({ hasText: "Milestone: Blocked" });
  await expect(chip).toBeVisible();
  await expect(page.getByRole("button", { name: /^Filters/ })).toContainText("1");
  await expect(milestones).toHaveCount(expected);
  for (const label of await milestones.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))) expect(label).toMatch(/, Blocked$/);
  await expect(page.getByRole("group", { name: /^Handoff / }).first()).toBeVisible();
  await expect(serviceNode(page, "layout-api")).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]status=milestone\.blocked(&|$)/);

  await chip.getByRole("button", { name: "Remove filter Milestone: Blocked" }).click();
  await expect(chip).toHaveCount(0);
  await expect(milestones).toHaveCount(before);
  await page.context().close();
});

test("arrow keys move between nodes with a visible focus ring, and Enter opens one", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await openFloorMap(page);
  await search(page).fill("layout-api");
  await expect(searchStatus(page)).toHaveText(/^1 of/);
  const start = serviceNode(page, "layout-api");
  // Ctrl+F inside the map goes to its search, not the browser's.
  await start.focus();
  await page.keyboard.press("Control+f");
  await expect(search(page)).toBeFocused();
  await start.focus();
  const active = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // The node's place on the map (React Flow's translate), not on the screen: moving focus may pan.
    const at = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(el?.style.transform ?? "");
    return { id: el?.dataset.id ?? null, label: el?.getAttribute("aria-label") ?? "", x: Number(at?.[1] ?? 0), y: Number(at?.[2] ?? 0), outline: el?.querySelector<HTMLElement>("[data-kind]") ? getComputedStyle(el.querySelector<HTMLElement>("[data-kind]")!).outlineStyle : "none" };
  });
  const first = await active();
  expect(first.id).toMatch(/^service:/);

  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await active()).id).not.toBe(first.id);
  const left = await active();
  expect(left.x).toBeLessThan(first.x);
  expect(left.outline).toBe("solid");

  // Down goes lower (when anything is lower), then up goes higher again.
  await page.keyboard.press("ArrowDown");
  const down = await active();
  if (down.id !== left.id) expect(down.y).toBeGreaterThan(left.y);
  await page.keyboard.press("ArrowUp");
  const up = await active();
  expect(up.id).not.toBe(down.id);
  expect(up.y).toBeLessThan(down.y);
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await active()).x).toBeGreaterThan(up.x);

  // Enter opens the focused node's page.
  const target = await active();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/(services|projects\/FLOOR\/milestones|handoffs)\/[^/]+$/);
  const name = target.label.replace(/^(Service|Milestone|Handoff) (FLOOR-\d+ )?/, "").replace(/, [^,]+$/, "");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.slice(0, 20));
  await page.context().close();
});

test("a copied link reproduces focus, hops, filters, search, highlight and position", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openFloorMap(page);
  await search(page).fill("layout");
  await expect(searchStatus(page)).toHaveText(/^1 of/);
  await serviceNode(page, "layout-api").click();
  const panel = page.getByTestId("map-details");
  await panel.getByRole("combobox", { name: "Hops to trace upstream and downstream" }).selectOption("2");
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByRole("dialog", { name: "Filters" }).getByRole("group", { name: "Milestone status" }).getByRole("checkbox", { name: /^In progress/ }).check();
  await page.getByRole("button", { name: /^Filters/ }).click();
  await page.getByRole("group", { name: "Highlight" }).getByRole("button", { name: "Critical path" }).click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("/projects/FLOOR/map?");
  const url = new URL(link);
  expect(url.searchParams.get("q")).toBe("layout");
  expect(url.searchParams.get("focus")).toMatch(/^service:/);
  expect(url.searchParams.get("hops")).toBe("2");
  expect(url.searchParams.get("status")).toBe("milestone.in_progress");
  expect(url.searchParams.get("hl")).toBe("critical");
  expect(Number(url.searchParams.get("zoom"))).toBeGreaterThan(0);

  // Someone else opens it.
  const other = await signedInAs(browser, "manager");
  await other.goto(link);
  await expect(search(other)).toHaveValue("layout");
  await expect(searchStatus(other)).toHaveText(/^1 of [1-9]/);
  const otherPanel = other.getByTestId("map-details");
  await expect(otherPanel.getByRole("heading", { name: "layout-api" })).toBeVisible();
  await expect(otherPanel.getByRole("combobox", { name: "Hops to trace upstream and downstream" })).toHaveValue("2");
  await expect(other.getByRole("list", { name: "Active filters" })).toContainText("Milestone: In progress");
  await expect(other.getByRole("group", { name: "Highlight" }).getByRole("button", { name: "Critical path" })).toHaveAttribute("aria-pressed", "true");
  // The viewport is the link's, not the first-view logic's.
  const transform = await other.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  const zoom = Number(url.searchParams.get("zoom"));
  expect(Number(transform.match(/matrix\(([^,]+)/)?.[1])).toBeCloseTo(zoom, 2);

  // Escape clears the focus, and the hops go with it: the address names no hops without a node.
  await otherPanel.getByRole("heading", { name: "layout-api" }).press("Escape");
  await expect(other.getByTestId("map-details")).toHaveCount(0);
  await expect.poll(() => new URL(other.url()).searchParams.has("focus")).toBe(false);
  expect(new URL(other.url()).searchParams.has("hops")).toBe(false);

  // A link with bad values opens the default view for those, not an error.
  await other.goto("/projects/FLOOR/map?hops=zero&status=nonsense&zoom=abc&focus=service%3Anope&hl=all");
  await expect(serviceNode(other, "layout-api")).toHaveCount(1);
  await expect(other.getByTestId("map-details")).toHaveCount(0);
  await expect(other.getByRole("list", { name: "Active filters" })).toHaveCount(0);
  await expect(other.getByRole("group", { name: "Highlight" }).getByRole("button", { name: "None" })).toHaveAttribute("aria-pressed", "true");
  await other.context().close();
  await page.context().close();
});
