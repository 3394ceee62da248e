"use server";
import { authAction, formValues } from "@/lib/actions";
import { createProject } from "@/lib/data/projects";

export const createProjectAction = authAction((caller, form) => createProject(caller, formValues(form)), {
  redirectTo: (project) => `/projects/${project.key}`,
  refreshShell: true,
});
