import { apiRoute, readJson } from "@/lib/api/handler";
import { createService, listServices } from "@/lib/data/services";

export const GET = apiRoute(async (caller) => ({ services: await listServices(caller) }));

export const POST = apiRoute(async (caller, request) => ({ service: await createService(caller, await readJson(request)) }), { status: 201 });
