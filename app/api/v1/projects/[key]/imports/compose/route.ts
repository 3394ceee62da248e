import { apiRoute, readJson } from "@/lib/api/handler";
import { applyComposeImport, planComposeImport } from "@/lib/data/compose-import";
import { parseApply } from "@/lib/import/plan";

type Params = { key: string };

/**
 * { "text": "<compose file>", "filename"?: "compose.yaml", "layers"?: { "<service>": "<layer>" } }:
 * answers the import plan and the preview's rows (200) and writes nothing; with ?apply=1 (or true)
 * applies it in one transaction. Any other value of apply but 0 or false is 422.
 */
export const POST = apiRoute<Params>(async (caller, request, { key }) => {
  const apply = parseApply(new URL(request.url).searchParams);
  const body = await readJson(request);
  return apply ? applyComposeImport(caller, key, body) : planComposeImport(caller, key, body);
});
