import { describe, expect, it } from "vitest";
import { asChecklist, criteriaItems, criteriaProse, tickCriterion } from "./milestone-criteria";

describe("acceptance criteria checklist", () => {
  const text = "Done when:\n- [ ] Serves 50 req/s\n- [x] Has a dashboard\n* plain bullet";
  it("reads task items in order", () => {
    expect(criteriaItems(text)).toEqual([
      { index: 0, line: 1, text: "Serves 50 req/s", done: false },
      { index: 1, line: 2, text: "Has a dashboard", done: true },
    ]);
  });
  it("ticks and unticks one item, leaving the rest", () => {
    expect(tickCriterion(text, 0, true)).toBe("Done when:\n- [x] Serves 50 req/s\n- [x] Has a dashboard\n* plain bullet");
    expect(tickCriterion(text, 1, false)).toBe("Done when:\n- [ ] Serves 50 req/s\n- [ ] Has a dashboard\n* plain bullet");
    expect(tickCriterion(text, 2, true)).toBeNull();
  });
  it("ticks items of text typed in a browser (CRLF line ends)", () => {
    const crlf = "- [ ] One\r\n- [ ] Two";
    expect(tickCriterion(crlf, 0, true)).toBe("- [x] One\n- [ ] Two");
    expect(asChecklist("- One\r\n- Two\r\n")).toBe("- [ ] One\n- [ ] Two\n");
  });
  it("turns plain bullets into items and keeps prose", () => {
    expect(asChecklist(text)).toBe("Done when:\n- [ ] Serves 50 req/s\n- [x] Has a dashboard\n* [ ] plain bullet");
    expect(criteriaProse(text)).toBe("Done when:\n* plain bullet");
  });
});
