import { apiRoute, readJson } from "@/lib/api/handler";
import { createService, listServices } from "@/lib/data/services";
import type { ServiceInput } from "@/lib/validation/service";

export const GET = apiRoute(async (caller) => ({ services: await listServices(caller) }));

export const POST = apiRoute(async (caller, request) => ({ service: await createService(caller, (await readJson(request)) as ServiceInput) }), { status: 201 });
