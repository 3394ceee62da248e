// One page of a long list (the milestones tables): `?page=N` in the URL, parsed with zod, and the
// rows it shows. A page past the last shows the last; a value that is no page number shows the
// first and is named in a notice, never failing the page. Pure: no React, no Prisma.
import { z } from "zod";
import { LIMITS, formatCount } from "@/lib/validation/limits";

/** Page numbers are small; a longer one is no page anyone reached by a link. */
const pageSchema = z.string().max(64).trim().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1));

/** The page a `?page=` value asks for (1 when absent); `notice` says why a bad one was ignored. */
export function parsePage(raw: string | string[] | undefined): { page: number; notice: string | null } {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === "") return { page: 1, notice: null };
  const parsed = pageSchema.safeParse(value);
  if (parsed.success) return { page: parsed.data, notice: null };
  const shown = value.length > 20 ? `${value.slice(0, 19)}…` : value;
  return { page: 1, notice: `Page: "${shown}" is not a page number; showing the first page.` };
}

export type PageSlice = {
  /** The page shown, 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
  /** Rows [start, end) of the whole list. */
  start: number;
  end: number;
  total: number;
};

/** Which rows page `requested` of `total` shows, `size` to a page. */
export function pageOf(total: number, requested: number, size: number = LIMITS.milestone.pageRows): PageSlice {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  const start = (page - 1) * size;
  return { page, pageCount, start, end: Math.min(total, start + size), total };
}

/** "Showing 201–400 of 1,234" (or "Showing all 12" when one page holds them). */
export function showingText(slice: PageSlice): string {
  if (slice.pageCount === 1) return `Showing all ${formatCount(slice.total)}`;
  return `Showing ${formatCount(slice.start + 1)}–${formatCount(slice.end)} of ${formatCount(slice.total)}`;
}
