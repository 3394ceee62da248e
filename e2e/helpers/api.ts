// Cookie-authenticated API writes from a test, sent as the app's own pages send them: the server
// refuses a write whose Origin is not the app's (lib/api/same-origin.ts), and a browser always
// names it; Playwright's request context does not, so tests add it.
import { test } from "@playwright/test";

export function ownOrigin(): { origin: string } {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  return { origin: new URL(baseURL).origin };
}
