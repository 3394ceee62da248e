// No open redirect: a sign-in link carrying a hostile callbackUrl still lands on this site.
// Requests to evil.example are answered by the test itself, so a redirect that escaped would show
// up as a page on evil.example rather than as a network error.
import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "./helpers/demo";

const HOSTILE = [
  "/%5Cevil.example/phish", // the reported case: the browser reads "/\evil.example" as //evil.example
  "//evil.example/phish",
  "/%2F%2Fevil.example/phish",
  "/%09/evil.example/phish",
  "https://evil.example/phish",
  "javascript:document.title='pwned'",
];

async function catchEvil(page: Page) {
  await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>phished</title><h1>phished</h1>" }));
}

for (const target of HOSTILE) {
  test(`signing in from /signin?callbackUrl=${target} lands on the app`, async ({ page, baseURL }) => {
    await catchEvil(page);
    const account = demoAccount("engineer");
    // The raw query as an attacker would write it in a link (already percent-encoded where shown).
    await page.goto(`/signin?callbackUrl=${target.startsWith("/") ? target : encodeURIComponent(target)}`);
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(account.email);
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    const landed = new URL(page.url());
    expect(landed.origin).toBe(new URL(baseURL!).origin);
    expect(landed.pathname).toBe("/projects");
    await expect(page).not.toHaveTitle(/phished|pwned/);

    // Signed in, the same link redirects on the server, again to the app.
    await page.goto(`/signin?callbackUrl=${target.startsWith("/") ? target : encodeURIComponent(target)}`);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page).toHaveURL(/\/projects\/?$/);
  });
}

test("a same-site callbackUrl is still honoured after sign-in", async ({ page }) => {
  const account = demoAccount("engineer");
  await page.goto("/projects/FLOOR/milestones");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/FLOOR\/milestones$/);
});
