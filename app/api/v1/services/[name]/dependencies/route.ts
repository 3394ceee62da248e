import { apiRoute, readJson } from "@/lib/api/handler";
import { addServiceDependency } from "@/lib/data/service-dependencies";

type Params = { name: string };

/** { to, kind?, description? } → 201 { dependency }, with `cycle` (service names) when it closes one. */
export const POST = apiRoute<Params>(async (caller, request, { name }) => ({ dependency: await addServiceDependency(caller, name, await readJson(request)) }), { status: 201 });
