// The one home of every field's visible label. A schema in lib/validation gives each field its
// label from here (text(label, …), optionalDate(label), idSchema(label) or labelled(schema, label)),
// ValidationError.fromZod names a failing field by it ("Estimate (days) must be 0 or more."), and
// the forms show the same constant as the field's <label> — so the message and the form cannot
// drift apart. No zod here: client components import these constants without the parser.
// tests/unit/field-labels.test.ts checks that every field of every exported schema has a label.

export const MILESTONE_LABELS = {
  key: "Key",
  title: "Title",
  description: "Description",
  acceptanceCriteria: "Acceptance criteria",
  ownerId: "Owner",
  startDate: "Start date",
  dueDate: "Due date",
  estimateDays: "Estimate (days)",
  status: "Status",
  health: "Health",
  note: "Note",
  version: "Version",
} as const;

/** The milestone page's planning controls: dependencies, the services that implement it, the criteria checklist. */
export const MILESTONE_PLAN_LABELS = {
  dependsOn: "Depends on",
  milestone: "Milestone",
  services: "Implemented by",
  criterion: "Criterion",
  checked: "Done",
} as const;

export const PROJECT_LABELS = {
  key: "Key",
  name: "Name",
  description: "Description",
} as const;

/** A project's member list (settings page): add by email with a role, change a role. */
export const MEMBER_LABELS = {
  email: "Email",
  role: "Role",
  userId: "Member",
} as const;

export const SERVICE_LABELS = {
  name: "Name",
  displayName: "Display name",
  description: "Description",
  layer: "Layer",
  lifecycle: "Lifecycle",
  ownerId: "Owner",
  ownerEmail: "Owner's email",
  repositoryPath: "Repository path",
  image: "Image",
  version: "Version",
  runtimePorts: "Ports",
  runtimeProfiles: "Profiles",
  runtimeNetworks: "Networks",
  runtimeEnvironment: "Environment variables",
} as const;

/** A service's interfaces (operations and data schemas) and its dependencies on other services; an import's preview names changed fields by these too. */
export const INTERFACE_LABELS = {
  kind: "Kind",
  name: "Name",
  method: "Method",
  path: "Path",
  summary: "Summary",
  requestSchema: "Request schema",
  responseSchema: "Response schema",
  dataSchema: "Data schema",
  version: "Version",
} as const;

export const DEPENDENCY_LABELS = {
  to: "Service",
  kind: "Kind",
  description: "Description",
} as const;

/** Importing a service's interfaces from an OpenAPI document or a JSON Schema. */
export const INTERFACE_IMPORT_LABELS = {
  text: "OpenAPI or JSON Schema file",
  filename: "File name",
} as const;

/** First run: the first admin's account. */
export const SETUP_LABELS = {
  name: "Your name",
  email: "Email",
  password: "Password",
  confirm: "Confirm password",
} as const;

export const SIGN_IN_LABELS = {
  email: "Email",
  password: "Password",
} as const;

/** Admin › Users: a new account. */
export const NEW_USER_LABELS = {
  name: "Name",
  email: "Email",
  isAdmin: "Instance admin",
} as const;

export const ACCEPT_INVITE_LABELS = {
  token: "The invite link",
  password: "Password",
  confirm: "Confirm password",
} as const;

export const CHANGE_PASSWORD_LABELS = {
  current: "Current password",
  password: "New password",
  confirm: "Confirm new password",
} as const;

export const TOKEN_LABELS = {
  name: "Name",
  expiresInDays: "Expires after",
} as const;

export const TEMPLATE_LABELS = {
  name: "Template name",
  description: "Template description",
  sections: "Sections",
  sectionKey: "Section key",
  sectionTitle: "Section title",
  sectionGuidance: "Section guidance",
  sectionRequired: "Required",
} as const;

/** The labels people see on the editor's paper fields (components/handoff/editor/content.ts shows them). */
export const HANDOFF_FIELD_LABELS = {
  title: "Handoff title",
  paperTitle: "Paper title",
  authors: "Authors",
  author: "An author's name",
  venue: "Venue",
  year: "Year",
  arxivId: "arXiv id",
  doi: "DOI",
  url: "URL",
  bibtex: "BibTeX",
  sections: "Sections",
  section: "Each section",
  body: "Notes",
  message: "The save message",
} as const;

/** Handoff actions other than editing the paper fields (those are HANDOFF_FIELD_LABELS). */
export const HANDOFF_ACTION_LABELS = {
  templateId: "Template",
  version: "Version",
  baseVersion: "Version you edited",
  revision: "Revision",
  transition: "Status change",
  note: "Note",
  sections: "Sections",
  comment: "Comment",
  sectionKey: "Section",
  parentId: "The comment you replied to",
  commentId: "Comment",
  milestoneIds: "Milestones",
  milestone: "Each milestone",
  userIds: "Reviewers",
  reviewer: "Each reviewer",
  file: "File",
} as const;

/** The filters of the milestones table across projects (/milestones), named as the form shows them. */
export const MILESTONE_TABLE_LABELS = {
  q: "Search",
  project: "Project",
  status: "Status",
  owner: "Owner",
  health: "Health",
  overdue: "Overdue",
  slipping: "Slipping",
  blockedBy: "Blocked by",
  sort: "Sort",
  dir: "Order",
} as const;

/** Pins on a project map: the node someone dragged and where they left it. */
export const MAP_PIN_LABELS = {
  pins: "Pins",
  node: "Node",
  x: "X position",
  y: "Y position",
} as const;
