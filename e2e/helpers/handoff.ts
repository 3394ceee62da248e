// What the handoff browser tests share: a signed-in page per role in its own browser context,
// typing into the CodeMirror section editors, entries of the real BibTeX fixture, and the
// read view's landmarks.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { ownOrigin } from "./api";
import { signIn } from "./auth";
import { demoAccount, type DemoRole } from "./demo";

export const FIXTURES = path.join(__dirname, "..", "..", "tests", "fixtures", "real");

/** A short random tag that keeps titles unique across parallel tests on the shared demo database. */
export const unique = () => randomBytes(4).toString("hex");

/** A demo user signed in, in a browser context of their own (as a second person would be). */
export async function signedInAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = demoAccount(role);
  await signIn(page, account.email, account.password);
  return page;
}

/** One entry of tests/fixtures/real/papers.bib, exactly as published, found by its citation key. */
export function bibEntry(key: string): string {
  const bib = readFileSync(path.join(FIXTURES, "papers.bib"), "utf8");
  const match = new RegExp(`@\\w+\\{\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},`).exec(bib);
  expect(match, `papers.bib has no entry ${key}`).not.toBeNull();
  const start = match!.index;
  return bib.slice(start, bib.indexOf("\n}", start) + 2);
}

export const sectionEditor = (page: Page, title: string) => page.getByRole("textbox", { name: title, exact: true });

/** Writes into a CodeMirror editor line by line, as typing or pasting a line at a time does. */
export async function typeInto(page: Page, title: string, text: string) {
  await sectionEditor(page, title).click();
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      // Enter continues lists; a blank line ends them. Shift+Enter is a plain newline everywhere.
      await page.keyboard.press("Shift+Enter");
    }
    if (line) await page.keyboard.insertText(line);
  }
}

/** A section of the read view, by its title. */
export const readSection = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

/** The status badge beside the read view's title. */
export const statusBadge = (page: Page) => page.getByRole("heading", { level: 1 }).locator("xpath=ancestor::div[1]").locator("[data-status]");

/**
 * A review decision (request changes, approve, accept, archive) as a person makes it: the button
 * opens a form asking for a note, which is confirmed with the form's own button.
 */
export async function decide(page: Page, label: string, note = "", confirm = label) {
  await page.getByRole("button", { name: label, exact: true }).click();
  const form = page.getByRole("form", { name: label });
  if (note) await form.getByRole("textbox").fill(note);
  await form.getByRole("button", { name: confirm, exact: true }).click();
  return form;
}

/** A handoff in the demo project FLOOR, made through the API as the signed-in user (for tests about the read view). */
export async function createHandoffViaApi(page: Page, title: string, sections: Record<string, string> = { tldr: "Vector floor plans by diffusion.", method: "A transformer denoiser." }): Promise<{ id: string; title: string }> {
  const response = await page.request.post("/api/v1/projects/FLOOR/handoffs", { data: { title, sections }, headers: ownOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).handoff as { id: string; title: string };
}
