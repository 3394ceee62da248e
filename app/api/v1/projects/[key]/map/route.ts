import { apiRoute } from "@/lib/api/handler";
import { mapGraphResponse } from "@/lib/api/map-response";
import { getProjectMapGraph } from "@/lib/data/map-graph";

type Params = { key: string };

/** The project map as JSON with its precomputed layout and pins; 304 when If-None-Match matches. */
export const GET = apiRoute<Params>(async (caller, request, { key }) => mapGraphResponse(request, await getProjectMapGraph(caller, key, request.headers.get("if-none-match"))));
