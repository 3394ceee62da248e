// What each audited action is called on the audit page. The code (`milestone.dependency.add`)
// stays beside the phrase: the Action filter matches codes by prefix. A test keeps this list
// complete: every action literal in the source and every permission of the matrices has a phrase.
import { INSTANCE_MATRIX, PROJECT_MATRIX } from "@/lib/auth/permissions";

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  // Requests and sign-in
  "api.request": "API request",
  "api.write": "API write",
  "auth.signin": "Sign-in",
  "setup.admin": "First admin created",
  // Projects and members
  "project.read": "Open a project",
  "project.list": "List projects",
  "project.create": "Create a project",
  "project.update": "Edit a project",
  "project.archive": "Archive a project",
  "project.importServices": "Import a compose file into a project",
  "project.unarchive": "Unarchive a project",
  "map.import": "Import a project map",
  "membership.read": "See project members",
  "membership.manage": "Manage project members",
  "membership.add": "Add a project member",
  "membership.remove": "Remove a project member",
  "membership.role": "Change a member's role",
  // Templates
  "template.read": "Read handoff templates",
  "template.manage": "Manage handoff templates",
  "template.create": "Create a handoff template",
  "template.update": "Edit a handoff template",
  "template.delete": "Delete a handoff template",
  // Handoffs
  "handoff.read": "Read a handoff",
  "handoff.create": "Create a handoff",
  "handoff.update": "Edit a handoff",
  "handoff.delete": "Delete a handoff",
  "handoff.restore": "Restore a handoff version",
  "handoff.submit": "Submit a handoff for review",
  "handoff.review": "Review a handoff",
  "handoff.requestChanges": "Request changes to a handoff",
  "handoff.archive": "Archive a handoff",
  "handoff.reopen": "Reopen a handoff",
  "handoff.accept": "Accept a handoff",
  "handoff.approve": "Approve a handoff",
  "handoff.reviewers": "Change a handoff's reviewers",
  "handoff.comment": "Comment on a handoff",
  "handoff.reply": "Reply to a comment",
  "handoff.commentEdit": "Edit a comment",
  "handoff.commentDelete": "Delete a comment",
  "handoff.resolve": "Resolve a comment thread",
  "handoff.reopenThread": "Reopen a comment thread",
  "handoff.attach": "Attach a file to a handoff",
  "handoff.detach": "Remove a handoff's file",
  "handoff.milestones": "Link a handoff to milestones",
  "handoff.decompose": "Decompose a handoff into milestones",
  "comment.editOwn": "Edit own comment",
  "comment.deleteOwn": "Delete own comment",
  "comment.deleteAny": "Delete someone's comment",
  // Milestones
  "milestone.read": "Read milestones",
  "milestone.create": "Create a milestone",
  "milestone.update": "Edit a milestone",
  "milestone.updateStatus": "Change a milestone's status",
  "milestone.delete": "Delete a milestone",
  "milestone.criterion": "Tick an acceptance criterion",
  "milestone.dependency.add": "Add a milestone dependency",
  "milestone.dependency.remove": "Remove a milestone dependency",
  "milestone.services": "Link a milestone to services",
  "milestone.service.link": "Link a service to a milestone",
  "milestone.service.unlink": "Unlink a service from a milestone",
  // Project maps
  "map.arrange": "Arrange a project map",
  "map.pins.set": "Pin nodes on a project map",
  "map.pin.remove": "Unpin a node on a project map",
  "map.pins.clear": "Re-lay out a project map",
  // Services
  "service.read": "Read the services catalog",
  "service.create": "Create a service",
  "service.update": "Edit a service",
  "service.changeOwner": "Change a service's owner",
  "service.delete": "Delete a service",
  "service.interfaces.import": "Import a service's interfaces from OpenAPI or JSON Schema",
  "service.retire": "Retire a service",
  "service.interface.create": "Add an interface to a service",
  "service.interface.update": "Edit a service's interface",
  "service.interface.delete": "Remove an interface from a service",
  "service.dependency.add": "Add a dependency between services",
  "service.dependency.remove": "Remove a dependency between services",
  // Accounts and administration
  "apiToken.manageOwn": "Manage own API tokens",
  "apiToken.manageAny": "Manage anyone's API tokens",
  "apiToken.create": "Create an API token",
  "apiToken.revoke": "Revoke an API token",
  "user.read": "See user accounts",
  "user.manage": "Manage user accounts",
  "user.create": "Create a user",
  "user.invite": "Invite a user",
  "user.password": "Change a password",
  "user.disable": "Disable a user",
  "user.enable": "Enable a user",
  "user.acceptInvite": "Accept an invite",
  "user.grantAdmin": "Make a user an admin",
  "user.revokeAdmin": "Remove a user's admin rights",
  "user.unlockSignIn": "Unlock a user's sign-in",
  "auditLog.read": "Read the audit log",
  "audit.read": "Read the audit log",
};

/** The phrase for an action code, or null for a code this version does not know (old events). */
export function auditActionLabel(action: string): string | null {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : null;
}

/** Every `resource.action` the permission matrices can deny, for the completeness test. */
export function permissionActionCodes(): string[] {
  const codes: string[] = [];
  for (const matrix of [PROJECT_MATRIX, INSTANCE_MATRIX] as const) {
    for (const [resource, actions] of Object.entries(matrix)) for (const action of Object.keys(actions)) codes.push(`${resource}.${action}`);
  }
  return codes;
}
