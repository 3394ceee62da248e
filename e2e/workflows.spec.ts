// What each role does first in the demo: an engineer moves a milestone, a manager reviews every
// project's status, an admin invites someone who then signs in, and throttling stops guessing.
import { expect, test } from "@playwright/test";
import { signIn, submitSignIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { unique } from "./helpers/handoff";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";

test("an engineer moves a planned milestone into progress and the history shows it", async ({ page }) => {
  const engineer = demoAccount("engineer");
  await signIn(page, engineer.email, engineer.password);
  await page.goto("/projects/FLOOR/milestones?status=planned");
  const first = page.getByRole("table", { name: "Milestones" }).getByRole("link").first();
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const form = page.getByRole("form", { name: "Update status" });
  await form.getByLabel("Status").selectOption("in_progress");
  const note = `Started after the kickoff ${unique()}`;
  await form.getByLabel("Note").fill(note);
  await form.getByRole("button", { name: "Save status" }).click();

  await expect(page.getByText(/Saved: FLOOR-\d+ is now in progress/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText(`${engineer.name} moved it from planned to in progress`).first()).toBeVisible();
});

test("blocking a milestone without saying why is refused with the field named", async ({ page }) => {
  const engineer = demoAccount("engineer");
  await signIn(page, engineer.email, engineer.password);
  await page.goto("/projects/FLOOR/milestones?status=planned");
  await page.getByRole("table", { name: "Milestones" }).getByRole("link").last().click();
  const form = page.getByRole("form", { name: "Update status" });
  await form.getByLabel("Status").selectOption("blocked");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Note must say what blocks this milestone.");
  // The choice survives the error: nothing the person entered is thrown away.
  await expect(form.getByLabel("Status")).toHaveValue("blocked");
});

test("a researcher reads milestones but cannot change their status", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  await page.goto("/projects/FLOOR/milestones");
  await page.getByRole("table", { name: "Milestones" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Status history" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Update status" })).toHaveCount(0);
});

test("a manager sees blocked and overdue work across projects", async ({ page }) => {
  const manager = demoAccount("manager");
  await signIn(page, manager.email, manager.password);
  await page.goto("/milestones");
  await expect(page.getByRole("heading", { level: 1, name: "Milestones" })).toBeVisible();
  const attention = page.getByRole("table", { name: "Milestones across projects" });
  await expect(attention.getByText("Blocked").first()).toBeVisible();
  await expect(attention.getByText("overdue").first()).toBeVisible();
  await expect(page.getByText("Retrieval-augmented search").first()).toBeVisible();
});

test("an admin invites a new user, who sets a password and signs in", async ({ page, browser }) => {
  const admin = DEMO_USERS.find((u) => u.isAdmin)!;
  await signIn(page, admin.email, DEMO_PASSWORD);
  await page.goto("/admin/users");
  const email = `new-${unique()}@example.test`;
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByRole("textbox", { name: "Name" }).fill("Noor Example");
  await form.getByRole("textbox", { name: "Email" }).fill(email);
  await form.getByRole("button", { name: "Create user" }).click();
  const link = await page.getByTestId("result-inviteUrl").first().textContent();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(new URL(link!).pathname);
  await expect(invitee.getByRole("heading", { name: "Join Legible" })).toBeVisible();
  await invitee.getByRole("textbox", { name: "Password", exact: true }).fill("a brand new password");
  await invitee.getByRole("textbox", { name: "Confirm password" }).fill("a brand new password");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/signin\?invited=1/);
  await signIn(invitee, email, "a brand new password");
  await expect(invitee.getByText("No projects yet")).toBeVisible();
  await guest.close();

  await page.goto("/admin/audit?action=user.acceptInvite");
  await expect(page.getByRole("cell", { name: email }).first()).toBeVisible();
});

test("repeated wrong passwords for one account are throttled with 429 and a clear message", async ({ page }) => {
  const email = `guess-${unique()}@example.test`;
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, email, `guess number ${i}`);
    await expect(page.getByText("Incorrect email or password")).toBeVisible();
  }
  const throttled = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await submitSignIn(page, email, "guess number 6");
  expect((await throttled).status()).toBe(429);
  await expect(page.getByText("Too many sign-in attempts")).toBeVisible();
});

test("an engineer plans a new milestone; a due date before its start is refused with the field named", async ({ page }) => {
  const engineer = demoAccount("engineer");
  await signIn(page, engineer.email, engineer.password);
  await page.goto("/projects/FLOOR/milestones");
  await page.getByRole("link", { name: "New milestone" }).click();
  const form = page.getByRole("form", { name: "New milestone" });
  // The next free key is suggested.
  await expect(form.getByLabel("Key")).toHaveValue(/^FLOOR-\d+$/);
  const title = `Shadow traffic for the layout API ${unique()}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("Mirror **5 %** of production requests to the new model and compare.");
  await form.getByLabel("Start date").fill("2027-03-10");
  await form.getByLabel("Due date").fill("2027-03-01");
  await form.getByRole("button", { name: "Create milestone" }).click();
  // Named in the summary by the label the form shows (never its code name), and beside the field itself.
  const dueLabel = (await form.locator(`label[for="${await form.getByLabel("Due date").getAttribute("id")}"]`).innerText()).trim();
  expect(dueLabel).toBe("Due date");
  await expect(form.getByRole("alert").first()).toContainText(`${dueLabel} must be on or after the start date.`);
  await expect(form.getByText("dueDate", { exact: false })).toHaveCount(0);
  await expect(form.getByText("must be on or after the start date", { exact: true })).toBeVisible();
  // Nothing typed is lost.
  await expect(form.getByLabel("Title")).toHaveValue(title);

  await form.getByLabel("Due date").fill("2027-03-31");
  await form.getByRole("button", { name: "Create milestone" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/^Created FLOOR-\d+\.$/)).toBeVisible();
  await expect(page.locator("strong", { hasText: "5 %" })).toBeVisible();
  await page.getByRole("link", { name: "Milestones" }).first().click();
  await expect(page.getByRole("table", { name: "Milestones" }).getByRole("link", { name: title })).toBeVisible();
});

test("a researcher is told who plans milestones instead of getting a form", async ({ page }) => {
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  await page.goto("/projects/FLOOR/milestones");
  await expect(page.getByRole("link", { name: "New milestone" })).toHaveCount(0);
  await page.goto("/projects/FLOOR/milestones/new");
  await expect(page.getByText("Engineers, managers and owners plan milestones")).toBeVisible();
  await expect(page.getByRole("form", { name: "New milestone" })).toHaveCount(0);
});
