import { apiRoute, readJson } from "@/lib/api/handler";
import { createProject, listProjects } from "@/lib/data/projects";

export const GET = apiRoute(async (caller) => ({ projects: await listProjects(caller) }));

export const POST = apiRoute(async (caller, request) => ({ project: await createProject(caller, await readJson(request)) }), { status: 201 });
