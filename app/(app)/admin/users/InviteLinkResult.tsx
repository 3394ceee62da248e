"use client";
// The invite link a new account gets, under the Create user button. Creating a user adds a row to
// the table above, which pushes the form (and so the link) down, often below the fold: when a new
// link arrives, it is scrolled into view and its Copy button focused, so the admin sees it and
// can copy it with Enter.
import { useEffect, useRef, type ReactNode } from "react";
import { useActionResult } from "@/components/forms/ActionForm";
import { CopyResult } from "../../_components/CopyResult";

export function InviteLinkResult({ hint }: { hint: ReactNode }) {
  const state = useActionResult();
  const ref = useRef<HTMLDivElement>(null);
  const link = state?.ok ? state.result?.inviteUrl : undefined;
  const at = state?.at;

  useEffect(() => {
    const box = ref.current;
    if (!link || !box) return;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    box.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    box.querySelector("button")?.focus({ preventScroll: true });
  }, [link, at]);

  return (
    <div ref={ref} data-testid="invite-link-result">
      <CopyResult name="inviteUrl" hint={hint} />
    </div>
  );
}
