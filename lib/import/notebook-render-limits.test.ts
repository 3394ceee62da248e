// The caps on rendering a notebook at upload (lib/notebook/render.ts with the limits of
// lib/import/notebook-limits.ts): past its time budget, or over the size its rendered form may
// take, the notebook is refused with a message naming the cap, instead of being stored.
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseNotebook } from "@/lib/import/notebook";
import { NOTEBOOK_LIMITS, renderedMaxChars } from "@/lib/import/notebook-limits";
import { NOTEBOOK_RENDER_BUDGET_MS, renderNotebook } from "@/lib/notebook/render";

const notebook = (cells: unknown[]) => parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }), "x.ipynb");
const markdown = (source: string) => ({ cell_type: "markdown", metadata: {}, source });

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as Error).message;
}

describe("rendering a notebook at upload", () => {
  it("has a 30 s budget, and refuses the notebook past it", async () => {
    expect(NOTEBOOK_RENDER_BUDGET_MS).toBe(30_000);
    const nb = notebook([markdown("*one*"), markdown("*two*")]);
    expect(await refusal(renderNotebook(nb, { idPrefix: "t", budgetMs: 0, name: "slow.ipynb" }))).toBe("slow.ipynb took more than 0 s to prepare for display; it was not stored.");
    const rendered = await renderNotebook(nb, { idPrefix: "t" });
    expect(rendered.cells).toHaveLength(2);
  });

  it("caps what the rendered notebook holds at 8 times the file, within 2,000,000 and 20,000,000 characters", async () => {
    expect([renderedMaxChars(1_000), renderedMaxChars(1_000_000), renderedMaxChars(10 * 1024 * 1024)]).toEqual([2_000_000, 8_000_000, 20_000_000]);
    expect(NOTEBOOK_LIMITS.renderedPerByte).toBe(8);
    // A wide, empty table: 804 characters that render to about 90,000.
    const table = `${"|a".repeat(100)}|\n${"|-".repeat(100)}|\n${"|\n".repeat(90)}`;
    const nb = notebook([markdown(table), markdown(table), markdown("*three*")]);
    const message = await refusal(renderNotebook(nb, { idPrefix: "t", maxChars: 150_000, name: "wide.ipynb" }));
    expect(message).toBe("wide.ipynb would take more than 150,000 characters to show (at most 8 times its size, and at most 20,000,000); it was not stored.");
    expect((await renderNotebook(nb, { idPrefix: "t", maxChars: 400_000 })).cells).toHaveLength(3);
  });
});
