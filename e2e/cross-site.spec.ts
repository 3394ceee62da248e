// Cross-site request forgery, tried the way an attacker would: a page served from another origin
// (here a tiny HTTP server on another port of the same host, which the browser treats as the same
// *site*, so the SameSite=Lax session cookie is sent along) makes the signed-in user's browser
// write to the API, with a text/plain form and with a credentialed fetch. Nothing may be written.
// A server action posted from another origin is refused too (Next checks Origin for actions),
// while the very same request from the app's own origin works, which proves the request is right.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { unique } from "./helpers/handoff";

let server: http.Server;
let evilOrigin = "";

/** The attacker's page: a text/plain form whose body is valid JSON, and a no-cors fetch. */
function attackPage(target: string, marker: string): string {
  // text/plain sends name=value: this name and value make {"sectionKey":…,"x":"="}.
  return `<!doctype html><meta charset="utf-8"><title>Win a prize</title>
<form id="csrf" method="POST" enctype="text/plain" action="${target}"><input type="hidden" name='{"sectionKey":"tldr","body":"${marker} form","x":"' value='"}'></form>
<script>
  window.viaFetch = () =>
    fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include",
      headers: { "content-type": "text/plain" }, body: JSON.stringify({ sectionKey: "tldr", body: ${JSON.stringify(`${marker} fetch`)} }) })
      .then(() => "sent", (e) => String(e));
</script>`;
}

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://attacker");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage(url.searchParams.get("target") ?? "", url.searchParams.get("marker") ?? ""));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  evilOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function firstHandoffId(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/projects/FLOOR/handoffs");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { handoffs: { id: string }[] }).handoffs[0].id;
}

async function commentBodies(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/api/v1/handoffs/${id}`);
  return JSON.stringify(((await response.json()) as { handoff: { comments: unknown } }).handoff.comments);
}

test("a page on another origin cannot write a comment as the signed-in user", async ({ page, baseURL }) => {
  const account = demoAccount("researcher");
  await signIn(page, account.email, account.password);
  const id = await firstHandoffId(page);
  const target = `${baseURL}/api/v1/handoffs/${id}/comments`;
  const marker = `csrf-${unique()}`;

  await page.goto(`${evilOrigin}/?target=${encodeURIComponent(target)}&marker=${marker}`);
  expect(await page.evaluate(() => (window as unknown as { viaFetch: () => Promise<string> }).viaFetch())).toBe("sent");
  const [response] = await Promise.all([page.waitForResponse(target), page.evaluate(() => (document.getElementById("csrf") as HTMLFormElement).submit())]);
  expect(response.status()).toBe(403);
  const problem = await response.json();
  expect(problem.detail).toMatch(/another site/);

  await page.goto("/projects");
  expect(await commentBodies(page, id)).not.toContain(marker);

  // The app's own pages still write through the API with the same session.
  const own = await page.evaluate(
    async ({ target, marker }) => {
      const r = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sectionKey: "tldr", body: `${marker} same-origin` }) });
      return r.status;
    },
    { target, marker },
  );
  expect(own).toBe(201);
  expect(await commentBodies(page, id)).toContain(`${marker} same-origin`);
});

test("a server action posted from another origin is refused; from the app's own origin it runs", async ({ page, baseURL }) => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "createProjectAction")?.[0];
  expect(actionId, "createProjectAction in the build's server-reference manifest").toBeTruthy();

  const account = demoAccount("engineer");
  await signIn(page, account.email, account.password);
  // As React encodes a call of createProjectAction(previousState, formData) from the browser: the
  // form's fields first, under the prefix "_1_", then the arguments as part "0".
  const post = (origin: string, key: string) => {
    const form = new FormData();
    form.append("_1_key", key);
    form.append("_1_name", `Cross-site ${key}`);
    form.append("0", '[null,"$K1"]');
    return page.request.post("/projects", { headers: { origin, "next-action": actionId!, accept: "text/x-component" }, multipart: form, maxRedirects: 0 });
  };
  const keyFor = () => `X${unique().slice(0, 6).toUpperCase()}`;

  const forged = keyFor();
  const refused = await post(evilOrigin, forged);
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  const own = keyFor();
  const accepted = await post(baseURL!, own);
  expect(accepted.status()).toBeLessThan(400);

  const keys = ((await (await page.request.get("/api/v1/projects")).json()) as { projects: { key: string }[] }).projects.map((p) => p.key);
  expect(keys).toContain(own);
  expect(keys).not.toContain(forged);
});
