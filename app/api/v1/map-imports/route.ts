import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { applyMapImport, planMapImport } from "@/lib/data/map-code";
import { parseInput } from "@/lib/errors";
import { LABELLED } from "@/lib/validation/text";

// ?apply=1 writes; without it the answer is the dry run and nothing is written.
const querySchema = z.object({
  apply: z
    .string()
    .superRefine((v, ctx) => {
      if (v !== "1" && v !== "0") ctx.addIssue({ code: "custom", message: "Apply (?apply=) must be 1 (write) or 0 (dry run).", params: LABELLED });
    })
    .optional(),
});

export const POST = apiRoute(async (caller, request) => {
  const { apply } = parseInput(querySchema, { apply: new URL(request.url).searchParams.get("apply") ?? undefined });
  const body = await readJson(request);
  if (apply === "1") return applyMapImport(caller, body);
  return { ...(await planMapImport(caller, body)), applied: false };
});
