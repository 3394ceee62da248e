// The project board (issue 9, item 5): a column per milestone status. An engineer drags a card
// to another column and the milestone's history records it; Blocked asks for the note and refuses
// an empty one by the field's label; a card someone else moved first is refused (409) and redrawn;
// a researcher sees the same board without handles or menus. Each test makes its own milestone in
// the demo project FLOOR (it starts Planned), so the demo's own milestones stay as they are.
import { expect, test, type Page } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

async function newMilestone(page: Page, title: string): Promise<{ id: string; key: string; version: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const key = `FLOOR-${10_000 + Math.floor(Math.random() * 89_999)}`;
    const response = await page.request.post("/api/v1/projects/FLOOR/milestones", { data: { key, title }, headers: ownOrigin() });
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).milestone;
  }
  throw new Error("no free milestone key after 5 tries");
}

const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const card = (page: Page, key: string) => page.locator(`[data-testid="board-card"][data-key="${key}"]`);

test("an engineer drags a card from Planned to In progress, and the milestone's history shows it", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  const m = await newMilestone(engineer, `Board drag ${unique()}`);
  // Tall enough that the new card (last in Planned) and the target column are both in view: a drag
  // that has to scroll the page starts from whatever card then lies under the pointer.
  await engineer.setViewportSize({ width: 1280, height: 2000 });
  await engineer.goto("/projects/FLOOR");
  await engineer.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Board" }).click();
  await expect(engineer).toHaveURL(/\/projects\/FLOOR\/board$/);
  await expect(column(engineer, "Planned").locator(`[data-key="${m.key}"]`)).toBeVisible();

  await card(engineer, m.key).dragTo(column(engineer, "In progress"));
  await expect(engineer.getByRole("status")).toContainText(`${m.key} is now in progress.`);
  await expect(column(engineer, "In progress").locator(`[data-key="${m.key}"]`)).toBeVisible();

  // Still there after a reload: the server changed the status, not just the page.
  await engineer.reload();
  await expect(column(engineer, "In progress").locator(`[data-key="${m.key}"]`)).toBeVisible();
  await engineer.goto(`/projects/FLOOR/milestones/${m.id}`);
  await expect(engineer.getByText("moved it from planned to in progress")).toBeVisible();
});

test("moving to Blocked asks for the note; an empty one is refused by its label, from the keyboard menu too", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  const m = await newMilestone(engineer, `Board block ${unique()}`);
  await engineer.goto("/projects/FLOOR/board");
  await engineer.getByRole("combobox", { name: `Move ${m.key} to` }).selectOption({ label: "Blocked" });
  const dialog = engineer.getByRole("dialog", { name: `Move ${m.key} to Blocked` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Move to Blocked" }).click();
  await expect(dialog.getByText("Note must say what blocks this milestone")).toBeVisible();
  await expect(column(engineer, "Planned").locator(`[data-key="${m.key}"]`)).toBeVisible();

  const note = `Waiting for the GPU quota ${unique()}`;
  await dialog.getByRole("textbox", { name: "Note" }).fill(note);
  // Blocked work is rarely on track: the health the card leaves in starts at At risk.
  await expect(dialog.getByRole("combobox", { name: "Health" })).toHaveValue("at_risk");
  await dialog.getByRole("combobox", { name: "Health" }).selectOption({ label: "Off track" });
  await dialog.getByRole("button", { name: "Move to Blocked" }).click();
  await expect(dialog).toBeHidden();
  await expect(column(engineer, "Blocked").locator(`[data-key="${m.key}"]`)).toBeVisible();
  await engineer.goto(`/projects/FLOOR/milestones/${m.id}`);
  await expect(engineer.getByText("moved it from planned to blocked, health off track")).toBeVisible();
  await expect(engineer.getByText(note)).toBeVisible();
});

test("a card someone else moved first is refused with the 409 message and redrawn where it is now", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  const m = await newMilestone(engineer, `Board conflict ${unique()}`);
  await engineer.goto("/projects/FLOOR/board");
  await expect(column(engineer, "Planned").locator(`[data-key="${m.key}"]`)).toBeVisible();
  // Meanwhile the milestone is marked done elsewhere (the API, as another tab would).
  const done = await engineer.request.post(`/api/v1/milestones/${m.id}/status`, { data: { status: "done", health: "on_track", version: m.version }, headers: ownOrigin() });
  expect(done.status(), await done.text()).toBe(200);

  await engineer.getByRole("combobox", { name: `Move ${m.key} to` }).selectOption({ label: "In progress" });
  await expect(engineer.getByRole("alert").filter({ hasText: "Someone updated this milestone's status after you opened it." })).toBeVisible();
  await expect(column(engineer, "Done").locator(`[data-key="${m.key}"]`)).toBeVisible();
});

test("a researcher sees the board without drag handles or move menus", async ({ browser }) => {
  const researcher = await signedInAs(browser, "researcher");
  await researcher.goto("/projects/FLOOR/board");
  await expect(researcher.getByRole("heading", { name: "Board", level: 1 })).toBeVisible();
  await expect(researcher.getByTestId("board-card").first()).toBeVisible();
  await expect(researcher.getByTestId("drag-handle")).toHaveCount(0);
  await expect(researcher.locator('[draggable="true"]')).toHaveCount(0);
  await expect(researcher.getByRole("combobox", { name: /^Move / })).toHaveCount(0);
});

test("the board is readable at 1024 px in the dark theme: the columns scroll inside the board", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  await engineer.setViewportSize({ width: 1024, height: 800 });
  await engineer.emulateMedia({ colorScheme: "dark" });
  await engineer.goto("/projects/FLOOR/board");
  await expect(engineer.getByTestId("board-card").first()).toBeVisible();
  // The page itself does not scroll sideways; the board region does when it must.
  const pageWidth = await engineer.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(1024);
  await engineer.screenshot({ path: test.info().outputPath("board-1024-dark.png"), fullPage: true });

  // At 1280 px every column is in view beside the sidebar, Cancelled included.
  await engineer.setViewportSize({ width: 1280, height: 800 });
  const board = engineer.getByRole("region", { name: "Board" });
  expect(await board.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await expect(column(engineer, "Cancelled")).toBeInViewport();
});

test("a board left open in a background tab shows another person's move when its tab comes back", async ({ browser }) => {
  const manager = await signedInAs(browser, "manager");
  const engineer = await signedInAs(browser, "engineer");
  const m = await newMilestone(engineer, `Board refresh ${unique()}`);
  await manager.goto("/projects/FLOOR/board");
  await expect(column(manager, "Planned").locator(`[data-key="${m.key}"]`)).toBeVisible();

  // The manager's tab goes to the background; meanwhile the engineer starts the work.
  const setVisibility = (state: "hidden" | "visible", later = 0) =>
    manager.evaluate(
      ({ state, later }) => {
        const now = Date.now;
        if (later) Date.now = () => now() + later;
        Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        Date.now = now;
      },
      { state, later },
    );
  await setVisibility("hidden");
  const moved = await engineer.request.post(`/api/v1/milestones/${m.id}/status`, { data: { status: "in_progress", health: "on_track", version: m.version }, headers: ownOrigin() });
  expect(moved.status(), await moved.text()).toBe(200);

  // A minute later the tab is back: the board re-reads the server and the card has moved.
  await setVisibility("visible", 60_000);
  await expect(column(manager, "In progress").locator(`[data-key="${m.key}"]`)).toBeVisible();
  await expect(column(manager, "Planned").locator(`[data-key="${m.key}"]`)).toHaveCount(0);
});
