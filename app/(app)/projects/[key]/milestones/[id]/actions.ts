"use server";
import { authAction, formValues } from "@/lib/actions";
import { updateMilestoneStatus } from "@/lib/data/milestones";

export const updateStatusAction = authAction(
  (caller, form) => {
    const { id, ...values } = formValues(form);
    return updateMilestoneStatus(caller, id ?? "", values);
  },
  { success: (m) => `Saved: ${m.key} is now ${m.status.replace("_", " ")}.`, revalidate: "/projects/[key]/milestones/[id]" },
);
