"use client";
// The timeline's one client component, and it draws nothing: once the page is shown it scrolls the
// chart (the element with `scrollerId`) so that today is in view rather than the plan's first day,
// when today would otherwise be off to the right. The chart itself stays server-rendered markup.
import { useEffect } from "react";

export function TimelineFocus({ scrollerId, focusX }: { scrollerId: string; focusX: number }) {
  useEffect(() => {
    const el = document.getElementById(scrollerId);
    if (!el) return;
    const labels = el.querySelector<HTMLElement>("[data-timeline-labels]");
    const visible = el.clientWidth - (labels?.offsetWidth ?? 0);
    // Today a third of the way across the visible chart.
    if (visible > 0 && focusX > visible * 0.75) el.scrollLeft = focusX - visible / 3;
  }, [scrollerId, focusX]);
  return null;
}
