import { apiRoute } from "@/lib/api/handler";
import { removeMapPin } from "@/lib/data/map-pins";

type Params = { key: string; node: string };

/** Unpins one node (its map id, such as milestone:<id>, URL-encoded). */
export const DELETE = apiRoute<Params>(async (caller, _request, { key, node }) => removeMapPin(caller, key, node));
