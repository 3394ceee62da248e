"use server";
import { authAction, field, fieldList, formValues } from "@/lib/actions";
import { addDependency, removeDependency, setMilestoneServices, tickMilestoneCriterion } from "@/lib/data/milestone-plan";
import { updateMilestoneStatus } from "@/lib/data/milestones";
import { statusChangeMessage } from "@/components/milestone/status-message";

export const updateStatusAction = authAction(
  (caller, form) => {
    const { id, ...values } = formValues(form);
    return updateMilestoneStatus(caller, id ?? "", values);
  },
  { success: (m) => `Saved: ${statusChangeMessage(m)}`, revalidate: "/projects/[key]/milestones/[id]" },
);

const VIEW = "/projects/[key]/milestones/[id]";
const PLAN_VIEWS = [VIEW, "/projects/[key]/milestones", "/projects/[key]/map"];

/** Ticks or unticks one acceptance criterion (the checkbox sends `checked` only when ticked). */
export const tickCriterionAction = authAction(
  (caller, form) => tickMilestoneCriterion(caller, field(form, "id"), { index: field(form, "index"), checked: field(form, "checked") === "true" ? "true" : "false", version: field(form, "version") }),
  { revalidate: VIEW },
);

export const addDependencyAction = authAction((caller, form) => addDependency(caller, field(form, "id"), { dependsOn: field(form, "dependsOn") }), {
  success: (d) => `${d.milestone} now depends on ${d.dependsOn.key}.`,
  revalidate: PLAN_VIEWS,
});

export const removeDependencyAction = authAction((caller, form) => removeDependency(caller, field(form, "id"), field(form, "dependsOnId")), {
  success: (d) => `${d.key} no longer depends on ${d.dependsOn}.`,
  revalidate: PLAN_VIEWS,
});

export const servicesAction = authAction((caller, form) => setMilestoneServices(caller, field(form, "id"), { services: fieldList(form, "services") }), {
  success: "Services linked.",
  revalidate: [...PLAN_VIEWS, "/services/[name]"],
});
