// The whole way a paper becomes an accepted handoff, through the UI only: a researcher starts
// from a BibTeX entry, writes every required section in the editor, attaches a notebook and
// submits; an engineer reviews, asks for changes and links the milestone the paper decomposes
// into; the researcher answers and resubmits; a manager accepts. Each step is also tested on
// its own, in more detail, in the other specs.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURES, bibEntry, decide, readSection, signedInAs, statusBadge, typeInto, unique } from "./helpers/handoff";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";

const REQUIRED = DEFAULT_TEMPLATE_SECTIONS.filter((s) => s.required);

test("from a BibTeX entry and a notebook to an accepted handoff, entirely in the browser", async ({ browser }) => {
  test.setTimeout(300_000);
  const researcher = await signedInAs(browser, "researcher");
  const title = `DDPM refinement pass ${unique()}`;

  await test.step("the researcher starts a handoff from the paper's BibTeX entry", async () => {
    await researcher.goto("/projects/FLOOR/handoffs/new");
    await researcher.getByLabel("Paste BibTeX").fill(bibEntry("NEURIPS2020_4c5bcfec"));
    await researcher.getByRole("button", { name: "Fill from BibTeX" }).click();
    await expect(researcher.getByLabel("Paper title")).toHaveValue("Denoising Diffusion Probabilistic Models");
    await expect(researcher.getByLabel("Year")).toHaveValue("2020");
    await researcher.getByRole("textbox", { name: "Handoff title", exact: true }).fill(title);
    await researcher.getByRole("button", { name: "Create handoff" }).click();
    await researcher.waitForURL(/\/handoffs\/[^/]+\/edit/);
  });
  const readPath = new URL(researcher.url()).pathname.replace(/\/edit$/, "");

  await test.step("writes every required section in the editor and saves a version", async () => {
    for (const section of REQUIRED) await typeInto(researcher, section.title, `${section.title}: what the engineers need, written down.`);
    await expect(researcher.getByTestId("completeness")).toHaveText("100%");
    // The checklist says where submitting happens, once everything required is written.
    await expect(researcher.getByRole("link", { name: "submit it for review" })).toHaveAttribute("href", readPath);
    await researcher.getByRole("textbox", { name: "Save message" }).fill("Every required section");
    await researcher.getByRole("button", { name: "Save", exact: true }).click();
    await expect(researcher.getByTestId("save-state")).toContainText("version 2");
  });

  await test.step("attaches the notebook, assigns the engineer and submits for review", async () => {
    await researcher.goto(readPath);
    await expect(researcher.getByText("Jonathan Ho, Ajay Jain, Pieter Abbeel")).toBeVisible();
    const upload = researcher.getByRole("form", { name: "Attach a file" });
    await upload.getByLabel("File to attach").setInputFiles(path.join(FIXTURES, "notebook-mingpt-sort-demo.ipynb"));
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(upload.getByText("Attached notebook-mingpt-sort-demo.ipynb.")).toBeVisible();
    await expect(researcher.getByRole("region", { name: "Notebooks", exact: true })).toContainText("notebook-mingpt-sort-demo.ipynb");

    await researcher.getByText("Assign reviewers").click();
    const reviewers = researcher.getByRole("form", { name: "Assign reviewers" });
    await reviewers.getByRole("checkbox", { name: /Tomás Herrera/ }).check();
    await reviewers.getByRole("button", { name: "Save reviewers" }).click();
    await expect(researcher.getByRole("list", { name: "Reviewers" })).toContainText("Tomás Herrera");
    await researcher.getByRole("button", { name: "Submit for review" }).click();
    await expect(statusBadge(researcher)).toHaveText("In review");
  });

  const engineer = await signedInAs(browser, "engineer");
  const question = `Which sampler and how many steps at serving time? ${unique()}`;
  await test.step("the engineer reviews: a question on Method, and changes requested", async () => {
    await engineer.goto(readPath);
    await expect(engineer.getByRole("region", { name: "Notebooks", exact: true })).toContainText("notebook-mingpt-sort-demo.ipynb");
    const method = readSection(engineer, "Method");
    await method.getByRole("button", { name: "Comment on Method" }).click();
    await method.getByRole("textbox", { name: "Comment on Method" }).fill(question);
    await method.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(method.getByRole("article", { name: "Thread by Tomás Herrera" })).toContainText(question);
    await decide(engineer, "Request changes", "Say which sampler and how many steps in the Method.");
    await expect(statusBadge(engineer)).toHaveText("Changes requested");
  });

  await test.step("the engineer links the milestone the paper decomposes into, and sees the service behind it", async () => {
    await engineer.getByText("Link milestones", { exact: true }).click();
    const form = engineer.getByRole("form", { name: "Link milestones" });
    await form.getByRole("checkbox", { name: /^FLOOR-9 · Constraint checker service/ }).check();
    await form.getByRole("button", { name: "Save milestones" }).click();
    await expect(engineer.getByRole("link", { name: "Constraint checker service" })).toBeVisible();
    await expect(engineer.getByRole("link", { name: "constraint-checker" })).toBeVisible();
    await engineer.reload();
    await expect(engineer.getByText("Tomás Herrera linked milestone FLOOR-9")).toBeVisible();
  });

  const answer = `DDIM, 50 steps; measured in the notebook. ${unique()}`;
  await test.step("the researcher answers in the thread and resubmits", async () => {
    await researcher.reload();
    const thread = readSection(researcher, "Method").getByRole("article", { name: "Thread by Tomás Herrera" });
    await thread.getByRole("button", { name: "Reply…" }).click();
    await thread.getByRole("textbox", { name: "Reply to Tomás Herrera" }).fill(answer);
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(thread.getByRole("list", { name: "Replies" })).toContainText(answer);
    await researcher.getByRole("button", { name: "Resubmit for review" }).click();
    await expect(statusBadge(researcher)).toHaveText("In review");
  });

  const manager = await signedInAs(browser, "manager");
  await test.step("the manager accepts the handoff", async () => {
    await manager.goto(readPath);
    await decide(manager, "Accept");
    await expect(statusBadge(manager)).toHaveText("Accepted");
    await expect(manager.getByRole("region", { name: "Review status" })).toContainText("Accepted by Priya Raman");
  });

  await Promise.all([researcher.context().close(), engineer.context().close(), manager.context().close()]);
});
