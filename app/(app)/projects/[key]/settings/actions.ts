"use server";
import { revalidatePath } from "next/cache";
import { authAction, field } from "@/lib/actions";
import { ROLE_LABELS, type ProjectRole } from "@/lib/auth/permissions";
import { addMember, changeMemberRole, removeMember } from "@/lib/data/memberships";
import { setProjectArchived, updateProject } from "@/lib/data/projects";

const roleLabel = (role: ProjectRole) => ROLE_LABELS[role];

/** Everything under the project (overview, sidebar names) shows the change on the next render. */
function revalidateProject(key: string) {
  revalidatePath(`/projects/${encodeURIComponent(key)}`, "layout");
}

export const updateProjectAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const project = await updateProject(caller, key, { name: field(form, "name"), description: field(form, "description") });
    // The name also appears in the sidebar and the projects list.
    revalidatePath("/", "layout");
    return project;
  },
  { success: "Project details saved." },
);

export const setArchivedAction = authAction(
  async (caller, form) => {
    const project = await setProjectArchived(caller, field(form, "key"), field(form, "archived") === "true");
    revalidatePath("/", "layout");
    return project;
  },
  {
    success: (p) =>
      p.archivedAt
        ? `${p.name} is archived. It no longer appears in the projects list; nothing was deleted.`
        : `${p.name} is active again and back in the projects list.`,
  },
);

export const addMemberAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const membership = await addMember(caller, key, { email: field(form, "email"), role: field(form, "role") });
    revalidateProject(key);
    return { email: field(form, "email").trim().toLowerCase(), role: membership.role };
  },
  { success: (m) => `${m.email} was added as ${roleLabel(m.role).toLowerCase()}.` },
);

export const changeRoleAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const membership = await changeMemberRole(caller, key, { userId: field(form, "userId"), role: field(form, "role") });
    revalidateProject(key);
    return { name: field(form, "name"), role: membership.role };
  },
  { success: (m) => `${m.name || "The member"} is now ${roleLabel(m.role).toLowerCase()}.` },
);

export const removeMemberAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    await removeMember(caller, key, field(form, "userId"));
    revalidateProject(key);
    return { name: field(form, "name") };
  },
  { success: (m) => `${m.name || "The member"} was removed from the project.` },
);

/** Removing yourself: afterwards the project may no longer be visible, so go to the list. */
export const leaveProjectAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    await removeMember(caller, key, field(form, "userId"));
    revalidatePath("/", "layout");
  },
  { redirectTo: () => "/projects" },
);
