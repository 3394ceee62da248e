import { apiRoute } from "@/lib/api/handler";
import { mapGraphResponse } from "@/lib/api/map-response";
import { getServicesMapGraph } from "@/lib/data/map-graph";

/** The organisation-wide services map as JSON with its precomputed lane layout; 304 when If-None-Match matches. */
export const GET = apiRoute(async (caller, request) => mapGraphResponse(request, await getServicesMapGraph(caller, request.headers.get("if-none-match"))));
