import { apiRoute, readJson } from "@/lib/api/handler";
import { toProblem } from "@/lib/errors";
import { CycleError, addDependency } from "@/lib/data/milestone-plan";

type Params = { id: string };

/** { "dependsOn": "<milestone key or id>" } → 201; an edge closing a cycle → 409 with `cycle`, the keys in order. */
export const POST = apiRoute<Params>(
  async (caller, request, { id }) => {
    try {
      return { dependency: await addDependency(caller, id, await readJson(request)) };
    } catch (error) {
      if (!(error instanceof CycleError)) throw error;
      return new Response(JSON.stringify({ ...toProblem(error), cycle: error.cycle }), { status: 409, headers: { "content-type": "application/problem+json" } });
    }
  },
  { status: 201 },
);
