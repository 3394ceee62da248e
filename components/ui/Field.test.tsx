// A control that reaches Field as something other than one element (a lazy node from the server,
// an array) is still rendered, under the label, with the label's id: it used to be dropped.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "./Field";
import { Select, Textarea } from "./Input";

describe("Field", () => {
  it("gives its one element child the label's id, hint and error", () => {
    const html = renderToStaticMarkup(
      <Field label="Note" id="note" hint="Why" error="is required">
        <Textarea name="note" />
      </Field>,
    );
    expect(html).toMatch(/<label for="note"/);
    expect(html).toMatch(/<textarea[^>]*id="note"[^>]*aria-describedby="note-hint note-error"[^>]*aria-invalid="true"/);
  });

  it("renders a child that is not a single element, which takes the same props from the field", () => {
    const html = renderToStaticMarkup(
      <Field label="Status" id="status" required>
        {[
          <Select key="s" name="status" defaultValue="planned">
            <option value="planned">Planned</option>
          </Select>,
        ]}
      </Field>,
    );
    expect(html).toMatch(/<label for="status"/);
    expect(html).toMatch(/<select[^>]*id="status"[^>]*required=""/);
    expect(html).toContain('<option value="planned"');
  });
});
