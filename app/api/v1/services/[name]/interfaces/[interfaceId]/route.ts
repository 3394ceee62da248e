import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteInterface, updateInterface } from "@/lib/data/service-interfaces";

type Params = { name: string; interfaceId: string };

/** The fields to change and the `version` read → { interface }; 409 with `current` when stale. */
export const PATCH = apiRoute<Params>(async (caller, request, { name, interfaceId }) => ({ interface: await updateInterface(caller, name, interfaceId, await readJson(request)) }));

export const DELETE = apiRoute<Params>(async (caller, _request, { name, interfaceId }) => ({ removed: await deleteInterface(caller, name, interfaceId) }));
