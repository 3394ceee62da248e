import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteMilestone, updateMilestone } from "@/lib/data/milestones";

type Params = { id: string };

/** Any of the milestone's fields with the `version` it was read at; a stale version is 409 with the current milestone. */
export const PATCH = apiRoute<Params>(async (caller, request, { id }) => ({
  milestone: await updateMilestone(caller, id, await readJson(request)),
}));

/** Deletes the milestone with its dependencies and links; answers what went with it. */
export const DELETE = apiRoute<Params>(async (caller, _request, { id }) => ({ deleted: await deleteMilestone(caller, id) }));
