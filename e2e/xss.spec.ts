// The XSS corpus (e2e/fixtures/xss-payloads.ts) rendered by the real handoff page in a real
// browser. The researcher creates handoffs through the REST API, sixteen payloads to a handoff
// (one in each of the built-in template's fifteen sections, production notes included, and one in
// the free body; a handoff's sections are keyed by its template's, docs/limits.md), then each page
// is opened and checked: nothing ran (no __xss call, no alert/confirm/prompt, no dialog), and
// the rendered sections contain no scripts, event handlers, dangerous URLs, active elements,
// CSS injection or unprefixed ids/names (findViolations). A handoff of ordinary Markdown proves
// the renderer still renders tables, KaTeX and highlighted code.
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { CLOBBER_NAMES, LEGIT_MARKDOWN, XSS_PAYLOADS, findViolations, type ElementSnapshot, type XssPayload } from "./fixtures/xss-payloads";
import { ownOrigin } from "./helpers/api";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";

declare global {
  interface Window {
    __xss?: (name: string) => void;
    __hits?: string[];
  }
}

test.describe.configure({ mode: "serial" });

const PROJECT = "FLOOR";
/** Where each payload of a batch goes: every section of the built-in template, then the body. */
const SECTION_KEYS = DEFAULT_TEMPLATE_SECTIONS.map((s) => s.key);
const BODY_KEY = "body";
const PER_HANDOFF = SECTION_KEYS.length + 1;

type Placed = { key: string; payload: XssPayload };
type Batch = { id: string; placed: Placed[] };

let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

async function createHandoff(request: APIRequestContext, title: string, sections: Record<string, string>, body: string): Promise<string> {
  const response = await request.post(`/api/v1/projects/${PROJECT}/handoffs`, { data: { title, sections, body }, headers: ownOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { handoff: { id: string } }).handoff.id;
}

/** Opens a handoff, waits for load and a moment for anything deferred, and returns what fired. */
async function open(id: string): Promise<string[]> {
  dialogs.length = 0;
  await page.goto(`/projects/${PROJECT}/handoffs/${id}`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const hits = await page.evaluate(() => window.__hits ?? []);
  return [...hits.map((h) => `__xss/alert hit: ${h}`), ...dialogs.map((d) => `dialog: ${d}`)];
}

/** Every element inside a rendered section (its header and its Markdown), as plain data. */
async function snapshot(key: string): Promise<{ rendered: boolean; elements: ElementSnapshot[] }> {
  return page.evaluate((key) => {
    const section = document.getElementById(`section-${key}`);
    if (!section) return { rendered: false, elements: [] };
    const rendered = !!section.querySelector(':scope > div[class*="prose"]');
    const elements = [...section.querySelectorAll("*")].map((el) => ({
      tag: el.localName.toLowerCase(),
      attrs: el.getAttributeNames().map((name): [string, string] => [name, el.getAttribute(name) ?? ""]),
    }));
    return { rendered, elements };
  }, key);
}

/** Page-wide checks: foreign scripts, event-handler attributes, clobbered globals. */
async function pageWideProblems(): Promise<string[]> {
  return page.evaluate((clobberNames) => {
    const problems: string[] = [];
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      if (src !== null && !src.startsWith("/_next/")) problems.push(`foreign script src=${src}`);
      if (script.closest('section[id^="section-"]')) problems.push("script inside a rendered section");
    }
    for (const el of document.querySelectorAll("*")) {
      for (const name of el.getAttributeNames()) if (name.toLowerCase().startsWith("on")) problems.push(`<${el.localName} ${name}> in the page`);
    }
    const w = window as unknown as Record<string, unknown>;
    const d = document as unknown as Record<string, unknown>;
    const isNode = (v: unknown) => v instanceof Element || v instanceof HTMLCollection || v instanceof RadioNodeList;
    for (const name of clobberNames) {
      if (name !== "__xss" && name !== "alert" && name !== "location" && isNode(w[name])) problems.push(`window.${name} is clobbered by an element`);
      if (name !== "body" && name !== "forms" && isNode(d[name])) problems.push(`document.${name} is clobbered by an element`);
    }
    if (typeof document.getElementById !== "function") problems.push("document.getElementById clobbered");
    if (typeof document.cookie !== "string") problems.push("document.cookie clobbered");
    if (document.defaultView !== window) problems.push("document.defaultView clobbered");
    if (document.body !== document.querySelector("body")) problems.push("document.body clobbered");
    if (!(document.forms instanceof HTMLCollection)) problems.push("document.forms clobbered");
    if (typeof window.__xss !== "function") problems.push("window.__xss replaced");
    return problems;
  }, CLOBBER_NAMES);
}

test.beforeAll(async ({ browser }, testInfo) => {
  context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  // Offline: anything not served by the app under test is refused, never fetched.
  await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
  await context.addInitScript(() => {
    window.__xss = (name: string) => {
      (window.__hits ||= []).push(String(name));
    };
    window.alert = (message?: unknown) => window.__xss?.(`alert:${String(message)}`);
    window.confirm = (message?: string) => (window.__xss?.(`confirm:${String(message)}`), false);
    window.prompt = (message?: string) => (window.__xss?.(`prompt:${String(message)}`), null);
  });
  page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
});

test.afterAll(async () => {
  await context?.close();
});

test("legitimate Markdown still renders: a table, KaTeX and highlighted code", async () => {
  const id = await createHandoff(context.request, "XSS corpus: legitimate content", { tldr: LEGIT_MARKDOWN, prod_io: LEGIT_MARKDOWN }, LEGIT_MARKDOWN);
  expect(await open(id)).toEqual([]);
  for (const key of ["tldr", "prod_io", BODY_KEY]) {
    const section = page.locator(`#section-${key}`);
    await expect(section.locator("table td").filter({ hasText: "12.1" })).toHaveCount(1);
    await expect(section.locator(".katex").first()).toBeVisible();
    await expect(section.locator("pre code.hljs .hljs-keyword").first()).toHaveText("def");
    await expect(section.getByRole("link", { name: "the paper" })).toHaveAttribute("href", "https://example.com/paper");
    const { rendered, elements } = await snapshot(key);
    expect(rendered).toBe(true);
    expect(findViolations(elements, { idPrefixes: [`${key}-`], allowIds: [`section-${key}-title`] })).toEqual([]);
  }
  expect(await pageWideProblems()).toEqual([]);
});

test(`none of the ${XSS_PAYLOADS.length} XSS payloads runs or survives in the rendered handoff`, async () => {
  expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size, "payload names are unique").toBe(XSS_PAYLOADS.length);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);

  // Create every batch first (one API call each), then open them one by one.
  const batches: Batch[] = [];
  for (let start = 0, n = 1; start < XSS_PAYLOADS.length; start += PER_HANDOFF, n++) {
    const chunk = XSS_PAYLOADS.slice(start, start + PER_HANDOFF);
    const placed: Placed[] = chunk.map((payload, i) => ({ key: i < SECTION_KEYS.length ? SECTION_KEYS[i] : BODY_KEY, payload }));
    const sections = Object.fromEntries(placed.filter((p) => p.key !== BODY_KEY).map((p) => [p.key, p.payload.markdown]));
    const body = placed.find((p) => p.key === BODY_KEY)?.payload.markdown ?? "";
    // The title is hostile too; the page and its <title> must show it as text.
    const title = `XSS corpus ${n} <img src=x onerror="__xss('title-${n}')"><script>__xss('title-${n}')</script>`;
    batches.push({ id: await createHandoff(context.request, title, sections, body), placed });
  }

  const failures: string[] = [];
  let checked = 0;
  for (const batch of batches) {
    const fired = await open(batch.id);
    const names = batch.placed.map((p) => p.payload.name).join(", ");
    for (const f of fired) failures.push(`handoff ${batch.id} [${names}]: ${f}`);
    for (const problem of await pageWideProblems()) failures.push(`handoff ${batch.id} [${names}]: ${problem}`);
    for (const { key, payload } of batch.placed) {
      const { rendered, elements } = await snapshot(key);
      if (!rendered) failures.push(`${payload.name}: section "${key}" was not rendered, so the payload was not exercised`);
      const problems = findViolations(elements, { idPrefixes: [`${key}-`], allowIds: [`section-${key}-title`] });
      for (const problem of problems) failures.push(`${payload.name} (section ${key}): ${problem}`);
      checked++;
    }
  }

  // The handoff list shows the hostile titles too.
  dialogs.length = 0;
  await page.goto(`/projects/${PROJECT}/handoffs`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  for (const hit of await page.evaluate(() => window.__hits ?? [])) failures.push(`handoff list: __xss/alert hit: ${hit}`);
  for (const d of dialogs) failures.push(`handoff list: dialog: ${d}`);

  console.log(`XSS corpus: ${checked} payloads rendered and checked in ${batches.length} handoffs; ${failures.length} failures.`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect(checked).toBe(XSS_PAYLOADS.length);
});

test(`comments and notebooks: none of the ${XSS_PAYLOADS.length} payloads runs or survives there either`, async () => {
  test.slow();
  const id = await createHandoff(context.request, "XSS corpus: comments and notebooks", { tldr: "Harmless summary." }, "");

  // Every payload as a comment: half start threads, half reply to the thread before them.
  let thread = "";
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const response = await context.request.post(`/api/v1/handoffs/${id}/comments`, {
      data: { sectionKey: "tldr", body: payload.markdown, ...(i % 2 === 1 && thread ? { parentId: thread } : {}) },
      headers: ownOrigin(),
    });
    expect(response.status(), `${payload.name}: ${await response.text()}`).toBe(201);
    if (i % 2 === 0) thread = ((await response.json()) as { comment: { id: string } }).comment.id;
  }

  // Every payload as a Markdown cell, and hostile outputs: HTML, SVG, Markdown and streams.
  const cells = XSS_PAYLOADS.flatMap((payload) => [
    { cell_type: "markdown", metadata: {}, source: payload.markdown },
    {
      cell_type: "code",
      metadata: {},
      execution_count: 1,
      source: "print('hi')",
      outputs: [
        { output_type: "display_data", metadata: {}, data: { "text/html": payload.markdown, "image/svg+xml": `<svg onload="__xss('svg-${payload.name}')"/>`, "text/plain": "plain" } },
        { output_type: "execute_result", execution_count: 1, metadata: {}, data: { "text/markdown": payload.markdown } },
        { output_type: "stream", name: "stdout", text: payload.markdown },
      ],
    },
  ]);
  const notebook = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: "python" } }, cells });
  const upload = await context.request.post(`/api/v1/handoffs/${id}/attachments`, {
    multipart: { file: { name: "hostile.ipynb", mimeType: "application/json", buffer: Buffer.from(notebook) } },
    headers: ownOrigin(),
  });
  expect(upload.status(), await upload.text()).toBe(201);

  const failures = await open(id);
  failures.push(...(await pageWideProblems()));
  const rendered = await page.evaluate(() => {
    // Section bodies (#section-KEY) were checked above; their threads (#section-KEY-threads) are new here.
    const outside = (el: Element) => !el.closest('[id^="section-"]:not([id$="-threads"])');
    const comments = [...document.querySelectorAll('div[class*="prose"]')].filter((el) => outside(el) && !el.closest("[data-notebook-cells]"));
    const notebooks = [...document.querySelectorAll("[data-notebook-cells]")];
    const describe = (root: Element) =>
      [root, ...root.querySelectorAll("*")].map((el) => ({
        tag: el.localName.toLowerCase(),
        attrs: el.getAttributeNames().map((name): [string, string] => [name, el.getAttribute(name) ?? ""]),
      }));
    return { comments: comments.map(describe), notebooks: notebooks.map(describe) };
  });
  // Resolved or collapsed threads still render their bodies; every payload must be on the page.
  expect(rendered.comments.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length - 5);
  expect(rendered.notebooks).toHaveLength(1);
  for (const elements of rendered.comments) failures.push(...findViolations(elements, { idPrefixes: ["c-"] }).map((p) => `comment: ${p}`));
  for (const elements of rendered.notebooks) failures.push(...findViolations(elements, { idPrefixes: ["nb-"] }).map((p) => `notebook: ${p}`));
  console.log(`XSS corpus: ${rendered.comments.length} comments and a ${cells.length}-cell notebook checked; ${failures.length} failures.`);
  expect(failures, failures.join("\n")).toEqual([]);
});
