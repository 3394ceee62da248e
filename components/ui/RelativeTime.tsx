// A date as people say it ("3 days ago", "in 5 days"), with the exact UTC time in the
// <time> element's dateTime and in a tooltip. Rendered on the server; no client code.
import { formatDate, formatDateTime, formatRelative, toDate, type DateInput } from "./format";

export type RelativeTimeProps = {
  date: DateInput;
  /** Reference time; the moment of rendering by default. */
  now?: DateInput;
  /** "relative" (default), or the absolute "date" / "datetime" with the relative phrase as tooltip. */
  mode?: "relative" | "date" | "datetime";
  className?: string;
};

export function RelativeTime({ date, now, mode = "relative", className }: RelativeTimeProps) {
  const d = toDate(date);
  if (Number.isNaN(d.getTime())) return null;
  const relative = formatRelative(d, now ?? new Date());
  const absolute = mode === "date" ? formatDate(d) : formatDateTime(d);
  return (
    <time dateTime={d.toISOString()} title={mode === "relative" ? formatDateTime(d) : relative} className={className}>
      {mode === "relative" ? relative : absolute}
    </time>
  );
}
