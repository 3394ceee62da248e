import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { DecomposeCycleError, decomposeHandoff, parseDryRun } from "@/lib/data/decompose";
import { toProblem } from "@/lib/errors";

type Params = { id: string };

/**
 * { "list": "one milestone per line" }: creates the milestones, their dependencies and the links
 * to the handoff (201); with ?dryRun=1 (or true) answers the preview (200) and writes nothing; any
 * other value of dryRun but 0 or false, or a misspelt dryrun, is 422. A cycle is 409 problem JSON
 * with `cycle`, the keys in order.
 */
export const POST = apiRoute<Params>(async (caller, request, { id }) => {
  const dryRun = parseDryRun(new URL(request.url).searchParams);
  try {
    const result = await decomposeHandoff(caller, id, await readJson(request), { dryRun });
    return NextResponse.json(result, { status: dryRun ? 200 : 201 });
  } catch (error) {
    if (!(error instanceof DecomposeCycleError)) throw error;
    return NextResponse.json({ ...toProblem(error), cycle: error.cycle }, { status: 409, headers: { "content-type": "application/problem+json" } });
  }
});
