// The menu button's keys (WAI-ARIA menu button pattern), as pure functions, and the button's ARIA
// attributes as the server renders them. Focus moving in a real browser is covered by
// e2e/map-export.spec.ts ("the Export menu works from the keyboard") and the user menu's sign-out.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buttonKey, menuKey, useMenuButton } from "./useMenuButton";

describe("menuKey", () => {
  it("moves down and up through the items, wrapping at either end", () => {
    expect(menuKey("ArrowDown", 0, 4)).toEqual({ focus: 1 });
    expect(menuKey("ArrowDown", 3, 4)).toEqual({ focus: 0 });
    expect(menuKey("ArrowUp", 2, 4)).toEqual({ focus: 1 });
    expect(menuKey("ArrowUp", 0, 4)).toEqual({ focus: 3 });
  });

  it("goes to the first or last item from no item", () => {
    expect(menuKey("ArrowDown", -1, 4)).toEqual({ focus: 0 });
    expect(menuKey("ArrowUp", -1, 4)).toEqual({ focus: 3 });
  });

  it("jumps to the first and last items with Home and End", () => {
    expect(menuKey("Home", 2, 4)).toEqual({ focus: 0 });
    expect(menuKey("End", 1, 4)).toEqual({ focus: 3 });
  });

  it("closes on Escape, giving focus back to the button, and on Tab, letting focus move on", () => {
    expect(menuKey("Escape", 1, 4)).toEqual({ close: "returnFocus" });
    expect(menuKey("Tab", 1, 4)).toEqual({ close: "moveOn" });
    expect(menuKey("Escape", -1, 0)).toEqual({ close: "returnFocus" });
  });

  it("leaves other keys, and moves in an empty menu, to the browser", () => {
    expect(menuKey("a", 0, 4)).toBeNull();
    expect(menuKey("Enter", 0, 4)).toBeNull();
    expect(menuKey(" ", 0, 4)).toBeNull();
    expect(menuKey("ArrowDown", -1, 0)).toBeNull();
  });
});

describe("buttonKey", () => {
  it("opens on the first item with ArrowDown and the last with ArrowUp; Enter and Space click", () => {
    expect(buttonKey("ArrowDown")).toBe("first");
    expect(buttonKey("ArrowUp")).toBe("last");
    expect(buttonKey("Enter")).toBeNull();
    expect(buttonKey(" ")).toBeNull();
  });
});

function Harness() {
  const { open, rootProps, buttonProps, menuProps } = useMenuButton();
  return (
    <div {...rootProps}>
      <button {...buttonProps}>Actions</button>
      {open && <div {...menuProps} aria-label="Actions" />}
    </div>
  );
}

describe("useMenuButton", () => {
  it("renders a closed menu button: a popup menu, not expanded, controlling nothing yet", () => {
    const html = renderToStaticMarkup(<Harness />);
    expect(html).toBe('<div><button type="button" aria-haspopup="menu" aria-expanded="false">Actions</button></div>');
  });
});
