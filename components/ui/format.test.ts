import { describe, it, expect } from "vitest";
import { count, formatDate, formatDateTime, formatRelative, noun } from "./format";

const now = new Date("2026-03-12T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatDate", () => {
  it("formats in UTC as day, short month, year", () => {
    expect(formatDate(new Date("2026-03-12T23:30:00Z"))).toBe("12 Mar 2026");
    expect(formatDate("2025-09-01T00:00:00Z")).toBe("1 Sep 2025");
  });
  it("does not shift a date-only string across a time zone", () => {
    expect(formatDate("2026-01-31")).toBe("31 Jan 2026");
  });
  it("returns an empty string for an invalid date", () => {
    expect(formatDate("not a date")).toBe("");
  });
  it("formats date and time with a UTC suffix", () => {
    expect(formatDateTime("2026-03-12T09:05:00Z")).toBe("12 Mar 2026, 09:05 UTC");
  });
});

describe("formatRelative", () => {
  it("says just now within 45 seconds either way", () => {
    expect(formatRelative(at(-10_000), now)).toBe("just now");
    expect(formatRelative(at(30_000), now)).toBe("just now");
  });
  it("counts minutes and hours", () => {
    expect(formatRelative(at(-5 * MIN), now)).toBe("5 minutes ago");
    expect(formatRelative(at(-50 * 1000), now)).toBe("1 minute ago");
    expect(formatRelative(at(3 * HOUR), now)).toBe("in 3 hours");
    expect(formatRelative(at(-1 * HOUR), now)).toBe("1 hour ago");
  });
  it("counts days, with yesterday and tomorrow", () => {
    expect(formatRelative(at(-3 * DAY), now)).toBe("3 days ago");
    expect(formatRelative(at(5 * DAY), now)).toBe("in 5 days");
    expect(formatRelative(at(-DAY), now)).toBe("yesterday");
    expect(formatRelative(at(DAY), now)).toBe("tomorrow");
    expect(formatRelative(at(12 * DAY), now)).toBe("in 12 days");
  });
  it("moves to months and years for distant dates", () => {
    expect(formatRelative(at(-60 * DAY), now)).toBe("2 months ago");
    expect(formatRelative(at(400 * DAY), now)).toBe("next year");
    expect(formatRelative(at(-3 * 365 * DAY), now)).toBe("3 years ago");
  });
  it("accepts ISO strings and timestamps", () => {
    expect(formatRelative("2026-03-09T12:00:00Z", now.getTime())).toBe("3 days ago");
  });
  it("returns an empty string for an invalid date", () => {
    expect(formatRelative("nope", now)).toBe("");
  });
});

describe("count", () => {
  it("uses the singular for exactly one", () => {
    expect(count(1, "handoff")).toBe("1 handoff");
    expect(count(0, "handoff")).toBe("0 handoffs");
    expect(count(2, "handoff")).toBe("2 handoffs");
  });
  it("takes an irregular plural and groups thousands", () => {
    expect(count(2, "reply", "replies")).toBe("2 replies");
    expect(count(1204, "line")).toBe("1,204 lines");
  });
  it("noun gives the word alone", () => {
    expect(noun(1, "file")).toBe("file");
    expect(noun(3, "file")).toBe("files");
  });
});
