// Writing a handoff in the browser: BibTeX import on the new-handoff page, the Markdown editor
// with its live preview and save shortcut, autosaved drafts, and no lost updates when two people
// save from the same version.
import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { bibEntry, sectionEditor, signedInAs, typeInto, unique } from "./helpers/handoff";
import { ownOrigin } from "./helpers/api";

const PROJECT = "FLOOR";

/** A fresh handoff through the API (the session cookie authenticates), for tests about editing. */
async function createHandoff(page: Page, title: string): Promise<string> {
  const response = await page.request.post(`/api/v1/projects/${PROJECT}/handoffs`, { data: { title, paperTitle: "Denoising Diffusion Probabilistic Models" }, headers: ownOrigin() });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { handoff: { id: string } }).handoff.id;
}

/** A server action's call (autosave, discarding a draft): a POST to the page with Next's header. */
const isServerAction = (request: Request) => request.method() === "POST" && !!request.headers()["next-action"];

type Revision = { version: number; message: string; author: { name: string } | null };

async function revisionsOf(page: Page, id: string): Promise<Revision[]> {
  const response = await page.request.get(`/api/v1/handoffs/${id}/revisions`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { revisions: Revision[] }).revisions;
}

test("a researcher creates a handoff from BibTeX, writes math and a table with a live preview, and saves with Ctrl+S", async ({ page }) => {
  test.slow();
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  await page.goto(`/projects/${PROJECT}/handoffs/new`);
  await expect(page.getByRole("heading", { level: 1, name: "New handoff" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Paper handoff/ })).toBeChecked();
  await expect(page.getByText("15 sections · 9 required")).toBeVisible();

  await page.getByLabel("Paste BibTeX").fill(bibEntry("hu2022lora"));
  await page.getByRole("button", { name: "Fill from BibTeX" }).click();
  await expect(page.getByLabel("Paper title")).toHaveValue("LoRA: Low-Rank Adaptation of Large Language Models");
  await expect(page.getByLabel("Authors")).toHaveValue(/^Edward J Hu\nYelong Shen\n.*\nWeizhu Chen$/s);
  await expect(page.getByLabel("Venue")).toHaveValue("International Conference on Learning Representations");
  await expect(page.getByLabel("Year")).toHaveValue("2022");
  await expect(page.getByLabel("URL")).toHaveValue("https://openreview.net/forum?id=nZeVKeeFYf9");

  const title = `LoRA adapters for the layout assistant ${unique()}`;
  await page.getByRole("textbox", { name: "Handoff title", exact: true }).fill(title);
  await page.getByRole("button", { name: "Create handoff" }).click();
  await page.waitForURL(/\/handoffs\/[^/]+\/edit/);
  const editUrl = new URL(page.url());
  const readPath = editUrl.pathname.replace(/\/edit$/, "");
  await expect(page.getByLabel("Handoff title")).toHaveValue(title);
  await expect(page.getByTestId("completeness")).toHaveText("0%");

  await typeInto(
    page,
    "TL;DR",
    [
      "LoRA freezes the pretrained weights and learns a low-rank update $\\Delta W = BA$ with $r \\ll d$.",
      "",
      "| Rank | Trainable params | Accuracy |",
      "| --- | --- | --- |",
      "| 4 | 4.7M | 91.2 |",
    ].join("\n"),
  );
  const preview = page.getByTestId("preview");
  await expect(preview.locator(".katex").first()).toBeVisible();
  await expect(preview.getByRole("table")).toBeVisible();
  await expect(preview.getByRole("cell", { name: "4.7M" })).toBeVisible();
  await expect(page.getByTestId("outline-tldr")).toHaveAttribute("data-state", "filled");
  await expect(page.getByTestId("completeness")).toHaveText("11%");

  await page.getByRole("textbox", { name: "Save message" }).fill("First pass at the TL;DR");
  await sectionEditor(page, "TL;DR").click();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toContainText("version 2");

  await page.goto(readPath);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const tldr = page.getByRole("region", { name: "TL;DR" });
  await expect(tldr.getByText("LoRA freezes the pretrained weights")).toBeVisible();
  await expect(tldr.locator(".katex").first()).toBeVisible();
  await expect(tldr.getByRole("cell", { name: "91.2" })).toBeVisible();
  await expect(page.getByText("LoRA: Low-Rank Adaptation of Large Language Models").first()).toBeVisible();
  const revisions = await revisionsOf(page, readPath.split("/").pop()!);
  expect(revisions[0]).toMatchObject({ version: 2, message: "First pass at the TL;DR", author: { name: researcher.name } });
});

test("a malformed BibTeX entry is pointed at by line and column", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  await page.goto(`/projects/${PROJECT}/handoffs/new`);
  await page.getByLabel("Paste BibTeX").fill("@inproceedings{hu2022lora,\n  title = {LoRA: Low-Rank Adaptation},\n  author = {Hu, Edward J.}\n  year = {2022}\n}");
  await page.getByRole("button", { name: "Fill from BibTeX" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Line 4, column 3" });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('expected "," or "}" after the value of "author"');
  await expect(page.getByLabel("Paste BibTeX")).toHaveAttribute("aria-invalid", "true");
  // Nothing was filled from the broken entry.
  await expect(page.getByLabel("Paper title")).toHaveValue("");
});

test("no lost updates: the second of two saves from one version gets the conflict view and keeps its text", async ({ browser }) => {
  test.slow();
  const researcher = await signedInAs(browser, "researcher");
  const manager = await signedInAs(browser, "manager");
  const title = `Conflict check ${unique()}`;
  const id = await createHandoff(researcher, title);
  const editPath = `/projects/${PROJECT}/handoffs/${id}/edit`;

  await researcher.goto(editPath);
  await manager.goto(editPath);
  const researcherText = `Researcher: diffusion needs 1000 denoising steps ${unique()}`;
  const managerText = `Manager: budget 50 steps with DDIM for production ${unique()}`;
  await typeInto(researcher, "TL;DR", researcherText);
  await typeInto(manager, "TL;DR", managerText);

  await researcher.keyboard.press("ControlOrMeta+s");
  await expect(researcher.getByTestId("save-state")).toContainText("version 2");

  await manager.getByRole("textbox", { name: "Save message" }).fill("Production budget");
  await manager.getByRole("button", { name: "Save", exact: true }).click();
  await expect(manager.getByRole("heading", { name: "Ada Lindqvist saved this handoff while you were editing" })).toBeVisible();
  const item = manager.getByRole("region", { name: "TL;DR" });
  await expect(item.getByTestId("theirs-text")).toContainText(researcherText);
  await expect(item.getByTestId("mine-text")).toContainText(managerText);
  await expect(item.getByText("Changed by both of you")).toBeVisible();

  await item.getByRole("radio", { name: "Keep mine" }).check();
  await manager.getByRole("button", { name: "Save merged" }).click();
  await expect(manager.getByTestId("save-state")).toContainText("version 3");
  await expect(sectionEditor(manager, "TL;DR")).toContainText(managerText);

  await manager.goto(`/projects/${PROJECT}/handoffs/${id}`);
  await expect(manager.getByRole("region", { name: "TL;DR" }).getByText(managerText)).toBeVisible();
  await expect(manager.getByText(researcherText)).toHaveCount(0);
  const api = await manager.request.get(`/api/v1/handoffs/${id}`);
  expect(((await api.json()) as { handoff: { version: number } }).handoff.version).toBe(3);
  // Both saves are in the history: the researcher's is not lost either.
  const revisions = await revisionsOf(manager, id);
  expect(revisions.map((r) => [r.version, r.author?.name])).toEqual([
    [3, demoAccount("manager").name],
    [2, demoAccount("researcher").name],
    [1, demoAccount("researcher").name],
  ]);
  expect(revisions[0].message).toContain("Production budget");

  await researcher.context().close();
  await manager.context().close();
});

test("the same person saving from two tabs is told the newer version came from another tab or window, not from themselves by name", async ({ browser }) => {
  test.slow();
  const first = await signedInAs(browser, "researcher");
  const second = await first.context().newPage();
  const id = await createHandoff(first, `Two tabs check ${unique()}`);
  const editPath = `/projects/${PROJECT}/handoffs/${id}/edit`;
  await first.goto(editPath);
  await second.goto(editPath);

  const firstText = `Written in the first tab ${unique()}`;
  const secondText = `Written in the second tab ${unique()}`;
  await typeInto(first, "TL;DR", firstText);
  await first.keyboard.press("ControlOrMeta+s");
  await expect(first.getByTestId("save-state")).toContainText("version 2");

  await typeInto(second, "TL;DR", secondText);
  await second.keyboard.press("ControlOrMeta+s");
  const heading = second.getByRole("heading", { name: /saved this handoff/ });
  await expect(heading).toHaveText("You saved this handoff in another tab or window while you were editing here");
  await expect(second.getByText(`${demoAccount("researcher").name} saved`)).toHaveCount(0);
  const item = second.getByRole("region", { name: "TL;DR" });
  await expect(item.getByTestId("theirs-text")).toContainText(firstText);
  await expect(item.getByTestId("mine-text")).toContainText(secondText);

  // Back in the editor, the notice says the same.
  await second.getByRole("button", { name: "Back to editor" }).click();
  await expect(second.getByText("Not saved: your changes conflict with a newer version")).toBeVisible();
  await expect(second.getByText("You saved version 2 in another tab or window. Your text is kept; merge to save it.")).toBeVisible();

  await first.context().close();
});

test("autosave keeps a draft without a version, and reopening offers to restore it", async ({ page }) => {
  test.slow();
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const id = await createHandoff(page, `Autosave check ${unique()}`);
  const editPath = `/projects/${PROJECT}/handoffs/${id}/edit`;
  await page.goto(editPath);

  const drafted = `Sampling takes 50 steps on an A100 ${unique()}`;
  await typeInto(page, "TL;DR", drafted);
  await expect(page.getByTestId("save-state")).toContainText("Draft saved");

  // Typing again and leaving before that text reaches the server: the browser asks first, since
  // the text is nowhere else yet. The draft's write is held, not answered, so that "before" does
  // not depend on the test reaching the reload within autosave's delay (1.5 s, short on a loaded machine).
  const held: Route[] = [];
  await page.route(`**${editPath}`, (route) => (isServerAction(route.request()) ? void held.push(route) : route.fallback()));
  let dialog = "";
  page.once("dialog", (d) => {
    dialog = d.type();
    void d.accept();
  });
  await page.keyboard.type(" and more");
  await expect(page.getByTestId("save-state")).toContainText("Saving draft…");
  await expect.poll(() => held.length).toBe(1);
  // Scrolled far down when leaving: the browser brings the page back there after the reload.
  await page.mouse.wheel(0, 5_000);
  await page.reload();
  expect(dialog).toBe("beforeunload");
  await page.unrouteAll({ behavior: "ignoreErrors" });

  await expect(page.getByText("Restore your unsaved draft from")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore draft" })).toBeInViewport();
  await expect(page.getByTestId("save-state")).toContainText("Saved · version 1");
  await page.getByRole("button", { name: "Restore draft" }).click();
  await expect(sectionEditor(page, "TL;DR")).toContainText(drafted);
  // No revision was made by autosave.
  const api = await page.request.get(`/api/v1/handoffs/${id}`);
  expect(((await api.json()) as { handoff: { version: number } }).handoff.version).toBe(1);

  // Discarding removes the draft: the next visit offers nothing. The offer goes at once and the
  // server forgets the draft in turn; the next visit waits for that answer, as a person would.
  await page.goto(editPath);
  const discarded = page.waitForResponse((response) => isServerAction(response.request()));
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByText("Restore your unsaved draft from")).toHaveCount(0);
  expect((await discarded).ok()).toBe(true);
  await page.goto(editPath);
  await expect(page.getByLabel("Handoff title")).toBeVisible();
  await expect(page.getByText("Restore your unsaved draft from")).toHaveCount(0);
});

test("a draft restored on top of a newer version is merged, keeping both people's changes", async ({ browser }) => {
  test.slow();
  const researcher = await signedInAs(browser, "researcher");
  const manager = await signedInAs(browser, "manager");
  const id = await createHandoff(researcher, `Stale draft check ${unique()}`);
  const editPath = `/projects/${PROJECT}/handoffs/${id}/edit`;

  await researcher.goto(editPath);
  const mine = `TL;DR from the researcher's draft ${unique()}`;
  await typeInto(researcher, "TL;DR", mine);
  await expect(researcher.getByTestId("save-state")).toContainText("Draft saved");

  // Meanwhile the manager saves version 2 with a different section changed.
  const theirs = `Problem written by the manager ${unique()}`;
  const put = await manager.request.put(`/api/v1/handoffs/${id}`, {
    data: { version: 1, title: `Stale draft check`, paperTitle: "Denoising Diffusion Probabilistic Models", sections: { problem: theirs }, message: "Problem statement" },
    headers: ownOrigin(),
  });
  expect(put.status()).toBe(200);

  await researcher.goto(editPath);
  await expect(researcher.getByText("It was written on version 1; version 2 has been saved since.")).toBeVisible();
  await researcher.getByRole("button", { name: "Restore draft" }).click();
  await researcher.keyboard.press("ControlOrMeta+s");
  await expect(researcher.getByRole("heading", { name: "Priya Raman saved this handoff while you were editing" })).toBeVisible();
  // Knowing the version both started from, each side's own change is kept by default.
  const tldr = researcher.getByRole("region", { name: "TL;DR" });
  await expect(tldr.getByText("Only you changed this")).toBeVisible();
  await expect(tldr.getByRole("radio", { name: "Keep mine" })).toBeChecked();
  const problem = researcher.getByRole("region", { name: "Problem", exact: true });
  await expect(problem.getByText("Only Priya Raman changed this")).toBeVisible();
  await expect(problem.getByRole("radio", { name: "Take theirs" })).toBeChecked();
  await researcher.getByRole("button", { name: "Save merged" }).click();
  await expect(researcher.getByTestId("save-state")).toContainText("version 3");

  const saved = (await (await researcher.request.get(`/api/v1/handoffs/${id}`)).json()) as { handoff: { version: number; sections: Record<string, string> } };
  expect(saved.handoff.version).toBe(3);
  expect(saved.handoff.sections).toMatchObject({ tldr: mine, problem: theirs });

  await researcher.context().close();
  await manager.context().close();
});

test("an engineer is told calmly that researchers write handoffs", async ({ page }) => {
  const engineer = demoAccount("engineer");
  await signIn(page, engineer.email, engineer.password);
  await page.goto(`/projects/${PROJECT}/handoffs/new`);
  await expect(page.getByRole("heading", { name: "Researchers write handoffs here" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create handoff" })).toHaveCount(0);
});
