// Signing in and out, what a signed-out visitor sees, and the API's answer without credentials.
import { expect, test } from "@playwright/test";
import { signIn, signOut, submitSignIn } from "./helpers/auth";
import { demoAccount, type DemoRole } from "./helpers/demo";

const roles: DemoRole[] = ["researcher", "engineer", "manager"];

for (const role of roles) {
  test(`the demo ${role} signs in, opens the Floor-plan project, and signs out`, async ({ page }) => {
    const account = demoAccount(role);
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/projects\/?$/);

    await page.getByRole("link", { name: "Floor-plan generation" }).first().click();
    await expect(page).toHaveURL(/\/projects\/FLOOR\/?$/);
    await expect(page.getByRole("heading", { name: "Floor-plan generation" }).first()).toBeVisible();

    await signOut(page, account.name);
  });
}

test("a signed-out visit to a project redirects to sign-in and remembers where it was going", async ({ page }) => {
  await page.goto("/projects/FLOOR");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const callbackUrl = new URL(page.url()).searchParams.get("callbackUrl") ?? "";
  expect(callbackUrl).toContain("/projects/FLOOR");
});

test("a wrong password says so and stays on the sign-in page", async ({ page }) => {
  const account = demoAccount("researcher");
  await submitSignIn(page, account.email, `${account.password}-wrong`);
  await expect(page.getByText("Incorrect email or password")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("the API answers 401 with problem JSON when no credentials are sent", async ({ request }) => {
  const response = await request.get("/api/v1/projects");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = await response.json();
  expect(problem).toMatchObject({ status: 401 });
  expect(typeof problem.title).toBe("string");
});
