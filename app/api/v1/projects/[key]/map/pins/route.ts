import { apiRoute, readJson } from "@/lib/api/handler";
import { clearMapPins, setMapPins } from "@/lib/data/map-pins";

type Params = { key: string };

/** { "pins": [{ "node": "milestone:<id>", "x": 120, "y": 40 }] } → every pin of the project. */
export const PUT = apiRoute<Params>(async (caller, request, { key }) => setMapPins(caller, key, await readJson(request)));

/** Re-layout: drops every pin. */
export const DELETE = apiRoute<Params>(async (caller, _request, { key }) => clearMapPins(caller, key));
