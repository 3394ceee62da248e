import { apiRoute } from "@/lib/api/handler";
import { listAuditEvents, signedOutRefusals, throttledSignIns } from "@/lib/data/audit";

export const GET = apiRoute(async (caller, request) => {
  const page = await listAuditEvents(caller, Object.fromEntries(new URL(request.url).searchParams));
  return { ...page, signedOutRefusals: await signedOutRefusals(caller), throttledSignIns: await throttledSignIns(caller) };
});
