"use server";
import { authAction, formValues } from "@/lib/actions";
import { updateMilestoneStatus } from "@/lib/data/milestones";
import type { UpdateMilestoneStatusInput } from "@/lib/validation/milestone";

export const updateStatusAction = authAction(
  (caller, form) => {
    const { id, ...values } = formValues(form);
    return updateMilestoneStatus(caller, id ?? "", values as unknown as UpdateMilestoneStatusInput);
  },
  { success: (m) => `Saved: ${m.key} is now ${m.status.replace("_", " ")}.`, revalidate: "/projects/[key]/milestones/[id]" },
);
