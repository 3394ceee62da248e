// Notebooks parsed once (issue 7, item 2), against a real database on both providers: an upload
// is parsed, checked against the caps and rendered, and the result stored; a view reads the
// stored result and neither parses nor renders; a hostile notebook is refused with a message and
// nothing is stored (over the API too, with a 4xx); a notebook stored before this change is
// rendered on its first view and written back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { listNotebooks, uploadAttachment } from "@/lib/data/attachments";
import { createHandoff } from "@/lib/data/handoffs";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { ValidationError } from "@/lib/errors";
import { FALLBACK_NOTICES } from "@/lib/markdown/fallback";
import { markdownPool } from "@/lib/markdown/server";
import { RENDERED_NOTEBOOK_VERSION } from "@/lib/notebook/rendered";
import * as attachmentsRoute from "@/app/api/v1/handoffs/[id]/attachments/route";
import * as hostile from "../fixtures/hostile-notebooks";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const real = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "tests", "fixtures", "real", name)));
const bytes = (text: string) => new TextEncoder().encode(text);

describeEachProvider("notebooks parsed once", (provider) => {
  let t: TestDb;
  let researcher: Actor;
  let handoffId = "";
  const upload = (filename: string, data: Uint8Array) => uploadAttachment(researcher, handoffId, { filename, contentType: "application/json", bytes: data });
  const stored = () => t.db.attachment.count({ where: { handoffId } });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureBuiltInTemplate(t.db);
    const project = await t.db.project.create({ data: { key: "NB", name: "Notebooks" } });
    const u = await t.db.user.create({ data: { email: "researcher@example.test", name: "Researcher" } });
    await t.db.membership.create({ data: { projectId: project.id, userId: u.id, role: "researcher" } });
    researcher = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    handoffId = (await createHandoff(researcher, "NB", { title: "With notebooks" })).id;
  });
  afterAll(() => t?.drop());

  it("renders real notebooks at upload and serves views from what was stored", async () => {
    const a = await upload("micrograd.ipynb", real("notebook-micrograd-demo.ipynb"));
    await upload("sort.ipynb", real("notebook-mingpt-sort-demo.ipynb"));
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: a.id }, select: { rendered: true } });
    expect(JSON.parse(row.rendered!).version).toBe(RENDERED_NOTEBOOK_VERSION);

    // Views read only the stored result: with the uploaded bytes destroyed, and no worker used.
    await t.db.attachment.updateMany({ where: { handoffId }, data: { data: Buffer.from("not a notebook") } });
    const jobs = markdownPool().dispatched;
    const notebooks = await listNotebooks(researcher, handoffId);
    expect(markdownPool().dispatched).toBe(jobs);
    expect(notebooks.map((n) => [n.filename, n.error])).toEqual([
      ["micrograd.ipynb", null],
      ["sort.ipynb", null],
    ]);
    const cells = notebooks[0].notebook!.cells;
    expect(cells).toHaveLength(10);
    const code = cells.find((c) => c.type === "code");
    expect(code?.type === "code" && code.html).toContain('class="hljs language-python"');
  });

  it("refuses hostile notebooks with a message naming the cap, storing nothing", async () => {
    const before = await stored();
    const cases: Array<[string, string, RegExp]> = [
      ["cells.ipynb", hostile.manyCells(100_000), /has 100,000 cells; a notebook may have at most 2,000/],
      ["deep.ipynb", hostile.deepOutput(5_000), /nests arrays and objects more than 64 levels deep/],
      ["output.ipynb", hostile.hugeOutput(3_000_000), /an output of cell 1 has .* characters; one output may have at most 2,000,000/],
      ["outputs.ipynb", hostile.manyOutputs(10, 850_000), /outputs pass 8,000,000 characters at cell 10/],
      ["backticks.ipynb", hostile.backtickCell(200_000), /cell 1 has 400,000 characters of source; a cell may have at most 100,000/],
    ];
    for (const [name, text, message] of cases) {
      const refused = await upload(name, bytes(text)).catch((error: unknown) => error);
      expect(refused, name).toBeInstanceOf(ValidationError);
      expect((refused as Error).message, name).toMatch(message);
    }
    expect(await stored()).toBe(before);
  });

  it("answers 422, not 500, to a notebook nested 5,000 deep over the API", async () => {
    const { token } = await createToken(researcher, { name: "upload" });
    const form = new FormData();
    form.set("file", new File([hostile.deepOutput(5_000)], "deep.ipynb", { type: "application/json" }));
    const res = await attachmentsRoute.POST(
      new Request(`http://test/api/v1/handoffs/${handoffId}/attachments`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: handoffId }) },
    );
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toMatch(/^deep\.ipynb nests arrays and objects more than 64 levels deep/);
  });

  it("stores a notebook with pathological Markdown and long backtick runs, shown as plain text where needed", async () => {
    const a = await upload("nested.ipynb", bytes(hostile.nestedMarkdownCell()));
    const b = await upload("runs.ipynb", bytes(hostile.backtickCell(49_000)));
    const views = await listNotebooks(researcher, handoffId);
    const nested = views.find((v) => v.id === a.id)!.notebook!;
    expect(nested.cells[0].type === "markdown" && nested.cells[0].html).toContain(FALLBACK_NOTICES.nesting);
    expect(nested.cells[1].type === "markdown" && nested.cells[1].html).toContain("<h4>Still here</h4>");
    const runs = views.find((v) => v.id === b.id)!.notebook!;
    expect(runs.cells[0].type === "code" && runs.cells[0].html).toContain("<pre><code");
  });

  it("renders a notebook stored before rendering at upload on its first view, and writes it back", async () => {
    const legacy = await t.db.attachment.create({
      data: { handoffId, filename: "old.ipynb", contentType: "application/x-ipynb+json", size: 1, sha256: "x", data: Buffer.from(real("notebook-micrograd-demo.ipynb")) },
    });
    const broken = await t.db.attachment.create({
      data: { handoffId, filename: "old-huge.ipynb", contentType: "application/x-ipynb+json", size: 1, sha256: "y", data: Buffer.from(hostile.manyCells(3_000)) },
    });
    const first = await listNotebooks(researcher, handoffId);
    expect(first.find((v) => v.id === legacy.id)?.notebook?.cells).toHaveLength(10);
    expect(first.find((v) => v.id === broken.id)?.error).toBe("old-huge.ipynb has 3,000 cells; a notebook may have at most 2,000.");
    const rows = await t.db.attachment.findMany({ where: { id: { in: [legacy.id, broken.id] } }, select: { rendered: true } });
    expect(rows.every((r) => r.rendered !== null)).toBe(true);
    // The second view reads what the first stored.
    const jobs = markdownPool().dispatched;
    const second = await listNotebooks(researcher, handoffId);
    expect(markdownPool().dispatched).toBe(jobs);
    expect(second.find((v) => v.id === legacy.id)?.notebook).toEqual(first.find((v) => v.id === legacy.id)?.notebook);
  });

  it("stores NUL characters and lone surrogates in notebook text as U+FFFD", async () => {
    const a = await upload("control.ipynb", bytes(hostile.controlCharacters()));
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: a.id }, select: { rendered: true } });
    expect(row.rendered).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}/i);
    const view = (await listNotebooks(researcher, handoffId)).find((v) => v.id === a.id)!;
    expect(view.error).toBeNull();
    const [md, code] = view.notebook!.cells;
    expect(md.type === "markdown" && md.html).toContain("Before\ufffdafter \ufffd <em>lone</em>");
    if (code.type !== "code") throw new Error("expected a code cell");
    expect(code.html).toContain("\ufffd");
    expect(code.outputs[0]).toMatchObject({ type: "stream", text: "out\ufffdput \ufffd" });
    expect(code.outputs[1]).toMatchObject({ type: "error", ename: "Err\ufffd", evalue: "bad \ufffd", traceback: ["tb\ufffd"] });
    expect(code.outputs[2]).toMatchObject({ type: "display", content: { kind: "text", text: "plain\ufffd \ufffd" } });
    expect(code.outputs[3]).toMatchObject({ type: "display", content: { kind: "html" } });
  });

  it("refuses a notebook over the caps on outputs per cell and in all, storing nothing", async () => {
    const before = await stored();
    const perCell = await upload("per-cell.ipynb", bytes(hostile.outputsInOneCell(1_001))).catch((error: unknown) => error);
    expect(perCell).toBeInstanceOf(ValidationError);
    expect((perCell as Error).message).toBe("per-cell.ipynb: cell 1 has 1,001 outputs; a cell may have at most 1,000.");
    const total = await upload("total.ipynb", bytes(hostile.outputsInManyCells(6, 900))).catch((error: unknown) => error);
    expect(total).toBeInstanceOf(ValidationError);
    expect((total as Error).message).toBe("total.ipynb: its outputs pass 5,000 at cell 6; a notebook may have at most 5,000 outputs.");
    expect(await stored()).toBe(before);
  });
});

