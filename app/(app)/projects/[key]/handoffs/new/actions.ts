"use server";
import { authAction, field, optionalField } from "@/lib/actions";
import { createHandoff } from "@/lib/data/handoffs";
import { splitAuthors } from "@/components/handoff/editor/content";

/** Creates the handoff from the form and opens it in the editor. */
export const createHandoffAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const handoff = await createHandoff(caller, key, {
      templateId: optionalField(form, "templateId") ?? null,
      title: field(form, "title"),
      paperTitle: field(form, "paperTitle"),
      authors: splitAuthors(field(form, "authors")),
      venue: field(form, "venue"),
      // The schema coerces and checks the year; an empty one is "no year".
      year: optionalField(form, "year") ?? null,
      arxivId: optionalField(form, "arxivId") ?? null,
      doi: optionalField(form, "doi") ?? null,
      url: optionalField(form, "url") ?? null,
      bibtex: field(form, "bibtex"),
    });
    return { key, id: handoff.id };
  },
  {
    revalidate: "/projects/[key]/handoffs",
    redirectTo: ({ key, id }) => `/projects/${encodeURIComponent(key)}/handoffs/${encodeURIComponent(id)}/edit?created=1`,
  },
);
