// Reviewing a handoff in the browser: the legibility check refuses an incomplete submit, an
// engineer comments and requests changes, the researcher replies and resubmits, a manager
// accepts, and the activity feed records each step. Also: history with a diff and restore,
// notebook upload and rendering, Markdown export and the print layout.
// Every test makes its own handoff with a unique title, so tests run in parallel on the shared
// demo database.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { FIXTURES, decide, readSection, signedInAs, statusBadge, unique } from "./helpers/handoff";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import { ownOrigin } from "./helpers/api";

const NOTEBOOK = path.join(FIXTURES, "notebook-micrograd-demo.ipynb");

type Handoff = { id: string; version: number; title: string };

/** Creates a handoff through the API as the signed-in user of `page`. */
async function createHandoff(page: Page, title: string, sections: Record<string, string>): Promise<Handoff> {
  const response = await page.request.post("/api/v1/projects/FLOOR/handoffs", { data: { title, sections }, headers: ownOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).handoff as Handoff;
}

async function saveHandoff(page: Page, handoff: Handoff, sections: Record<string, string>, message: string): Promise<Handoff> {
  const response = await page.request.put(`/api/v1/handoffs/${handoff.id}`, { data: { title: handoff.title, sections, version: handoff.version, message }, headers: ownOrigin() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).handoff as Handoff;
}

/** Every section of the default template, written. */
function allSections(note = ""): Record<string, string> {
  return Object.fromEntries(DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, `${s.title}: written for the engineers.${note}`]));
}

const readView = (h: Handoff) => `/projects/FLOOR/handoffs/${h.id}`;

test("a handoff goes from an incomplete draft through review to accepted, and the activity feed tells the story", async ({ browser }) => {
  test.setTimeout(120_000);
  const researcher = await signedInAs(browser, "researcher");
  const title = `Review flow ${unique()}`;
  let handoff = await createHandoff(researcher, title, { tldr: "A diffusion model that draws floor plans as vectors." });

  await test.step("submitting with empty required sections is refused, naming them", async () => {
    await researcher.goto(readView(handoff));
    await expect(researcher.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await researcher.getByRole("button", { name: "Submit for review" }).click();
    const alert = researcher.getByRole("alert").filter({ hasText: "required sections" });
    await expect(alert).toContainText("Fill in the required sections before submitting for review");
    for (const name of ["Problem", "Method", "Key results", "Risks", "Production: inputs and outputs", "Production: latency and throughput budgets"]) {
      await expect(alert.getByRole("listitem").filter({ hasText: name }).first()).toBeVisible();
    }
    await expect(alert.getByRole("link", { name: "Problem", exact: true })).toHaveAttribute("href", "#section-problem");
    await expect(statusBadge(researcher)).toHaveText("Draft");
  });

  await test.step("once every section is written, submitting puts it in review", async () => {
    handoff = await saveHandoff(researcher, handoff, allSections(), "Wrote every section");
    expect(handoff.version).toBe(2);
    await researcher.reload();
    await expect(researcher.getByText("Every required section is written.")).toBeVisible();
    // Assign the engineer as reviewer.
    await researcher.getByText("Assign reviewers").click();
    const form = researcher.getByRole("form", { name: "Assign reviewers" });
    await form.getByRole("checkbox", { name: /Tomás Herrera/ }).check();
    await form.getByRole("button", { name: "Save reviewers" }).click();
    await expect(researcher.getByRole("list", { name: "Reviewers" })).toContainText("Tomás Herrera");

    await researcher.getByRole("button", { name: "Submit for review" }).click();
    await expect(statusBadge(researcher)).toHaveText("In review");
    await expect(researcher.getByRole("region", { name: "Review status" })).toContainText("Waiting on Tomás Herrera");
  });

  const engineer = await signedInAs(browser, "engineer");
  const question = `What batch size fits on one L4? ${unique()}`;
  await test.step("the engineer comments on a section", async () => {
    await engineer.goto(readView(handoff));
    const method = readSection(engineer, "Method");
    await method.getByRole("button", { name: "Comment on Method" }).click();
    await method.getByRole("textbox", { name: "Comment on Method" }).fill(question);
    await method.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(method.getByRole("article", { name: "Thread by Tomás Herrera" })).toContainText(question);
    await expect(method.getByRole("textbox", { name: "Comment on Method" })).toHaveCount(0);
  });

  const answer = `Batch 8 at fp16, measured. ${unique()}`;
  await test.step("the researcher replies in the thread", async () => {
    await researcher.reload();
    const thread = readSection(researcher, "Method").getByRole("article", { name: "Thread by Tomás Herrera" });
    await expect(thread).toContainText(question);
    await thread.getByRole("button", { name: "Reply…" }).click();
    await thread.getByRole("textbox", { name: "Reply to Tomás Herrera" }).fill(answer);
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(thread.getByRole("list", { name: "Replies" })).toContainText(answer);
  });

  await test.step("the engineer resolves the thread and requests changes", async () => {
    await engineer.reload();
    const method = readSection(engineer, "Method");
    await method.getByRole("article", { name: "Thread by Tomás Herrera" }).getByRole("button", { name: "Resolve" }).click();
    // Resolved threads fold into one line.
    const resolved = method.getByRole("group", { name: "Resolved thread by Tomás Herrera" });
    await expect(resolved).toBeVisible();
    await expect(resolved.getByText(answer)).toBeHidden();
    // Unfolded, it says who resolved it.
    await resolved.locator("summary").click();
    await expect(resolved.getByText(answer)).toBeVisible();
    await expect(resolved).toContainText("Resolved by Tomás Herrera");
    // One click changes nothing: the decision asks what should change, and refuses to go on without it.
    const form = await decide(engineer, "Request changes");
    await expect(form.getByText("Say what should change: the author reads this note.")).toBeVisible();
    await expect(statusBadge(engineer)).toHaveText("In review");
    await form.getByRole("textbox", { name: "What should change?" }).fill("Give p95 at batch 8 as well.");
    await form.getByRole("button", { name: "Request changes", exact: true }).click();
    await expect(statusBadge(engineer)).toHaveText("Changes requested");
    // Engineers review; they cannot accept.
    await expect(engineer.getByRole("button", { name: "Accept" })).toHaveCount(0);
  });

  await test.step("the researcher reads the note and resubmits", async () => {
    await researcher.reload();
    const bar = researcher.getByRole("region", { name: "Review status" });
    await expect(bar).toContainText("Tomás Herrera requested changes");
    await expect(bar).toContainText("Give p95 at batch 8 as well.");
    await researcher.getByRole("button", { name: "Resubmit for review" }).click();
    await expect(statusBadge(researcher)).toHaveText("In review");
  });

  await test.step("the engineer approves the version they read", async () => {
    await engineer.reload();
    // Cancelling a decision leaves everything as it was.
    await engineer.getByRole("button", { name: "Approve", exact: true }).click();
    await engineer.getByRole("form", { name: "Approve" }).getByRole("button", { name: "Cancel" }).click();
    await expect(engineer.getByRole("form", { name: "Approve" })).toHaveCount(0);
    await engineer.getByRole("button", { name: "Approve", exact: true }).click();
    const form = engineer.getByRole("form", { name: "Approve" });
    await form.getByRole("textbox", { name: "Note for the author" }).fill("Batch-8 numbers check out.");
    await form.getByRole("button", { name: /^Approve version \d+$/ }).click();
    const bar = engineer.getByRole("region", { name: "Review status" });
    await expect(bar).toContainText("Approved by Tomás Herrera.");
    await expect(engineer.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  });

  const manager = await signedInAs(browser, "manager");
  await test.step("the manager accepts it, and every step is in the activity feed", async () => {
    await manager.goto(readView(handoff));
    await decide(manager, "Accept", "Ship behind the flag first.");
    await expect(statusBadge(manager)).toHaveText("Accepted");
    const bar = manager.getByRole("region", { name: "Review status" });
    await expect(bar).toContainText("Accepted by Priya Raman");
    await expect(bar).toContainText("approved by Tomás Herrera");

    await manager.reload();
    const feed = manager.locator("section", { has: manager.getByRole("heading", { name: "Activity", exact: true }) }).last();
    const sentences = [
      "Ada Lindqvist created the handoff",
      "Ada Lindqvist saved version 2",
      "Ada Lindqvist set the reviewers: Tomás Herrera",
      "Ada Lindqvist submitted it for review",
      "Tomás Herrera commented on Method",
      "Ada Lindqvist replied on Method",
      "Tomás Herrera resolved a thread on Method",
      "Tomás Herrera requested changes",
      "Give p95 at batch 8 as well.",
      "Tomás Herrera approved version",
      "Batch-8 numbers check out.",
      "Priya Raman accepted it",
      "Ship behind the flag first.",
    ];
    for (const sentence of sentences) await expect(feed).toContainText(sentence);
    // Newest first: the acceptance leads.
    await expect(feed.getByRole("listitem").first()).toContainText("Priya Raman accepted it");
    await expect(feed.getByRole("listitem").filter({ hasText: "submitted it for review" })).toHaveCount(2);
  });

  await test.step("the author edits the accepted handoff, and the page says the text changed since", async () => {
    const current = (await (await researcher.request.get(`/api/v1/handoffs/${handoff.id}`)).json()).handoff as Handoff;
    const accepted = current.version;
    await saveHandoff(researcher, current, allSections(" Edited after acceptance."), "Typo fixes");
    await manager.reload();
    const bar = manager.getByRole("region", { name: "Review status" });
    await expect(bar).toContainText(`Edited since: version ${accepted} was accepted, this is version ${accepted + 1}.`);
    await expect(bar).toContainText("approved by Tomás Herrera");
    await expect(bar.getByRole("link", { name: "See what changed" })).toHaveAttribute("href", new RegExp(`/history\\?from=${accepted}&to=${accepted + 1}$`));
    // Undoing the acceptance is the manager's call, not the author's.
    await researcher.reload();
    await expect(researcher.getByRole("button", { name: "Reopen as draft" })).toHaveCount(0);
  });

  await Promise.all([researcher.context().close(), engineer.context().close(), manager.context().close()]);
});

test("history lists revisions, diffs any two by section, and restores an old version as a new one", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const title = `History ${unique()}`;
  const v1 = await createHandoff(page, title, { tldr: "First line of the summary." });
  const v2 = await saveHandoff(page, v1, { tldr: "First line of the summary.\nA second line, added later.", problem: "The problem, stated." }, "Added the problem");

  await page.goto(`${readView(v2)}/history`);
  const revisions = page.getByRole("list", { name: "Revisions" });
  await expect(revisions.getByRole("listitem", { name: "Version 2" })).toContainText("Added the problem");
  await expect(revisions.getByRole("listitem", { name: "Version 1" })).toContainText("Created");

  // Pick the two versions to compare.
  await page.getByRole("combobox", { name: "From" }).selectOption("1");
  await page.getByRole("combobox", { name: "To" }).selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/from=1&to=2/);
  const tldr = page.getByRole("region", { name: /TL;DR/ });
  await expect(tldr.locator("ins")).toHaveText("Added: A second line, added later.");
  await expect(tldr.locator("ins")).toBeVisible();
  const problem = page.getByRole("region", { name: /Problem/ });
  await expect(problem.getByText("Added", { exact: true })).toBeVisible();
  await expect(problem.locator("ins")).toContainText("The problem, stated.");
  await expect(page.getByText(/\d+ unchanged parts?$/)).toBeVisible();

  await page.getByRole("button", { name: "Restore version 1" }).first().click();
  await expect(page.getByText("Restored version 1 as version 3.")).toBeVisible();
  await expect(revisions.getByRole("listitem", { name: "Version 3" })).toContainText("Restored version 1");
  // The diff now shows what the restore undid.
  await expect(page.getByRole("region", { name: /TL;DR/ }).locator("del")).toHaveText("Removed: A second line, added later.");

  // Someone saves meanwhile: restoring from the stale page is refused with a clear message.
  await saveHandoff(page, { ...v2, version: 3 }, { tldr: "Saved elsewhere." }, "Concurrent save");
  const stale = revisions.getByRole("listitem", { name: "Version 2" });
  await stale.getByRole("button", { name: "Restore version 2" }).click();
  await expect(stale.getByRole("alert")).toContainText("Someone saved this handoff since you opened its history");
  await expect(revisions.getByRole("listitem", { name: "Version 5" })).toHaveCount(0);
});

test("a notebook uploads and renders with its images; an invalid one is refused and not stored", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const handoff = await createHandoff(page, `Notebook ${unique()}`, { tldr: "With a notebook." });
  await page.goto(readView(handoff));

  const upload = page.getByRole("form", { name: "Attach a file" });
  await upload.getByLabel("File to attach").setInputFiles(NOTEBOOK);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText("Attached notebook-micrograd-demo.ipynb.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Attached files" })).toContainText("notebook-micrograd-demo.ipynb");

  const notebooks = page.getByRole("region", { name: "Notebooks", exact: true });
  await expect(notebooks).toContainText("notebook-micrograd-demo.ipynb");
  const images = notebooks.getByRole("img", { name: /Output image/ });
  await expect(images).toHaveCount(2);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }

  // The 100-line training log is folded to its first and last lines; opening it shows every line.
  const showAll = notebooks.getByText("Show all 100 lines");
  await showAll.scrollIntoViewIfNeeded();
  await expect(showAll).toBeVisible();
  // The one folded output of this notebook (the only one over 20 lines).
  const log = notebooks.locator("details[data-output-fold]");
  await expect(log).toHaveCount(1);
  await expect(log.locator("pre")).toBeHidden();
  await expect(notebooks.getByText("⋯ 88 more lines ⋯")).toBeVisible();
  await showAll.click();
  await expect(log.locator("pre")).toBeVisible();
  expect((await log.locator("pre").innerText()).trimEnd().split("\n")).toHaveLength(100);
  await expect(notebooks.getByText("⋯ 88 more lines ⋯")).toBeHidden();

  await upload.getByLabel("File to attach").setInputFiles({ name: "broken.ipynb", mimeType: "application/x-ipynb+json", buffer: Buffer.from('{\n  "nbformat": 4,\n  "cells": [,]\n}') });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("alert")).toContainText("broken.ipynb is not valid JSON");
  await expect(upload.getByRole("alert")).toContainText("line 3, column");
  await page.reload();
  await expect(page.getByRole("list", { name: "Attached files" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("broken.ipynb")).toHaveCount(0);
});

test("a file over the size cap is refused before it is uploaded", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const handoff = await createHandoff(page, `Big file ${unique()}`, { tldr: "Too big." });
  await page.goto(readView(handoff));
  const upload = page.getByRole("form", { name: "Attach a file" });
  await upload.getByLabel("File to attach").setInputFiles({ name: "huge.ipynb", mimeType: "application/x-ipynb+json", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 32) });
  await expect(upload.getByRole("alert")).toContainText("huge.ipynb is 10.0 MB; attachments can be at most 10 MB.");
  await expect(upload.getByRole("button", { name: "Upload" })).toBeDisabled();
});

test("Export Markdown downloads the handoff with front matter, and print shows only the document", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const title = `Export ${unique()}`;
  const handoff = await createHandoff(page, title, { tldr: "Exported summary." });
  await page.goto(readView(handoff));

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text.startsWith("---\n")).toBe(true);
  expect(text).toContain(title);
  expect(text).toContain("Exported summary.");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(readSection(page, "TL;DR")).toBeVisible();
  await expect(page.getByRole("region", { name: "Review status" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Export Markdown" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Legibility" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Comment on TL;DR" })).toBeHidden();
});
