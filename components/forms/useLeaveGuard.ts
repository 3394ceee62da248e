"use client";
// Leaving a page with changes that are not saved: the browser asks first (closing the tab,
// reloading), and so do links inside the app. The handoff editor and the plan forms use it.
import { useEffect } from "react";

const LEAVE_QUESTION = "You have changes that are not saved yet. Leave this page anyway?";

/**
 * Leaving with changes that are neither saved nor in the draft: the browser asks first, and so
 * do links inside the app.
 */
export function useLeaveGuard(unpersisted: boolean) {
  useEffect(() => {
    if (!unpersisted) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (link.origin !== window.location.origin || (link.hash && link.pathname === window.location.pathname)) return;
      if (!window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [unpersisted]);
}

