// Signed-out requests refused with 401 are counted, not listed: the admin's audit page shows the
// count above the log, and none of them appears in it as an event.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import { signIn } from "./helpers/auth";

test("the audit page counts signed-out refusals instead of listing them", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 5; i++) expect((await anonymous.get("/api/v1/projects")).status()).toBe(401);
  await anonymous.dispose();

  const admin = DEMO_USERS.find((u) => u.isAdmin)!;
  await signIn(page, admin.email, DEMO_PASSWORD);
  await page.goto("/admin/audit");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Signed-out requests refused" }) });
  await expect(card).toBeVisible();
  // Other tests may add their own refusals meanwhile, never fewer than ours.
  const counted = Number((await card.getByTestId("signed-out-24h").textContent())?.replace(/,/g, ""));
  expect(counted).toBeGreaterThanOrEqual(5);
  await expect(card.getByRole("list", { name: /per hour/ }).getByRole("listitem")).toHaveCount(24);

  // The log itself holds no anonymous project.list denials.
  await page.goto("/admin/audit?action=project.list&outcome=denied");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Anonymous" })).toHaveCount(0);
});
