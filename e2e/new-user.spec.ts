// What a new user tripped over (issue 8 item 5), at the widths they tried: tables whose right-hand
// columns fell off at 1024 px, an invite link below the fold, a sign-in page that forgot the
// address just invited, and an audit log of raw ids.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import { signIn } from "./helpers/auth";
import { unique } from "./helpers/handoff";

const admin = DEMO_USERS.find((u) => u.isAdmin)!;

/** The element lies wholly inside the viewport's width as the page loads: not clipped by the
 * table's scroll frame, nor reachable only by scrolling it sideways (so never scrolled into view here). */
async function expectWithinWidth(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "element is rendered").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `right edge within ${width} px`).toBeLessThanOrEqual(width);
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`every column of the milestone and service tables is within view at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, admin.email, DEMO_PASSWORD);
    for (const [path, table] of [
      ["/projects/FLOOR/milestones", "Milestones"],
      ["/milestones", "Milestones across projects"],
      ["/services", "Services by layer"],
    ] as const) {
      await page.goto(path);
      const grid = page.getByRole("table", { name: table, exact: true });
      await expectWithinWidth(page, grid.locator("thead th").last());
      await expectWithinWidth(page, grid.locator("tbody tr:has(td)").first().locator("td").last());
    }
  });
}

test("the admin sees the new user's invite link where they are looking, and the invitee signs in with the address filled in", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, admin.email, DEMO_PASSWORD);
  await page.goto("/admin/users");
  const email = `newcomer-${unique()}@example.test`;
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByRole("textbox", { name: "Name" }).fill("Noor Newcomer");
  await form.getByRole("textbox", { name: "Email" }).fill(email);
  await form.getByRole("button", { name: "Create user" }).click();

  const link = page.getByTestId("result-inviteUrl");
  await expect(link).toBeInViewport({ ratio: 1 });
  const copy = page.getByTestId("invite-link-result").getByRole("button", { name: "Copy" });
  await expect(copy).toBeInViewport({ ratio: 1 });
  await expect(copy).toBeFocused();
  const url = (await link.textContent())!;

  const guest = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const invitee = await guest.newPage();
  await invitee.goto(new URL(url).pathname);
  await invitee.getByRole("textbox", { name: "Password", exact: true }).fill("a brand new password");
  await invitee.getByRole("textbox", { name: "Confirm password" }).fill("a brand new password");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/signin\?invited=1&email=/);
  await expect(invitee.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(email);
  const password = invitee.getByRole("textbox", { name: "Password", exact: true });
  await expect(password).toBeFocused();
  await password.fill("a brand new password");
  await invitee.getByRole("button", { name: "Sign in", exact: true }).click();
  await invitee.waitForURL((u) => u.pathname !== "/signin");
  await guest.close();
});

test("the sign-in page prefills only an email address, never other text from the link", async ({ page }) => {
  await page.goto(`/signin?invited=1&email=${encodeURIComponent('"><b>Your account is locked</b>')}`);
  const email = page.getByRole("textbox", { name: "Email", exact: true });
  await expect(email).toHaveValue("");
  await expect(email).toBeFocused();
  await expect(page.getByText("Your account is locked")).toHaveCount(0);
});

test("the audit log names each target and links it to its page, the raw id only in the tooltip", async ({ page }) => {
  await signIn(page, admin.email, DEMO_PASSWORD);

  await page.goto("/admin/audit?action=handoff.update");
  const row = page.getByTestId("audit-row").first();
  // The action reads as a phrase; its code stays beside it for the prefix filter.
  await expect(row).toContainText("Edit a handoff");
  await expect(row.locator("code", { hasText: "handoff.update" })).toBeVisible();
  const handoff = row.locator("a[href*='/handoffs/']").first();
  const handoffHref = (await handoff.getAttribute("href"))!;
  expect(handoffHref).toMatch(/^\/projects\/FLOOR\/handoffs\/[\w-]+$/);
  const handoffId = handoffHref.split("/").pop()!;
  await expect(handoff).toHaveAttribute("title", new RegExp(handoffId));
  await expect(row).not.toContainText(handoffId.slice(0, 12));
  const title = (await handoff.textContent())!.trim();
  expect(title.length).toBeGreaterThan(0);
  await handoff.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.goto("/admin/audit?action=milestone.updateStatus");
  const milestone = page.getByTestId("audit-row").first().locator("a[href*='/milestones/']").first();
  await expect(milestone).toHaveText(/^FLOOR-\d+ \S/);

  // Other tests sign in new people meanwhile: the admin's own sign-in names the admin.
  await page.goto(`/admin/audit?action=auth.signin&outcome=success&actor=${encodeURIComponent(admin.email)}`);
  await expect(page.getByTestId("audit-row").first().getByRole("link", { name: admin.name })).toHaveAttribute("href", "/admin/users");
});
