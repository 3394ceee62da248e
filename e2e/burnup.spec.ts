// The burn-up chart on a project's overview (issue 9, item 5): estimated days done against total
// scope over time, from the status history, with the scope changes marked and listed. Its summary
// agrees with the milestones the API gives (weights as the plan computes them), it fits at 1024 px,
// and it reads in the dark theme. Other tests add milestones to FLOOR and move their status while
// this one runs, so the page and the API are compared on one reading, retried until they agree.
import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

type Milestone = { key: string; status: string; estimateDays: number | null };

/** "X of Y estimated days done (Z%)", as the plan weighs each milestone (lib/graph/plan.ts). */
async function expectedSummary(page: Page): Promise<string> {
  const [list, plan] = await Promise.all([page.request.get("/api/v1/projects/FLOOR/milestones"), page.request.get("/api/v1/projects/FLOOR/plan")]);
  expect(list.status()).toBe(200);
  expect(plan.status()).toBe(200);
  const milestones: Milestone[] = (await list.json()).milestones;
  const fallback: number = (await plan.json()).plan.defaultEstimateDays;
  let done = 0;
  let scope = 0;
  for (const m of milestones) {
    if (m.status === "cancelled") continue;
    const weight = Math.round((m.estimateDays ?? fallback) * 1000);
    scope += weight;
    if (m.status === "done") done += weight;
  }
  const days = (units: number) => Math.round(units / 100) / 10;
  return `${days(done)} of ${days(scope)} estimated days done (${scope ? Math.round((done / scope) * 100) : 0}%)`;
}

/** WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("a manager reads the burn-up on FLOOR's overview, in the dark theme at 1024 px", async ({ browser }) => {
  const page = await signedInAs(browser, "manager");
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.context().addCookies([{ name: "legible-theme", value: "dark", url: test.info().project.use.baseURL! }]);
  await page.goto("/projects/FLOOR");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Burn-up", exact: true }) });
  await expect(card).toBeVisible();
  const chart = card.getByRole("img", { name: /^Burn-up: [\d.]+ of [\d.]+ estimated days done \(\d+%\) as of .*; the scope changed on \d+ days?\.$/ });
  await expect(chart).toBeVisible();

  // The summary is what the milestones add up to right now.
  await expect(async () => {
    const expected = await expectedSummary(page);
    await page.reload();
    const shown = await card.getByTestId("burnup-summary").locator("strong").innerText();
    expect(shown).toBe(expected);
    await expect(chart).toHaveAttribute("aria-label", new RegExp(`^Burn-up: ${expected.replace(/[.()]/g, "\\$&")}`));
  }).toPass({ timeout: 30_000 });

  // Scope changes: the demo's plan grew over months, so there are several, each naming milestones.
  const changes = card.locator("ol").getByRole("listitem");
  expect(await changes.count()).toBeGreaterThanOrEqual(3);
  await expect(changes.first()).toContainText(/^1\s*\d+ \w{3} \d{4} \+[\d.]+ d: FLOOR-\d+.* added/);
  const markers = chart.locator("g[data-direction]");
  expect(await markers.count()).toBe(await changes.count());
  await expect(markers.first().locator("title")).toHaveText(/^\d+ \w{3} \d{4}: \+[\d.]+ d: FLOOR-\d+/);
  await expect(chart.getByText("Today")).toBeVisible();
  for (const name of ["Scope", "Done", "Scope change", "Today"]) await expect(card.locator("ul[aria-hidden] li", { hasText: name }).first()).toBeVisible();
  await expect(card.locator("figcaption")).toContainText("Estimates are counted at their current value");
  await expect(card.locator("figcaption")).toContainText("Deleted milestones are not shown");

  // The numbers behind it, for anyone who cannot see the chart.
  await card.getByText("Data table").click();
  const table = card.getByRole("table", { name: "Burn-up by day" });
  await expect(table).toBeVisible();
  expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);

  // Fits at 1024 px: nothing runs off the side, the chart stays inside its card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  const [cardBox, chartBox] = [await card.boundingBox(), await chart.boundingBox()];
  expect(chartBox!.x).toBeGreaterThanOrEqual(cardBox!.x);
  expect(chartBox!.x + chartBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
  expect(chartBox!.width).toBeGreaterThan(400);

  // Readable in the dark: the axis labels and lines stand out from the card's surface.
  const colours = await chart.evaluate((svg) => {
    const surface = getComputedStyle(svg.closest("section")!).backgroundColor;
    const axis = getComputedStyle(svg.querySelector("text")!).fill;
    const scope = getComputedStyle(svg.querySelectorAll("path")[2]).stroke;
    return { surface, axis, scope };
  });
  expect(contrast(colours.axis, colours.surface)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.scope, colours.surface)).toBeGreaterThanOrEqual(3);
  await page.context().close();
});
