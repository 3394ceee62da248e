import { apiRoute, readJson } from "@/lib/api/handler";
import { applyMapImport, planMapImport } from "@/lib/data/map-code";
import { parseApply } from "@/lib/import/plan";

// ?apply=1 (or true) writes; without it (or 0, false) the answer is the dry run and nothing is written.
export const POST = apiRoute(async (caller, request) => {
  const apply = parseApply(new URL(request.url).searchParams);
  const body = await readJson(request);
  if (apply) return applyMapImport(caller, body);
  return { ...(await planMapImport(caller, body)), applied: false };
});
