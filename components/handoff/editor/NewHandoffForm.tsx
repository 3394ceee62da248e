"use client";
// The new-handoff form: a template (the built-in paper handoff or one of the project's own), a
// title and the paper, which a pasted BibTeX entry fills in. Creating it opens the editor.
import { useState } from "react";
import { ActionForm, FormField, SubmitButton, useActionResult } from "@/components/forms/ActionForm";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Input } from "@/components/ui/Input";
import type { ActionState } from "@/lib/actions";
import { PaperFields, type PaperValues } from "./PaperFields";
import styles from "./new-handoff.module.css";
import { LIMITS } from "@/lib/validation/limits";
import { HANDOFF_FIELD_LABELS } from "@/lib/validation/labels";

export type TemplateChoice = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  sectionTitles: string[];
  requiredCount: number;
};

type Props = {
  projectKey: string;
  templates: TemplateChoice[];
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  cancelHref: string;
};

const EMPTY_PAPER: PaperValues = { paperTitle: "", authors: "", venue: "", year: "", arxivId: "", doi: "", url: "", bibtex: "" };

export function NewHandoffForm({ projectKey, templates, action, cancelHref }: Props) {
  return (
    <ActionForm action={action} aria-label="New handoff" className={styles.newForm}>
      <input type="hidden" name="key" value={projectKey} />
      <Fields templates={templates} cancelHref={cancelHref} />
    </ActionForm>
  );
}

function Fields({ templates, cancelHref }: { templates: TemplateChoice[]; cancelHref: string }) {
  const state = useActionResult();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [titleTouched, setTitleTouched] = useState(false);
  const [paper, setPaper] = useState<PaperValues>(EMPTY_PAPER);

  return (
    <>
      <Card title="Template" description="The sections the handoff asks for. Required ones count towards its legibility score.">
        <div className={styles.templateGrid} role="radiogroup" aria-label="Template">
          {templates.map((t) => {
            const selected = t.id === templateId;
            return (
              <label key={t.id} className={styles.templateCard} data-selected={selected || undefined}>
                <input
                  type="radio"
                  name="templateId"
                  value={t.id}
                  checked={selected}
                  onChange={() => setTemplateId(t.id)}
                  className={styles.templateRadio}
                  aria-describedby={`template-${t.id}-facts`}
                />
                <span className={styles.templateHead}>
                  <span className={styles.templateName}>{t.name}</span>
                  {t.builtIn ? (
                    <Badge size="sm" tone="violet">
                      Built-in
                    </Badge>
                  ) : (
                    <Badge size="sm" tone="teal">
                      This project
                    </Badge>
                  )}
                </span>
                {t.description && <span className={styles.templateDescription}>{t.description}</span>}
                <span className={styles.templateFacts} id={`template-${t.id}-facts`}>
                  {t.sectionTitles.length} {t.sectionTitles.length === 1 ? "section" : "sections"} · {t.requiredCount} required
                </span>
                <span className={styles.templateSections} aria-hidden>
                  {t.sectionTitles.slice(0, 6).join(" · ")}
                  {t.sectionTitles.length > 6 && ` · +${t.sectionTitles.length - 6} more`}
                </span>
              </label>
            );
          })}
        </div>
      </Card>

      <Card title="Paper" description="Paste the paper's BibTeX to fill in its details, or type them.">
        <PaperFields
          named
          value={paper}
          errors={state?.fieldErrors}
          onChange={(patch) => {
            setPaper((p) => ({ ...p, ...patch }));
            // Until the person names the handoff, suggest the paper's title.
            if (patch.paperTitle && !titleTouched) setTitle(patch.paperTitle.slice(0, 200));
          }}
        />
      </Card>

      <Card title="Handoff">
        <FormField name="title" label={HANDOFF_FIELD_LABELS.title} required hint="What engineers will see in lists. Often the paper's short name and what it is for.">
          <Input
            name="title"
            value={title}
            maxLength={LIMITS.handoff.title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
            placeholder="LoRA adapters for the plan-editor assistant"
          />
        </FormField>
      </Card>

      <div className={styles.formFooter}>
        <Button href={cancelHref} variant="ghost">
          Cancel
        </Button>
        <SubmitButton>Create handoff</SubmitButton>
      </div>
    </>
  );
}
