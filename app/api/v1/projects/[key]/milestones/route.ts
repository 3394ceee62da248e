import { apiRoute, readJson } from "@/lib/api/handler";
import { createMilestone, listMilestones } from "@/lib/data/milestones";

type Params = { key: string };

export const GET = apiRoute<Params>(async (caller, _req, { key }) => ({ milestones: (await listMilestones(caller, key)).milestones }));

export const POST = apiRoute<Params>(
  async (caller, request, { key }) => ({ milestone: await createMilestone(caller, key, await readJson(request)) }),
  { status: 201 },
);
