"use client";
// Status views (dashboard, board, overview, milestones) read the plan when they are served; a tab
// left open goes stale while others move cards. Coming back to the tab after a while re-reads the
// page's server data (router.refresh keeps what the client holds: scroll, open panels, typed text).
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Hidden for at least this long before a return refreshes. */
const STALE_AFTER_MS = 30_000;

export function RefreshWhenVisible() {
  const router = useRouter();
  useEffect(() => {
    let hiddenAt: number | null = null;
    const onChange = () => {
      if (document.visibilityState === "hidden") {
        hiddenAt = Date.now();
      } else if (hiddenAt !== null) {
        if (Date.now() - hiddenAt >= STALE_AFTER_MS) router.refresh();
        hiddenAt = null;
      }
    };
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, [router]);
  return null;
}
