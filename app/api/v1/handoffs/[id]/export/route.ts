import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { exportHandoff } from "@/lib/data/handoffs";
import { parseInput } from "@/lib/errors";
import { LABELLED } from "@/lib/validation/text";

type Params = { id: string };

// ?version=N exports that saved revision (the history page links each compared version here).
const querySchema = z.object({
  version: z
    .string()
    .superRefine((v, ctx) => {
      if (!/^[1-9]\d{0,8}$/.test(v)) ctx.addIssue({ code: "custom", message: "The version to export (?version=) must be a whole number from 1.", params: LABELLED });
    })
    .transform(Number)
    .optional(),
});

export const GET = apiRoute<Params>(async (caller, req, { id }) => {
  const { version } = parseInput(querySchema, { version: new URL(req.url).searchParams.get("version") ?? undefined });
  const { filename, markdown } = await exportHandoff(caller, id, version);
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
