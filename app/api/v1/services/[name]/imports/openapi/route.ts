import { apiRoute, readJson } from "@/lib/api/handler";
import { applyInterfaceImport, planInterfaceImport } from "@/lib/data/interface-import";
import { parseApply } from "@/lib/import/plan";

type Params = { name: string };

/**
 * { "text": "<an OpenAPI 3.0/3.1 document or a JSON Schema, YAML or JSON>", "filename": "petstore.yaml" }:
 * the plan of importing it into the service's interfaces (a dry run, nothing written); with
 * ?apply=1 the plan is written in one transaction. Either answer is the plan (create, update,
 * unchanged, missing) with `applied`.
 */
export const POST = apiRoute<Params>(async (caller, request, { name }) => {
  const apply = parseApply(new URL(request.url).searchParams);
  const input = await readJson(request);
  return apply ? applyInterfaceImport(caller, name, input) : planInterfaceImport(caller, name, input);
});
