import { apiRoute, readJson } from "@/lib/api/handler";
import { setMilestoneServices } from "@/lib/data/milestone-plan";

type Params = { id: string };

/** { "services": ["<service name>", …] }: the whole set of services that implement the milestone. */
export const PUT = apiRoute<Params>(async (caller, request, { id }) => setMilestoneServices(caller, id, await readJson(request)));
