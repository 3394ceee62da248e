// What a new user tripped over (issue 8): the app shell keeping up with a new project, disclosures
// folding once saved, counted nouns, the venue year printed once, and a favicon.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { createHandoffViaApi, unique } from "./helpers/handoff";

test("the browser's /favicon.ico is the Legible mark, not a 404", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await res.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("a new project shows in the sidebar's project list at once, without a reload", async ({ page }) => {
  const manager = demoAccount("manager");
  await signIn(page, manager.email, manager.password);
  await page.goto("/projects");
  const sidebar = page.getByRole("navigation", { name: "Your projects" });
  const key = `P${unique().slice(0, 6).toUpperCase()}`;
  const name = `Sidebar check ${key}`;
  await expect(sidebar.getByRole("link", { name })).toHaveCount(0);
  await page.locator("summary", { hasText: "New project" }).click();
  const form = page.getByRole("form", { name: "New project" });
  await form.getByRole("textbox", { name: "Key" }).fill(key);
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${key}$`));
  await expect(sidebar.getByRole("link", { name })).toBeVisible();
});

test("'Change reviewers' folds away once the reviewers are saved", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const handoff = await createHandoffViaApi(page, `Reviewers fold ${unique()}`);
  await page.goto(`/projects/FLOOR/handoffs/${handoff.id}`);
  const people = page.locator("section", { has: page.getByRole("heading", { name: "People", exact: true }) }).last();
  await people.getByText("Assign reviewers", { exact: true }).click();
  const form = people.getByRole("form", { name: "Assign reviewers" });
  await form.getByRole("checkbox").first().check();
  await form.getByRole("button", { name: "Save reviewers" }).click();
  await expect(people.getByRole("list", { name: "Reviewers" })).toBeVisible();
  await expect(form).toBeHidden();
  await expect(people.getByText("Change reviewers", { exact: true })).toBeVisible();
});

test("counts agree with their nouns on the map picker, and a venue's year is printed once", async ({ page }) => {
  const manager = demoAccount("manager");
  await signIn(page, manager.email, manager.password);
  await page.goto("/map");
  const lines = await page.locator("main li span").allInnerTexts();
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) {
    for (const [, n, noun] of line.matchAll(/(\d+) (milestones?|handoffs?)/g)) {
      expect(noun.endsWith("s"), `"${line}"`).toBe(n !== "1");
    }
  }
  await page.goto("/handoffs");
  const table = page.getByRole("table").first();
  await expect(table).toContainText("CVPR 2021");
  expect(await table.innerText()).not.toMatch(/\b(\d{4}) \1\b/);
});
