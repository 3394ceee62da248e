import { apiRoute } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/data/audit";

export const GET = apiRoute(async (caller, request) => listAuditEvents(caller, Object.fromEntries(new URL(request.url).searchParams)));
