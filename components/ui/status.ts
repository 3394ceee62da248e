// Labels and colour tones for every enumerated value the UI shows as a badge, dot or bar.
// Pure data: usable from server and client components, the map and charts alike. The values come
// from their one home (roles from the permission matrix, milestone statuses from their schema);
// the compiler checks that every value has an entry here.
import { ROLE_LABELS, type ProjectRole } from "@/lib/auth/permissions";
import type { HandoffStatusValue } from "@/lib/validation/handoff";
import type { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";

export type Tone = "gray" | "muted" | "blue" | "green" | "amber" | "red" | "violet" | "teal" | "pink" | "orange";

export type StatusKind = "milestone" | "health" | "handoff" | "role" | "lifecycle" | "layer";

type Entry = { label: string; tone: Tone };

type Entries<V extends string> = Record<V, Entry>;

const STATUS: Record<StatusKind, Record<string, Entry>> = {
  milestone: {
    planned: { label: "Planned", tone: "gray" },
    in_progress: { label: "In progress", tone: "blue" },
    blocked: { label: "Blocked", tone: "red" },
    done: { label: "Done", tone: "green" },
    cancelled: { label: "Cancelled", tone: "muted" },
  } satisfies Entries<(typeof MILESTONE_STATUSES)[number]>,
  health: {
    on_track: { label: "On track", tone: "green" },
    at_risk: { label: "At risk", tone: "amber" },
    off_track: { label: "Off track", tone: "red" },
  } satisfies Entries<(typeof MILESTONE_HEALTHS)[number]>,
  handoff: {
    draft: { label: "Draft", tone: "gray" },
    in_review: { label: "In review", tone: "blue" },
    changes_requested: { label: "Changes requested", tone: "amber" },
    accepted: { label: "Accepted", tone: "green" },
    archived: { label: "Archived", tone: "muted" },
  } satisfies Entries<HandoffStatusValue>,
  role: {
    viewer: { label: ROLE_LABELS.viewer, tone: "gray" },
    researcher: { label: ROLE_LABELS.researcher, tone: "violet" },
    engineer: { label: ROLE_LABELS.engineer, tone: "blue" },
    manager: { label: ROLE_LABELS.manager, tone: "teal" },
    owner: { label: ROLE_LABELS.owner, tone: "orange" },
  } satisfies Entries<ProjectRole>,
  lifecycle: {
    experimental: { label: "Experimental", tone: "violet" },
    production: { label: "Production", tone: "green" },
    deprecated: { label: "Deprecated", tone: "amber" },
    retired: { label: "Retired", tone: "muted" },
  },
  layer: {
    gateway: { label: "Gateway", tone: "violet" },
    api: { label: "API", tone: "blue" },
    service: { label: "Service", tone: "teal" },
    worker: { label: "Worker", tone: "orange" },
    model: { label: "Model", tone: "pink" },
    data: { label: "Data", tone: "amber" },
  },
};

/** The values of a kind in their natural order (e.g. a milestone's lifecycle). */
export function statusValues(kind: StatusKind): string[] {
  return Object.keys(STATUS[kind]);
}

/** "in_progress" → "In progress"; unknown values are humanised rather than hidden. */
export function statusLabel(kind: StatusKind, value: string): string {
  return STATUS[kind][value]?.label ?? humanize(value);
}

export function statusTone(kind: StatusKind, value: string): Tone {
  return STATUS[kind][value]?.tone ?? "gray";
}

/** A CSS colour for a dot, bar segment or graph stroke, following the active theme. */
export function toneColor(tone: Tone): string {
  return `var(--tone-${tone}-solid)`;
}

export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
