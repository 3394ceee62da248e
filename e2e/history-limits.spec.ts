// The history page bounds a comparison (issue 8): two large revisions that differ in every few
// lines draw at most 2,000 diff lines, then say how many more are not shown and link to download
// either version whole; two large, very different revisions say each part is too different to
// compare line by line, with its sizes. Either page answers without computing an unbounded diff.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { demoAccount } from "./helpers/demo";
import { unique } from "./helpers/handoff";
import { ownOrigin } from "./helpers/api";

type Handoff = { id: string; version: number };

/** ~90,000 characters of lines Markdown repeats (blank lines, list markers, fences), from a seed. */
function noise(seed: number, lines = 9_000): string {
  const out: string[] = [];
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 4294967296);
  for (let i = 0; i < lines; i++) out.push(next() < 0.5 ? ["", "-", "```", "---"][Math.floor(next() * 4)] : `- step ${Math.floor(next() * 1e6)}`);
  return out.join("\n");
}

async function create(page: Page, sections: Record<string, string>): Promise<Handoff> {
  const res = await page.request.post("/api/v1/projects/FLOOR/handoffs", { data: { title: `History limits ${unique()}`, sections }, headers: ownOrigin() });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).handoff as Handoff;
}

async function save(page: Page, h: Handoff, sections: Record<string, string>): Promise<void> {
  const res = await page.request.put(`/api/v1/handoffs/${h.id}`, { data: { title: "History limits", sections, version: h.version }, headers: ownOrigin() });
  expect(res.status(), await res.text()).toBe(200);
}

test("a long comparison draws at most 2,000 lines, then counts the rest and links both versions", async ({ page }) => {
  test.slow();
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  // Every 20th line of two sections edited: 450 per part, within the diff budget; with the unchanged
  // lines between them (folded, but in the page) far more than one page draws.
  const method = noise(1);
  const results = noise(2);
  const edit = (t: string) => t.split("\n").map((l, i) => (i % 20 === 2 ? `${l} (edited)` : l)).join("\n");
  const h = await create(page, { method, key_results: results });
  await save(page, h, { method: edit(method), key_results: edit(results) });

  await page.goto(`/projects/FLOOR/handoffs/${h.id}/history?from=1&to=2`);
  const notice = page.getByTestId("diff-not-shown");
  await expect(notice).toContainText(/[\d,]+ more lines not shown/);
  const hidden = Number((await notice.textContent())!.match(/([\d,]+) more lines/)![1].replace(/,/g, ""));
  expect(hidden).toBeGreaterThan(10_000);
  expect(await page.locator('[role="list"] > [data-op]').count()).toBeLessThanOrEqual(2_000);

  // Both versions download whole, as Markdown.
  for (const version of [1, 2]) {
    const link = notice.getByRole("link", { name: `version ${version}` });
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toContain(`-v${version}.md`);
    const body = await res.text();
    expect(body).toContain(`version: ${version}`);
    expect(body).toContain((version === 1 ? method : edit(method)).split("\n").slice(-3).join("\n"));
  }
});

test("two large, very different revisions: each part too different to compare, with its sizes", async ({ page }) => {
  test.slow();
  const researcher = demoAccount("researcher");
  await signIn(page, researcher.email, researcher.password);
  const h = await create(page, { method: noise(3) });
  await save(page, h, { method: noise(4) });
  await page.goto(`/projects/FLOOR/handoffs/${h.id}/history?from=1&to=2`);
  const far = page.getByTestId("diff-too-different");
  await expect(far).toHaveCount(1);
  await expect(far).toContainText(/Too different to compare line by line: [\d,]+ lines/);
  await expect(far.getByRole("link", { name: "version 2" })).toHaveAttribute("href", `/api/v1/handoffs/${h.id}/export?version=2`);
});
