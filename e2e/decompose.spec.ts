// Decompose (issue 9, item 3): an engineer takes a new handoff, types its milestones with their
// estimates and "after" dependencies, previews the keys and dependencies the server would make,
// fixes what the preview refuses, creates them and finds them on the handoff page, links a service
// to one of them and sees the whole plan on the project map, all in the browser.
import { expect, test } from "@playwright/test";
import { createHandoffViaApi, signedInAs, unique } from "./helpers/handoff";

test("an engineer decomposes a new handoff into three milestones with dependencies", async ({ browser }) => {
  // Researchers write handoffs; engineers plan the work they hand off.
  const researcher = await signedInAs(browser, "researcher");
  const tag = unique();
  const handoff = await createHandoffViaApi(researcher, `Decompose me ${tag}`);
  await researcher.context().close();

  const page = await signedInAs(browser, "engineer");
  await page.goto(`/projects/FLOOR/handoffs/${handoff.id}`);
  await page.getByRole("link", { name: "Decompose", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decompose" })).toBeVisible();

  const list = page.getByRole("textbox", { name: "Milestones" });
  const preview = page.getByRole("button", { name: "Preview" });
  const titles = [`Data loader ${tag}`, `Train the denoiser ${tag}`, `Serve behind the layout API ${tag}`];

  // A reference past the end of the list is named by line and column, and nothing is offered.
  await list.fill(`${titles[0]} (3d)\n${titles[1]} ~5 days after 1\n${titles[2]} after 7`);
  await preview.click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("alert")).toContainText(`Line 3, column ${titles[2].length + 8}: "after 7" — the list has 3 milestones.`);
  await expect(page.getByRole("button", { name: /^Create/ })).toHaveCount(0);

  // A cycle is named in order.
  await list.fill(`${titles[0]} after 2\n${titles[1]} after 1\n${titles[2]}`);
  await preview.click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("alert")).toContainText(/cycle: FLOOR-\d+ → FLOOR-\d+ → FLOOR-\d+/);

  await list.fill(`${titles[0]} (3d)\n${titles[1]} ~5 days after 1\n- ${titles[2]} (2d) after 1, 2`);
  await preview.click();
  const table = page.getByRole("table", { name: "Milestones to create" });
  await expect(table.getByRole("row")).toHaveCount(4);
  const keys = await table.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(keys).toHaveLength(3);
  const row = (i: number) => table.getByRole("row").nth(i + 1);
  await expect(row(0)).toContainText(titles[0]);
  await expect(row(0)).toContainText("3 d");
  await expect(row(1)).toContainText(titles[1]);
  await expect(row(1).locator("td").nth(4)).toHaveText(keys[0]);
  await expect(row(2).locator("td").nth(4)).toHaveText(`${keys[0]}, ${keys[1]}`);

  // Editing the list withdraws the offer until it is previewed again.
  await list.press("End");
  await list.pressSequentially(" ");
  await expect(page.getByRole("button", { name: /^Create/ })).toHaveCount(0);
  await preview.click();

  await page.getByRole("button", { name: "Create 3 milestones" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/FLOOR/handoffs/${handoff.id}$`));
  for (const [i, title] of titles.entries()) {
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expect(page.getByText(keys[i], { exact: true })).toBeVisible();
  }

  // The dependencies were made too: the last milestone's page lists both prerequisites.
  await page.getByRole("link", { name: titles[2] }).click();
  await expect(page.getByRole("heading", { level: 1, name: titles[2] })).toBeVisible();
  await expect(page.getByRole("link", { name: titles[0] }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: titles[1] }).first()).toBeVisible();

  // The service that implements it, linked from the milestone page.
  await page.getByText("Link services").click();
  const services = page.getByRole("form", { name: "Services that implement this milestone" });
  await services.getByRole("checkbox", { name: /layout-api/ }).check();
  await services.getByRole("button", { name: "Save services" }).click();
  await expect(page.getByRole("link", { name: "layout-api", exact: true })).toBeVisible();

  // The map shows the handoff, its milestones, their order and the service (read from its list view).
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Map" }).click();
  await page.getByRole("button", { name: "Show as list" }).click();
  const links = page.getByRole("table", { name: /^Links/ });
  const link = (from: string, relation: string, to: string) => links.getByRole("row").filter({ has: page.getByRole("cell", { name: from, exact: true }) }).filter({ hasText: relation }).filter({ has: page.getByRole("cell", { name: to, exact: true }) });
  const named = (i: number) => `${keys[i]} ${titles[i]}`;
  for (const i of [0, 1, 2]) await expect(link(`Decompose me ${tag}`, "decomposed into", named(i))).toHaveCount(1);
  await expect(link(named(0), "must finish before", named(1))).toHaveCount(1);
  await expect(link(named(1), "must finish before", named(2))).toHaveCount(1);
  await expect(link(named(2), "implemented by", "layout-api")).toHaveCount(1);
});
