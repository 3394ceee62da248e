"use client";
// Small enhancements of the milestones table's filter form, which without JavaScript is an ordinary
// GET form with an Apply button: a ticked box or a chosen option applies at once, and the address it
// leads to is the short one a link would carry (`?status=blocked,in_progress`, no empty fields).
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
    // Fired whenever the form's data is collected (next/form reads it with new FormData(form)).
    const onFormData = (event: FormDataEvent) => {
      const data = event.formData;
      for (const name of new Set(data.keys())) {
        const values = data.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
        data.delete(name);
        if (values.length > 0) data.set(name, values.join(","));
      }
    };
    form.addEventListener("change", onChange);
    form.addEventListener("formdata", onFormData);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("formdata", onFormData);
    };
  }, [formId]);
  return null;
}
