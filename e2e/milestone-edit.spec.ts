// Planning a milestone in the browser (issue 9, items 1–3): editing with the 409 case seen by two
// people at once (nothing silently lost), a dependency that would close a cycle refused with the
// cycle named in order, and linking the services that implement it. Each test makes its own
// milestones in the demo project FLOOR, with keys no other test uses.
import { expect, test, type Page } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

/** A fresh milestone in FLOOR through the API, as the signed-in user; keys well above the demo's. */
async function newMilestone(page: Page, title: string, extra: Record<string, unknown> = {}): Promise<{ id: string; key: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const key = `FLOOR-${10_000 + Math.floor(Math.random() * 89_999)}`;
    const response = await page.request.post("/api/v1/projects/FLOOR/milestones", { data: { key, title, ...extra }, headers: ownOrigin() });
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).milestone as { id: string; key: string };
  }
  throw new Error("no free milestone key after 5 tries");
}

test("two people edit one milestone: the later save gets the newer version beside theirs, nothing lost", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  const manager = await signedInAs(browser, "manager");
  const m = await newMilestone(engineer, `Serve the layout model ${unique()}`, { acceptanceCriteria: "- Answers in 200 ms\n- Has a dashboard" });
  const editUrl = `/projects/FLOOR/milestones/${m.id}/edit`;

  // Both open the Edit page at the same version.
  await engineer.goto(editUrl);
  await manager.goto(editUrl);
  const mine = engineer.getByRole("form", { name: "Edit milestone" });
  const theirs = manager.getByRole("form", { name: "Edit milestone" });
  await expect(mine.getByRole("textbox", { name: "Title" })).toBeVisible();
  await expect(theirs.getByRole("textbox", { name: "Title" })).toBeVisible();

  // The manager saves first.
  const managersTitle = `Serve it behind the gateway ${unique()}`;
  await theirs.getByRole("textbox", { name: "Title" }).fill(managersTitle);
  await theirs.getByRole("button", { name: "Save changes" }).click();
  await expect(manager).toHaveURL(new RegExp(`/milestones/${m.id}\\?saved=1$`));
  await expect(manager.getByRole("heading", { name: managersTitle, level: 1 })).toBeVisible();

  // The engineer's save is refused; their text stays, the manager's version shows beside it.
  const myDescription = `My careful notes ${unique()}`;
  await mine.getByRole("textbox", { name: "Description" }).fill(myDescription);
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(mine.getByText("Someone changed this milestone after you opened it.")).toBeVisible();
  await expect(mine.getByTestId("conflict-theirs")).toContainText(managersTitle);
  // The fields saving again would replace are named and marked: the manager's title, and the description the engineer changed.
  await expect(mine.getByText("What is saved now differs from yours in Title and Description.", { exact: false })).toBeVisible();
  await expect(mine.getByTestId("conflict-theirs").locator("[data-differs]")).toHaveCount(2);
  await expect(mine.getByRole("textbox", { name: "Description" })).toHaveValue(myDescription);

  // Saving again, having seen theirs, keeps the manager's title (now in view) and adds the notes.
  await mine.getByRole("textbox", { name: "Title" }).fill(managersTitle);
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(engineer).toHaveURL(new RegExp(`/milestones/${m.id}\\?saved=1$`));
  await expect(engineer.getByText(myDescription)).toBeVisible();
  await expect(engineer.getByRole("heading", { name: managersTitle, level: 1 })).toBeVisible();

  // The criteria became a checklist; ticking one saves it.
  const box = engineer.getByRole("checkbox", { name: "Answers in 200 ms" });
  // The box sends its form at once (a server action POST to this page); wait for the answer.
  const saved = engineer.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/milestones/${m.id}`));
  await box.check();
  expect((await saved).status()).toBe(200);
  await engineer.reload();
  await expect(engineer.getByRole("checkbox", { name: "Answers in 200 ms" })).toBeChecked();
  await expect(engineer.getByRole("checkbox", { name: "Has a dashboard" })).not.toBeChecked();
});

test("a dependency that would close a cycle is refused, naming the cycle in order", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  // With Markdown to render, as real milestones have: the page streams, and the form must still have its select.
  const a = await newMilestone(page, `Collect floor plans ${unique()}`, { description: "Plans from **RPLAN**, cleaned.", acceptanceCriteria: "- 80k plans" });
  const b = await newMilestone(page, `Train on them ${unique()}`, { description: "A *diffusion* model." });

  // b's page is open in another tab before anything depends on anything: a is offered there.
  const other = await page.context().newPage();
  await other.goto(`/projects/FLOOR/milestones/${b.id}`);
  const back = other.getByRole("form", { name: "Add dependency" });
  await expect(back.getByRole("combobox", { name: "Depends on" }).locator(`option[value="${a.id}"]`)).toHaveCount(1);

  // a depends on b, from a's page.
  await page.goto(`/projects/FLOOR/milestones/${a.id}`);
  const add = page.getByRole("form", { name: "Add dependency" });
  await add.getByRole("combobox", { name: "Depends on" }).selectOption({ value: b.id });
  await add.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`^${b.key} `) })).toBeVisible();

  // From the stale tab, b depends on a would close b → a → b: the server refuses it, naming the cycle.
  await back.getByRole("combobox", { name: "Depends on" }).selectOption({ value: a.id });
  await back.getByRole("button", { name: "Add" }).click();
  await expect(back.getByText(/would close a cycle/)).toContainText(`${b.key} → ${a.key} → ${b.key}`);
  // Read afresh, b's page no longer offers a at all.
  await other.reload();
  await expect(other.getByRole("form", { name: "Add dependency" }).getByRole("combobox", { name: "Depends on" }).locator(`option[value="${a.id}"]`)).toHaveCount(0);

  // Removing the first edge from a's page.
  await page.goto(`/projects/FLOOR/milestones/${a.id}`);
  await page.getByRole("form", { name: `Remove dependency on ${b.key}` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Nothing: this milestone can start any time.")).toBeVisible();
});

test("an engineer links the services that implement a milestone", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  const m = await newMilestone(page, `Gateway route for layouts ${unique()}`);
  await page.goto(`/projects/FLOOR/milestones/${m.id}`);
  await expect(page.getByText("No service linked yet.")).toBeVisible();
  await page.getByText("Link services").click();
  const form = page.getByRole("form", { name: "Services that implement this milestone" });
  await form.getByRole("checkbox", { name: /layout-api/ }).check();
  await form.getByRole("checkbox", { name: /ai-gateway/ }).check();
  await form.getByRole("button", { name: "Save services" }).click();
  await expect(page.getByRole("link", { name: "layout-api", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "ai-gateway", exact: true })).toBeVisible();
  await expect(page.getByText("No service linked yet.")).toHaveCount(0);
});

test("leaving the Edit form with unsaved changes asks first; a saved form leaves freely", async ({ browser }) => {
  const engineer = await signedInAs(browser, "engineer");
  const m = await newMilestone(engineer, `Export floor plans as SVG ${unique()}`);
  const editUrl = `/projects/FLOOR/milestones/${m.id}/edit`;
  await engineer.goto(editUrl);
  const form = engineer.getByRole("form", { name: "Edit milestone" });
  await form.getByRole("textbox", { name: "Title" }).fill(`Export floor plans as PDF ${unique()}`);

  const questions: string[] = [];
  engineer.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  const nav = engineer.getByRole("navigation", { name: "Project sections" });
  await nav.getByRole("link", { name: "Board" }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain("not saved");
  await expect(engineer).toHaveURL(new RegExp(`${editUrl}$`));

  // Saved: nothing to ask.
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(engineer).toHaveURL(new RegExp(`/milestones/${m.id}\\?saved=1$`));
  engineer.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await nav.getByRole("link", { name: "Board" }).click();
  await expect(engineer).toHaveURL(/\/projects\/FLOOR\/board$/);
  expect(questions).toHaveLength(1);
});
