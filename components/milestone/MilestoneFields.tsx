// The fields of a milestone, shared by the New and Edit forms so both say the same thing.
import { FormField } from "@/components/forms/ActionForm";
import { Input, Select, Textarea } from "@/components/ui/Input";
import pages from "@/app/(app)/_components/pages.module.css";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { MILESTONE_LABELS } from "@/lib/validation/labels";

export type MilestoneFieldValues = {
  key: string;
  title?: string;
  description?: string;
  acceptanceCriteria?: string;
  ownerId?: string | null;
  startDate?: Date | null;
  dueDate?: Date | null;
  estimateDays?: number | null;
};

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");

export function MilestoneFields({ projectKey, owners, values, keyHint }: { projectKey: string; owners: { id: string; name: string }[]; values: MilestoneFieldValues; keyHint: string }) {
  return (
    <>
      <div className={pages.formGridWide}>
        <FormField name="title" label={MILESTONE_LABELS.title} required>
          <Input name="title" required minLength={3} maxLength={LIMITS.milestone.title} autoComplete="off" defaultValue={values.title} placeholder="Serve the model behind the layout API" />
        </FormField>
        <FormField name="key" label={MILESTONE_LABELS.key} required hint={keyHint}>
          <Input name="key" required defaultValue={values.key} className="mono" autoComplete="off" pattern="[A-Za-z][A-Za-z0-9]{1,9}-[0-9]{1,5}" title={`Like ${projectKey}-12`} />
        </FormField>
      </div>
      <FormField name="description" label={MILESTONE_LABELS.description} hint={`What the work is and why; Markdown, up to ${formatCount(LIMITS.milestone.description)} characters.`} optional>
        <Textarea name="description" rows={5} maxLength={LIMITS.milestone.description} defaultValue={values.description} />
      </FormField>
      <FormField
        name="acceptanceCriteria"
        label={MILESTONE_LABELS.acceptanceCriteria}
        hint={`How everyone will know it is done. Write each criterion as a list item ("- Serves 50 requests a second"): each becomes a box to tick on the milestone page. Markdown, up to ${formatCount(LIMITS.milestone.acceptanceCriteria)} characters.`}
        optional
      >
        <Textarea name="acceptanceCriteria" rows={5} maxLength={LIMITS.milestone.acceptanceCriteria} defaultValue={values.acceptanceCriteria} />
      </FormField>
      <div className={pages.formGrid}>
        <FormField name="ownerId" label={MILESTONE_LABELS.ownerId} optional>
          <Select name="ownerId" defaultValue={values.ownerId ?? ""}>
            <option value="">No owner yet</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="estimateDays" label={MILESTONE_LABELS.estimateDays} optional>
          <Input name="estimateDays" type="number" min={0} max={LIMITS.milestone.estimateDays} step="0.5" inputMode="decimal" defaultValue={values.estimateDays ?? ""} />
        </FormField>
        <FormField name="startDate" label={MILESTONE_LABELS.startDate} optional>
          <Input name="startDate" type="date" min="1970-01-01" max="2200-12-31" defaultValue={day(values.startDate)} />
        </FormField>
        <FormField name="dueDate" label={MILESTONE_LABELS.dueDate} optional>
          <Input name="dueDate" type="date" min="1970-01-01" max="2200-12-31" defaultValue={day(values.dueDate)} />
        </FormField>
      </div>
    </>
  );
}
