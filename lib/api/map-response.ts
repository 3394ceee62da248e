// A map's JSON (lib/data/map-graph.ts) as an HTTP answer: validated by its ETag, so a reopened
// map whose graph, layout and pins have not changed costs a 304 and no body (and no rebuild: the
// data layer derives the ETag from lib/data/map-stamp.ts before building anything). Private: each answer
// is for one caller (what they may see and do).
import "server-only";
import { etagMatches, type MapGraphResponse } from "@/lib/data/map-graph";

const CACHE_CONTROL = "private, no-cache";

export function mapGraphResponse(request: Request, { json, etag }: MapGraphResponse): Response {
  const headers = { etag, "cache-control": CACHE_CONTROL, vary: "Cookie, Authorization" };
  // The data layer answers without a body when the request's If-None-Match holds the current ETag.
  if (json === undefined || etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
