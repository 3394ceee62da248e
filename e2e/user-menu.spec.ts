// The user menu from the keyboard and the pointer: the menu button pattern of useMenuButton
// (components/ui), which the map's Export menu shares (e2e/map-export.spec.ts covers that one).
import { expect, test } from "@playwright/test";
import { demoAccount } from "./helpers/demo";
import { signedInAs } from "./helpers/handoff";

test("the user menu opens on either end from the keyboard, moves with Home and End, and closes on Escape, Tab or a click outside", async ({ browser }) => {
  const page = await signedInAs(browser, "engineer");
  await page.goto("/projects");
  const button = page.getByRole("button", { name: demoAccount("engineer").name });
  const menu = page.getByRole("menu", { name: demoAccount("engineer").name });
  const tokens = menu.getByRole("menuitem", { name: "API tokens" });
  const signOut = menu.getByRole("menuitem", { name: "Sign out" });
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await button.focus();
  await page.keyboard.press("ArrowUp");
  await expect(signOut).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toHaveAttribute("aria-controls", (await menu.getAttribute("id"))!);
  await page.keyboard.press("Home");
  await expect(tokens).toBeFocused();
  await page.keyboard.press("End");
  await expect(signOut).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(tokens).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Enter");
  await expect(tokens).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);

  await button.click();
  await expect(menu).toBeVisible();
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  await expect(menu).toHaveCount(0);
  await page.context().close();
});
