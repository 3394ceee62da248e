// The cross-project dashboard (issue 9, item 5): a manager sees, for every project, progress
// weighted by estimate, counts by status, blocked / at risk / slipping / overdue, the next due
// dates, the latest health note, and the cause chain of each blocked or slipping milestone, on one
// page, without clicking into anything. The demo's FLOOR plan has FLOOR-11 blocked on FLOOR-10
// (blocked, past due), and FLOOR-15 at risk behind FLOOR-8 (off track, late).
import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers/handoff";

test("a manager sees every project's standing and the causes behind it on one page", async ({ browser }) => {
  const page = await signedInAs(browser, "manager");
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto("/projects");
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  const floor = page.getByRole("article", { name: "Floor-plan generation" });
  const rag = page.getByRole("article", { name: "Retrieval-augmented search" });
  await expect(floor).toBeVisible();
  await expect(rag).toBeVisible();

  // Progress weighted by estimate, and the counts by status.
  await expect(floor.getByRole("progressbar", { name: "Floor-plan generation progress, weighted by estimate" })).toHaveAttribute("aria-valuetext", /^\d+% done$/);
  await expect(floor.getByRole("img", { name: /^Floor-plan generation milestones by status: .*\d+ blocked/ })).toBeVisible();

  // The computed signals: at least the demo's own (other tests add milestones to FLOOR meanwhile).
  await expect(floor.getByRole("term")).toHaveText(["Blocked", "At risk", "Slipping", "Overdue"]);
  const signals = (await floor.getByRole("definition").allInnerTexts()).map(Number);
  expect(signals).toHaveLength(4);
  for (const n of signals) expect(n).toBeGreaterThanOrEqual(2);
  await expect(rag.getByRole("definition")).toHaveText(["0", "0", "0", "0"]);

  // The next three due dates of open milestones.
  const due = floor.getByRole("region", { name: "Next due" }).getByRole("listitem");
  await expect(due).toHaveCount(3);
  for (const item of await due.all()) await expect(item).toContainText(/FLOOR-\d+/);

  // The newest status update with a note (the demo's, or one another test just wrote).
  const note = floor.getByRole("region", { name: "Latest health note" });
  await expect(note.getByRole("link", { name: /^FLOOR-\d+$/ })).toBeVisible();

  // Each blocked, at-risk or slipping milestone with its causes, the root cause's note last.
  const why = floor.getByRole("region", { name: "Blocked, at risk or slipping, and why" });
  const chain11 = why.locator('[data-chain="FLOOR-11"]');
  await expect(chain11).toHaveText(/^FLOOR-11 blocked.* ← FLOOR-10 blocked, slipping \d+ d: Past due\. Meeting with the partner/);
  await expect(why.locator('[data-chain="FLOOR-15"]')).toHaveText(/^FLOOR-15 at risk.* ← FLOOR-8 off track, slipping \d+ d: Missed the due date\./);
  await expect(why.locator('[data-chain="FLOOR-10"]')).toHaveText(/^FLOOR-10 blocked, slipping \d+ d: Past due\./);
  await expect(rag.getByRole("region", { name: "Blocked, at risk or slipping, and why" })).toHaveText(/Nothing is blocked, at risk or slipping\./);

  // Readable at 1024 px: nothing runs off the side.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

  // And in the dark theme.
  await page.context().addCookies([{ name: "legible-theme", value: "dark", url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(floor.locator('[data-chain="FLOOR-11"]')).toBeVisible();

  // The links lead to the milestones.
  await chain11.getByRole("link", { name: "FLOOR-10" }).click();
  await expect(page).toHaveURL(/\/projects\/FLOOR\/milestones\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Licensed in-house plan corpus for commercial training" })).toBeVisible();
  await page.context().close();
});

test("a researcher sees the dashboard too, for the projects they are a member of", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Floor-plan generation" })).toBeVisible();
  await page.context().close();
});
