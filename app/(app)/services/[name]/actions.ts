"use server";
// Linking milestones to a service from its page; lib/data/service-milestones.ts authorizes each
// link on the milestone's project.
import { authAction, field } from "@/lib/actions";
import { linkServiceMilestone, unlinkServiceMilestone } from "@/lib/data/service-milestones";

/** The service's page, and the milestone's pages and maps that show the link. */
const VIEWS = ["/services/[name]", "/services", "/projects/[key]/milestones/[id]", "/projects/[key]/map"];

export const linkMilestoneAction = authAction((caller, form) => linkServiceMilestone(caller, field(form, "service"), { milestone: field(form, "milestone") }), {
  success: (r) => (r.changed ? `${r.key} is now implemented by ${r.service}.` : `${r.key} was already implemented by ${r.service}.`),
  revalidate: VIEWS,
});

export const unlinkMilestoneAction = authAction((caller, form) => unlinkServiceMilestone(caller, field(form, "service"), { milestone: field(form, "milestone") }), {
  success: (r) => `${r.key} is no longer implemented by ${r.service}.`,
  revalidate: VIEWS,
});
