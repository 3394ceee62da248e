import { apiRoute, readJson } from "@/lib/api/handler";
import { updateMilestoneStatus } from "@/lib/data/milestones";

type Params = { id: string };

export const POST = apiRoute<Params>(async (caller, request, { id }) => ({
  milestone: await updateMilestoneStatus(caller, id, await readJson(request)),
}));
