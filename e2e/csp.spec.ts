// The Content-Security-Policy (lib/csp.ts, set by proxy.ts) in Chromium: every page of the demo is
// served with a per-request nonce and no 'unsafe-inline' for scripts, loads without a single CSP
// violation (securitypolicyviolation events and console reports both count), and still works:
// each page hydrates (its user menu opens), the sign-in form signs in, CodeMirror takes typing and
// previews KaTeX, the map focuses a node.
import { expect, test, type Page, type Response } from "@playwright/test";
import { ownOrigin } from "./helpers/api";
import { demoAccount } from "./helpers/demo";
import { sectionEditor, typeInto, unique } from "./helpers/handoff";
import { DEMO_USERS, DEMO_PASSWORD } from "@/lib/demo/users";

const admin = DEMO_USERS.find((u) => u.isAdmin)!;

type Violation = { page: string; what: string };

/** Records every CSP violation on any page this context opens, across navigations. */
async function watchViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.context().exposeBinding("__cspViolation", ({ page: p }, what: string) => violations.push({ page: p.url(), what }));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (what: string) => void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push({ page: page.url(), what: `console: ${msg.text()}` });
  });
  return violations;
}

const nonces = new Set<string>();

/** The document's CSP: a fresh nonce for scripts, and nothing inline allowed for them. */
function expectPolicy(response: Response | null) {
  const csp = response?.headers()["content-security-policy"] ?? "";
  const script = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(script)?.[1];
  expect(nonce, `script-src of ${response?.url()}: ${csp}`).toBeTruthy();
  expect(script).not.toContain("'unsafe-inline'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(nonces.has(nonce!), "a nonce is never reused").toBe(false);
  nonces.add(nonce!);
}

/** A client component answers: the user menu opens and closes. */
async function expectHydrated(page: Page) {
  await page.getByRole("button", { name: new RegExp(admin.name) }).first().click();
  await expect(page.getByRole("menuitem", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign out" })).first()).toBeVisible();
  await page.keyboard.press("Escape");
}

test("every page of the demo loads under the CSP with no violation, and works", async ({ page }) => {
  test.slow();
  const violations = await watchViolations(page);

  // Signed out: the sign-in page, whose form signs in with client-side script.
  expectPolicy(await page.goto("/signin"));
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");

  const list = await page.request.get("/api/v1/projects/FLOOR/handoffs");
  const handoffs = ((await list.json()) as { handoffs: { id: string; title: string }[] }).handoffs;
  const withMath = handoffs.find((h) => h.title.startsWith("HouseDiffusion"))!;
  const milestones = ((await (await page.request.get("/api/v1/projects/FLOOR/milestones")).json()) as { milestones: { id: string }[] }).milestones;

  const pages = [
    "/projects",
    "/projects/FLOOR",
    "/projects/FLOOR/handoffs",
    `/projects/FLOOR/handoffs/${withMath.id}`,
    `/projects/FLOOR/handoffs/${withMath.id}/history`,
    "/projects/FLOOR/handoffs/new",
    "/projects/FLOOR/milestones",
    `/projects/FLOOR/milestones/${milestones[0].id}`,
    "/projects/FLOOR/milestones/new",
    "/projects/FLOOR/settings",
    "/projects/FLOOR/settings/templates",
    "/handoffs",
    "/milestones",
    "/map",
    "/map/services",
    "/services",
    "/services/layout-api",
    "/admin",
    "/admin/users",
    "/admin/audit",
    "/settings",
    "/settings/tokens",
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectPolicy(response);
    await expectHydrated(page);
  }

  // The handoff read view typesets its formulas.
  await page.goto(`/projects/FLOOR/handoffs/${withMath.id}`);
  await expect(page.locator(".katex").first()).toBeVisible();

  // The editor: CodeMirror takes typing, and the live preview typesets KaTeX.
  const created = await page.request.post("/api/v1/projects/FLOOR/handoffs", { data: { title: `CSP check ${unique()}` }, headers: ownOrigin() });
  expect(created.status()).toBe(201);
  const { handoff } = (await created.json()) as { handoff: { id: string } };
  expectPolicy(await page.goto(`/projects/FLOOR/handoffs/${handoff.id}/edit`));
  await typeInto(page, "TL;DR", "Energy $E = mc^2$ under a nonce.");
  await expect(sectionEditor(page, "TL;DR")).toContainText("under a nonce");
  await expect(page.getByTestId("preview").locator(".katex").first()).toBeVisible();

  // The map: React Flow draws the nodes, and a click focuses one.
  expectPolicy(await page.goto("/projects/FLOOR/map"));
  // A demo milestone at the top of the map: the first node in the DOM may be a paper other specs
  // added, drawn low where the zoom controls cover it.
  const node = page.locator(".react-flow__node").filter({ hasText: "RPLAN licence review" });
  // The map opens on open work; Find on map brings this done milestone into view.
  await page.getByRole("searchbox", { name: "Find on map" }).fill("RPLAN licence review");
  await expect(node).toBeInViewport();
  await page.getByRole("searchbox", { name: "Find on map" }).press("Escape");
  await expect(node).toBeVisible();
  await node.click();
  await expect(page.getByRole("button", { name: "Clear focus" })).toBeVisible();

  expect(violations).toEqual([]);
});

test("an injected inline script does not run", async ({ page }) => {
  const account = demoAccount("researcher");
  const violations = await watchViolations(page);
  await page.goto("/signin");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
  // As if markup slipped past the sanitizer: an inline event handler, and a page of its own in an iframe.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __ran?: string[] };
    w.__ran = [];
    const div = document.createElement("div");
    div.innerHTML = `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__ran.push('handler')">`;
    document.body.append(div);
    const frame = document.createElement("iframe");
    frame.srcdoc = "<script>parent.__ran.push('srcdoc')<\/script>";
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 500));
    return w.__ran;
  });
  expect(ran).toEqual([]);
  expect(violations.length).toBeGreaterThan(0);
});
