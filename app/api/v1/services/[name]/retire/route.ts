import { apiRoute, readJson } from "@/lib/api/handler";
import { retireService } from "@/lib/data/services";

type Params = { name: string };

/** { version } → { service } with lifecycle "retired"; 409 with `current` when stale. */
export const POST = apiRoute<Params>(async (caller, request, { name }) => ({ service: await retireService(caller, name, await readJson(request)) }));
