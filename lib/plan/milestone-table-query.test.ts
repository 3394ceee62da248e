import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, isFiltered, parseTableQuery, sortHref, tableHref } from "./milestone-table-query";

const context = { projectKeys: ["FLOOR", "VIT"], ownerIds: ["u1", "u2"], milestoneKeys: ["FLOOR-1", "FLOOR-8", "VIT-2"] };

describe("parseTableQuery", () => {
  it("reads nothing as the default view", () => {
    expect(parseTableQuery({}, context)).toEqual({ query: DEFAULT_QUERY, notices: [] });
  });

  it("reads every filter, lists comma-separated or repeated as a form sends them", () => {
    const { query, notices } = parseTableQuery(
      {
        q: "  layout ",
        project: "floor",
        status: ["blocked,in_progress", "blocked"],
        owner: "me",
        health: "off_track",
        overdue: "yes",
        slipping: "on",
        blockedBy: "floor-8",
        sort: "due",
        dir: "desc",
        page: "3",
      },
      context,
    );
    expect(notices).toEqual([]);
    expect(query).toEqual({
      q: "layout",
      project: ["FLOOR"],
      status: ["blocked", "in_progress"],
      owner: "me",
      health: ["off_track"],
      overdue: true,
      slipping: true,
      blockedBy: "FLOOR-8",
      sort: "due",
      dir: "desc",
      page: 3,
    });
  });

  it("reads the page, naming a value that is no page number and showing the first", () => {
    expect(parseTableQuery({ page: "2" }, context).query.page).toBe(2);
    for (const bad of ["0", "-1", "two", "1.5", "1e3", "9999999"]) {
      const { query, notices } = parseTableQuery({ page: bad }, context);
      expect(query.page).toBe(1);
      expect(notices).toEqual([`Page: "${bad}" is not a page number; showing the first page.`]);
    }
  });

  it("leaves out each bad value with a notice naming the filter by its label, keeping the good ones", () => {
    const { query, notices } = parseTableQuery(
      { project: "FLOOR,SECRET,not a key", status: "blocked,stuck", owner: "u9", overdue: "maybe", blockedBy: "SECRET-1", sort: "colour", dir: "up", health: "" },
      context,
    );
    expect(query).toEqual({ ...DEFAULT_QUERY, project: ["FLOOR"], status: ["blocked"] });
    expect(notices).toEqual([
      'Project: "SECRET" is not a project you can see; ignored.',
      'Project: "not a key" is not a project you can see; ignored.',
      'Status: "stuck" is not a status (planned, in_progress, blocked, done, cancelled); ignored.',
      'Owner: "u9" owns no milestone you can see; ignored.',
      'Overdue: "maybe" is not "yes"; ignored.',
      'Blocked by: "SECRET-1" is not a milestone you can see; ignored.',
      'Sort: "colour" is not a column (project, milestone, status, health, owner, due, progress, slip, risk); ignored.',
      'Order: "up" is not asc or desc; ignored.',
    ]);
  });

  it("a project that exists but is not the caller's reads exactly as one that does not exist", () => {
    const hidden = parseTableQuery({ project: "OTHER" }, context).notices;
    const missing = parseTableQuery({ project: "NOPE" }, context).notices;
    expect(hidden[0].replace("OTHER", "X")).toBe(missing[0].replace("NOPE", "X"));
  });

  it("caps long and many values instead of failing", () => {
    const { query, notices } = parseTableQuery({ q: "x".repeat(500), status: Array(80).fill("done") }, context);
    expect(query.q).toBe("");
    expect(query.status).toEqual(["done"]);
    expect(notices).toEqual(["Status: only the first 50 values are used.", "Search: longer than 100 characters; ignored."]);
    const quoted = parseTableQuery({ owner: `${"y".repeat(80)}\n` }, context).notices[0];
    expect(quoted).toBe(`Owner: "${"y".repeat(39)}…" owns no milestone you can see; ignored.`);
  });

  it("takes unassigned and a known owner's id", () => {
    expect(parseTableQuery({ owner: "none" }, context).query.owner).toBe("none");
    expect(parseTableQuery({ owner: "u2" }, context).query.owner).toBe("u2");
    expect(parseTableQuery({ overdue: "no" }, context)).toEqual({ query: DEFAULT_QUERY, notices: [] });
  });
});

describe("tableHref and sortHref", () => {
  it("write only what differs from the default, and read back as the same view", () => {
    expect(tableHref(DEFAULT_QUERY)).toBe("/milestones");
    const query = { ...DEFAULT_QUERY, project: ["FLOOR"], status: ["blocked" as const, "in_progress" as const], sort: "due" as const, overdue: true };
    const href = tableHref(query);
    expect(href).toBe("/milestones?project=FLOOR&status=blocked%2Cin_progress&overdue=yes&sort=due&dir=asc");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseTableQuery(params, context).query).toEqual(query);
    const paged = { ...query, page: 2 };
    expect(tableHref(paged)).toBe(`${href}&page=2`);
    expect(parseTableQuery(Object.fromEntries(new URL(tableHref(paged), "http://x").searchParams), context).query).toEqual(paged);
  });

  it("a header sorts by its column ascending, and flips the order of the current column", () => {
    expect(sortHref(DEFAULT_QUERY, "due")).toBe("/milestones?sort=due&dir=asc");
    expect(sortHref({ ...DEFAULT_QUERY, sort: "due" }, "due")).toBe("/milestones?sort=due&dir=desc");
    expect(sortHref({ ...DEFAULT_QUERY, sort: "due", dir: "desc" }, "due")).toBe("/milestones?sort=due&dir=asc");
    expect(sortHref(DEFAULT_QUERY, "project")).toBe("/milestones?sort=project&dir=desc");
    // The filters stay and the new order starts on its first page.
    expect(sortHref({ ...DEFAULT_QUERY, status: ["blocked"], page: 4 }, "due")).toBe("/milestones?status=blocked&sort=due&dir=asc");
  });

  it("isFiltered counts the search and every filter, not the order", () => {
    expect(isFiltered({ ...DEFAULT_QUERY, sort: "slip", dir: "desc" })).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, q: "x" })).toBe(true);
    expect(isFiltered({ ...DEFAULT_QUERY, blockedBy: "FLOOR-8" })).toBe(true);
  });
});
