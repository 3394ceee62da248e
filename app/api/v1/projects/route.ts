import { apiRoute, readJson } from "@/lib/api/handler";
import { createProject, listProjects } from "@/lib/data/projects";
import type { CreateProjectInput } from "@/lib/validation/project";

export const GET = apiRoute(async (caller) => ({ projects: await listProjects(caller) }));

export const POST = apiRoute(async (caller, request) => ({ project: await createProject(caller, (await readJson(request)) as CreateProjectInput) }), { status: 201 });
