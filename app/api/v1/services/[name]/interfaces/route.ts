import { apiRoute, readJson } from "@/lib/api/handler";
import { createInterface } from "@/lib/data/service-interfaces";

type Params = { name: string };

/** { kind?, name, method?, path?, summary?, requestSchema?, responseSchema? } → 201 { interface }. */
export const POST = apiRoute<Params>(async (caller, request, { name }) => ({ interface: await createInterface(caller, name, await readJson(request)) }), { status: 201 });
