import { apiRoute } from "@/lib/api/handler";
import { removeDependency } from "@/lib/data/milestone-plan";

type Params = { id: string; dependsOnId: string };

export const DELETE = apiRoute<Params>(async (caller, _request, { id, dependsOnId }) => ({ removed: await removeDependency(caller, id, dependsOnId) }));
