// The shapes of the demo plan: milestones with their status history, services, comments.
// Times are days relative to the moment of seeding (negative: in the past).
import type { UserKey } from "@/lib/demo/users";

export type Status = "planned" | "in_progress" | "blocked" | "done" | "cancelled";
export type Health = "on_track" | "at_risk" | "off_track";

export type HistoryEntry = { at: number; status: Status; health: Health; by: UserKey; note: string };
export type MilestoneSeed = {
  key: string;
  title: string;
  owner: UserKey;
  description: string;
  acceptanceCriteria: string;
  start: number | null;
  due: number | null;
  estimateDays: number;
  /** Chronological; the last entry is the milestone's current status and health. */
  history: HistoryEntry[];
  services: string[];
};

/** The first entry: createMilestone records every new milestone as planned and on track, noting "Created". */
export const created = (at: number, by: UserKey): HistoryEntry => ({ at, status: "planned", health: "on_track", by, note: "Created" });

/** [dependent, prerequisite]: the first depends on the second. */
export type Edge = [string, string];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonSchema = { [key: string]: JsonValue };
export type InterfaceSeed = { name: string; method: string; path: string; summary: string; requestSchema?: JsonSchema; responseSchema?: JsonSchema };
export type ServiceSeed = {
  name: string;
  displayName: string;
  description: string;
  layer: "gateway" | "api" | "service" | "worker" | "model" | "data";
  lifecycle: "experimental" | "production" | "deprecated" | "retired";
  owner: UserKey;
  repositoryPath: string;
  image: string;
  interfaces: InterfaceSeed[];
};

export type ServiceEdge = { from: string; to: string; kind: "calls" | "reads" | "publishes"; description: string };

export type CommentSeed = {
  handoff: string;
  sectionKey: string;
  author: UserKey;
  at: number;
  body: string;
  resolved?: { by: UserKey; at: number };
  replies?: { author: UserKey; at: number; body: string }[];
};
