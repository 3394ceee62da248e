"use server";
import { authAction, formValues } from "@/lib/actions";
import { createProject } from "@/lib/data/projects";

export const createProjectAction = authAction((caller, form) => createProject(caller, formValues(form) as { key: string; name: string; description?: string }), {
  redirectTo: (project) => `/projects/${project.key}`,
  refreshShell: true,
});
