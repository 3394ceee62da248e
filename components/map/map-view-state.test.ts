import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseViewState, serializeViewState, type MapViewState } from "./map-view-state";

const parse = (query: string) => parseViewState(new URLSearchParams(query));

describe("map view state in the URL", () => {
  it("reads nothing from an empty query: the default view", () => {
    expect(parse("")).toEqual(DEFAULT_VIEW);
  });

  it("round-trips a full view", () => {
    const state: MapViewState = {
      focus: "milestone:abc123",
      hops: 2,
      filters: { hiddenKinds: ["handoff"], statuses: ["milestone.blocked", "service.deprecated"], owners: ["Lin, Ada", ""], layers: ["api", "data"] },
      q: "layout api",
      collapsed: ["handoff:h1", "lane:worker"],
      highlight: "risk",
      viewport: { x: -120.4, y: 33.6, zoom: 0.8125 },
    };
    const params = serializeViewState(state);
    expect(params.get("hops")).toBe("2");
    expect(params.get("status")).toBe("milestone.blocked,service.deprecated");
    expect(params.getAll("owner")).toEqual(["Lin, Ada", ""]);
    expect(params.get("collapsed")).toBe("handoff:h1,lane:worker");
    expect(params.get("hl")).toBe("risk");
    expect(parseViewState(new URLSearchParams(params.toString()))).toEqual({ ...state, viewport: { x: -120, y: 34, zoom: 0.813 } });
  });

  it("leaves defaults out and keeps parameters it does not own", () => {
    const params = serializeViewState(DEFAULT_VIEW, new URLSearchParams("tab=map&q=old&zoom=2"));
    expect(params.toString()).toBe("tab=map");
  });

  it("keeps hops only with a focus: a hop count without one is a preference, not part of the link", () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, hops: 1 }).toString()).toBe("");
    expect(serializeViewState({ ...DEFAULT_VIEW, focus: "service:s1", hops: 1 }).get("hops")).toBe("1");
    expect(parse("hops=1").hops).toBeNull();
    expect(parse("focus=service%3As1&hops=1").hops).toBe(1);
  });

  it("drops bad values one by one, keeping the good ones", () => {
    const state = parse("hops=0&hide=handoff,planet&status=milestone.blocked,DROP TABLE,moon.full&layer=api,Bad-Layer&x=1&y=abc&zoom=1&focus=&collapsed=,a,,a");
    expect(state.hops).toBeNull();
    expect(state.filters.hiddenKinds).toEqual(["handoff"]);
    expect(state.filters.statuses).toEqual(["milestone.blocked"]);
    expect(state.filters.layers).toEqual(["api"]);
    expect(state.viewport).toBeNull();
    expect(state.focus).toBeNull();
    expect(state.collapsed).toEqual(["a"]);
    expect(parse("focus=a&hops=6").hops).toBeNull();
    expect(parse("focus=a&hops=5").hops).toBe(5);
    expect(parse("focus=a&hops=2.5").hops).toBeNull();
    expect(parse("hl=critical").highlight).toBe("critical");
    expect(parse("hl=everything").highlight).toBeNull();
    expect(parse("hl=RISK").highlight).toBeNull();
    expect(parse("x=1&y=2&zoom=99").viewport).toBeNull();
    expect(parse("x=1&y=2&zoom=0.5").viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(parse(`q=${"a".repeat(201)}`).q).toBe("");
  });
});
