"use client";
// A small enhancement of the milestones table's filter form: a ticked box or a chosen option
// applies at once. Without JavaScript the form is an ordinary GET form with its Apply button.
import { useEffect } from "react";

export function AutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onChange = (event: Event) => {
      const target = event.target;
      // Text fields apply on Enter or with the button: a change event on blur would surprise.
      if (target instanceof HTMLInputElement && (target.type === "text" || target.type === "search")) return;
      form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [formId]);
  return null;
}
