// Pins on a project map (lib/data/map-pins.ts): the API's PUT body and the map's drag both send this.
import { z } from "./zod-browser";
import { labelled } from "@/lib/validation/field-label";
import { MAP_PIN_LABELS as L } from "@/lib/validation/labels";
import { LIMITS, formatCount } from "@/lib/validation/limits";

const MAX = LIMITS.map.coordinate;

const coordinate = (label: string) =>
  labelled(
    z
      // JSON carries no Infinity, but 1e999 parses to it (and NaN can come from a program): a number, not a finite one.
      .number({ error: (issue) => (issue.input === undefined ? "is required" : typeof issue.input === "number" ? "must be a finite number" : "must be a number") })
      .finite("must be a finite number")
      .min(-MAX, `must be at least ${formatCount(-MAX)}`)
      .max(MAX, `must be at most ${formatCount(MAX)}`),
    label,
  );

/** A map node id as the map names it: "handoff:<id>", "milestone:<id>" or "service:<id>". */
export const mapNodeIdSchema = labelled(
  z
    .string({ error: "must be text" })
    // abort: one message for a long id, not also the pattern's.
    .max(120, { error: "must be at most 120 characters: a map node id such as milestone:<id>", abort: true })
    .regex(/^(handoff|milestone|service):[A-Za-z0-9_-]{1,100}$/, "must be a map node id such as milestone:<id>, handoff:<id> or service:<id>"),
  L.node,
);

/** DELETE /projects/{key}/map/pins/{node}: the path parameter, under its documented name. */
export const mapPinPathSchema = z.object({ node: mapNodeIdSchema });

export const mapPinSchema = z.object({ node: mapNodeIdSchema, x: coordinate(L.x), y: coordinate(L.y) });

/** PUT /projects/{key}/map/pins: pins to set (each replaces that node's pin, if any). */
export const setMapPinsSchema = z.object({
  pins: labelled(
    z
      .array(mapPinSchema, { error: (issue) => (issue.input === undefined ? "is required" : "must be a list of pins") })
      .min(1, "must list at least one pin")
      .max(LIMITS.map.pinsPerRequest, `can set at most ${formatCount(LIMITS.map.pinsPerRequest)} pins at once`),
    L.pins,
  ),
});

export type MapPinInput = z.infer<typeof mapPinSchema>;
