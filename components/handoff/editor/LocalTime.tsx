"use client";
// A time in the viewer's own time zone ("12:04", or "14 Mar, 12:04" on another day). The server
// cannot know that zone, so it renders UTC and the browser replaces it after hydration.
import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/components/ui/format";

const subscribe = () => () => {};

export function clockTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const time = d.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  if (d.toDateString() === now.toDateString()) return time;
  return `${d.toLocaleDateString([], { day: "numeric", month: "short" })}, ${time}`;
}

export function LocalTime({ iso, prefix = "at " }: { iso: string; prefix?: string }) {
  const browser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {prefix}
      {browser ? clockTime(iso) : formatDateTime(iso)}
    </time>
  );
}
