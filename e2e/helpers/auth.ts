// Signing in and out through the UI, as a user would.
import { expect, type Page } from "@playwright/test";

/** Fills and submits the sign-in form. Fields are found by accessible name (their label,
 * without the required-field marker), so a visual asterisk does not break the match. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/signin");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Opens the user menu (named after the user, or "Account") and signs out. */
export async function signOut(page: Page, userName?: string): Promise<void> {
  const menuName = new RegExp(userName ? `${escapeRegExp(userName)}|Account` : "Account", "i");
  await page.getByRole("button", { name: menuName }).first().click();
  const signOutControl = page
    .getByRole("menuitem", { name: "Sign out" })
    .or(page.getByRole("button", { name: "Sign out" }))
    .or(page.getByRole("link", { name: "Sign out" }));
  await signOutControl.first().click();
  await page.waitForURL((url) => url.pathname === "/signin");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
}
