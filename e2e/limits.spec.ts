// Limits in the browser (docs/limits.md): an upload too large for a form is refused with a message
// the form shows (not a 500 and "could not reach the server"), a notebook just over the file cap is
// refused by the server naming the cap, and a sign-in with a NUL byte in the email is a plain
// failed sign-in. The browser refuses large files itself, so the oversized bodies are put in the
// form's own request on its way out, as a script or a modified client would send them.
import { expect, test, type Page } from "@playwright/test";
import { signedInAs, unique } from "./helpers/handoff";
import { ownOrigin } from "./helpers/api";

const MB = 1024 * 1024;

async function createHandoff(page: Page): Promise<string> {
  const response = await page.request.post("/api/v1/projects/FLOOR/handoffs", { data: { title: `Limits ${unique()}` }, headers: ownOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).handoff.id as string;
}

/** Uploads `placeholder` through the attachment form, with its bytes replaced by `content` in flight. */
async function uploadThroughForm(page: Page, filename: string, content: Buffer): Promise<void> {
  const marker = Buffer.from(`PLACEHOLDER-${unique()}`);
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const body = request.postDataBuffer()!;
    const at = body.indexOf(marker);
    expect(at, "the file's bytes in the form's request").toBeGreaterThan(0);
    await route.continue({ postData: Buffer.concat([body.subarray(0, at), content, body.subarray(at + marker.length)]) });
  });
  const form = page.getByRole("form", { name: "Attach a file" });
  await form.getByLabel("File to attach").setInputFiles({ name: filename, mimeType: "application/octet-stream", buffer: marker });
  await form.getByRole("button", { name: "Upload" }).click();
}

const notebookOf = (bytes: number) => {
  const shell = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "markdown", metadata: {}, source: "" }] });
  return Buffer.from(shell.replace('"source":""', `"source":"${"x".repeat(bytes - shell.length)}"`));
};

test("an upload too large for the form is refused with a message, and nothing is stored", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");
  const id = await createHandoff(page);
  await page.goto(`/projects/FLOOR/handoffs/${id}`);
  await uploadThroughForm(page, "weights.bin", Buffer.alloc(12 * MB, 97));
  const form = page.getByRole("form", { name: "Attach a file" });
  await expect(form.getByRole("alert")).toContainText("This upload is 12 MB; a form can send at most 11 MB, and a file can be at most 10 MB. Nothing was stored.");
  await page.unroute("**/*");
  const files = await (await page.request.get(`/api/v1/handoffs/${id}`)).json();
  expect(files.handoff.attachments).toEqual([]);
});

test("a notebook just over 10 MB is refused by the server, naming the cap", async ({ browser }) => {
  const page = await signedInAs(browser, "researcher");
  const id = await createHandoff(page);
  await page.goto(`/projects/FLOOR/handoffs/${id}`);
  await uploadThroughForm(page, "big.ipynb", notebookOf(10 * MB + 1000));
  await expect(page.getByRole("form", { name: "Attach a file" }).getByRole("alert")).toContainText("big.ipynb is just over 10 MB; a file can be at most 10 MB.");
});

test("a sign-in with a NUL byte in the email is a failed sign-in (4xx), not a server error", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  for (const email of ["resear\u0000cher@legible.demo", "resear\ud800cher@legible.demo"]) {
    const response = await request.post("/api/auth/callback/credentials", { form: { email, password: "legible-demo-2026", csrfToken, json: "true" } });
    expect(response.status(), email).toBeGreaterThanOrEqual(400);
    expect(response.status(), email).toBeLessThan(500);
  }
});
