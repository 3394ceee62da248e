"use server";
// Server actions for a project's handoff templates. The editor sends the ordered sections as JSON
// in one hidden field; lib/data/templates.ts validates everything (owners only, built-ins refused).
import { revalidatePath } from "next/cache";
import { authAction, field } from "@/lib/actions";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/data/templates";
import { ValidationError } from "@/lib/errors";

const templatesPath = (key: string) => `/projects/${encodeURIComponent(key)}/settings/templates`;

/** The hidden "sections" field as parsed JSON; its shape is checked by templateInputSchema in the data layer. */
function sectionsFromForm(form: FormData): unknown {
  const raw = field(form, "sections");
  if (!raw.trim()) {
    throw new ValidationError("sections: no sections were sent; reload the page and try again.", { sections: ["no sections were sent; reload the page and try again"] });
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`sections: the sections could not be read as JSON (${detail}).`, { sections: [`could not be read as JSON (${detail})`] });
  }
}

function templateFromForm(form: FormData) {
  return { name: field(form, "name"), description: field(form, "description"), sections: sectionsFromForm(form) };
}

/** The template list and the pages that offer templates show the change on their next render. */
function revalidateTemplates(key: string) {
  revalidatePath(templatesPath(key));
  revalidatePath(`/projects/${encodeURIComponent(key)}/handoffs/new`);
}

export const createTemplateAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const template = await createTemplate(caller, key, templateFromForm(form));
    revalidateTemplates(key);
    return { key, id: template.id };
  },
  { redirectTo: (r) => `${templatesPath(r.key)}?saved=${encodeURIComponent(r.id)}#template-${r.id}` },
);

export const updateTemplateAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    const id = field(form, "id");
    await updateTemplate(caller, id, templateFromForm(form));
    revalidateTemplates(key);
    return { key, id };
  },
  { redirectTo: (r) => `${templatesPath(r.key)}?saved=${encodeURIComponent(r.id)}#template-${r.id}` },
);

export const deleteTemplateAction = authAction(
  async (caller, form) => {
    const key = field(form, "key");
    await deleteTemplate(caller, field(form, "id"));
    revalidateTemplates(key);
    return { key, name: field(form, "name") };
  },
  { redirectTo: (r) => `${templatesPath(r.key)}?deleted=${encodeURIComponent(r.name)}` },
);
