// A map's JSON (lib/data/map-graph.ts) as an HTTP answer: validated by its ETag, so a reopened
// map whose graph, layout and pins have not changed costs a 304 and no body. Private: each answer
// is for one caller (what they may see and do).
import "server-only";
import type { MapGraphResponse } from "@/lib/data/map-graph";

const CACHE_CONTROL = "private, no-cache";

/** True when an If-None-Match header lists this ETag (or *), weak or strong. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

export function mapGraphResponse(request: Request, { json, etag }: MapGraphResponse): Response {
  const headers = { etag, "cache-control": CACHE_CONTROL, vary: "Cookie, Authorization" };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
