import { apiRoute, readJson } from "@/lib/api/handler";
import { getProjectOverview, updateProject } from "@/lib/data/projects";

type Params = { key: string };

export const GET = apiRoute<Params>(async (caller, _req, { key }) => {
  const { project, role, milestones, handoffs } = await getProjectOverview(caller, key);
  return { project, role, milestones: { counts: milestones.counts, total: milestones.total, overdue: milestones.overdue.length, blocked: milestones.blocked.length }, handoffs };
});

export const PATCH = apiRoute<Params>(async (caller, request, { key }) => ({ project: await updateProject(caller, key, await readJson(request)) }));
