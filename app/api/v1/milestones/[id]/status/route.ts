import { apiRoute, readJson } from "@/lib/api/handler";
import { updateMilestoneStatus } from "@/lib/data/milestones";
import type { UpdateMilestoneStatusInput } from "@/lib/validation/milestone";

type Params = { id: string };

export const POST = apiRoute<Params>(async (caller, request, { id }) => ({
  milestone: await updateMilestoneStatus(caller, id, (await readJson(request)) as UpdateMilestoneStatusInput),
}));
