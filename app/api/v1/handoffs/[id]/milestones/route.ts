import { apiRoute, readJson } from "@/lib/api/handler";
import { setHandoffMilestones } from "@/lib/data/handoff-milestones";

type Params = { id: string };

/** { "milestoneIds": ["…"] }: the whole set of milestones the paper was decomposed into. */
export const PUT = apiRoute<Params>(async (caller, request, { id }) => setHandoffMilestones(caller, id, await readJson(request)));
