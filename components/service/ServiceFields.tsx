// The fields of a catalog entry, shared by the new-service and edit-service forms (both inside
// an ActionForm). The name is set once, when the service is added; the owner field appears only
// for those who may choose the owner (lib/auth/permissions.ts).
import { FormField } from "@/components/forms/ActionForm";
import { Input, Select, Textarea } from "@/components/ui/Input";
import { statusLabel } from "@/components/ui/status";
import { SERVICE_LAYERS, SERVICE_LIFECYCLES } from "@/lib/validation/service";
import pages from "@/app/(app)/_components/pages.module.css";
import { SERVICE_LABELS } from "@/lib/validation/labels";

export type ServiceFieldValues = {
  displayName: string;
  description: string;
  layer: string;
  lifecycle: string;
  repositoryPath: string;
  image: string;
};

export function ServiceFields({
  values,
  withName,
  owner,
}: {
  values?: ServiceFieldValues;
  /** Only when adding: the name never changes afterwards. */
  withName?: boolean;
  /** The owner's email field, with its current value and a hint; left out when the caller may not choose. */
  owner?: { email: string; hint: string };
}) {
  return (
    <>
      <div className={pages.formGridWide}>
        {withName ? (
          <FormField name="name" label={SERVICE_LABELS.name} required hint="DNS-safe: the name other services reach it by. It never changes.">
            <Input name="name" required maxLength={63} className="mono" autoComplete="off" pattern="[a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?" placeholder="layout-api" />
          </FormField>
        ) : (
          <FormField name="displayName" label={SERVICE_LABELS.displayName} optional>
            <Input name="displayName" maxLength={120} defaultValue={values?.displayName} />
          </FormField>
        )}
        <FormField name="layer" label={SERVICE_LABELS.layer} required>
          <Select name="layer" required defaultValue={values?.layer ?? "service"}>
            {SERVICE_LAYERS.map((l) => (
              <option key={l} value={l}>
                {statusLabel("layer", l)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      {withName && (
        <FormField name="displayName" label={SERVICE_LABELS.displayName} optional>
          <Input name="displayName" maxLength={120} defaultValue={values?.displayName} />
        </FormField>
      )}
      <FormField name="description" label={SERVICE_LABELS.description} hint="What it does, what it owns and what it must never do; Markdown." optional>
        <Textarea name="description" rows={5} maxLength={20000} defaultValue={values?.description} />
      </FormField>
      <div className={pages.formGrid}>
        <FormField name="lifecycle" label={SERVICE_LABELS.lifecycle} required>
          <Select name="lifecycle" required defaultValue={values?.lifecycle ?? "experimental"}>
            {SERVICE_LIFECYCLES.map((l) => (
              <option key={l} value={l}>
                {statusLabel("lifecycle", l)}
              </option>
            ))}
          </Select>
        </FormField>
        {owner && (
          <FormField name="ownerEmail" label={SERVICE_LABELS.ownerEmail} hint={owner.hint} optional>
            <Input name="ownerEmail" type="email" autoComplete="off" defaultValue={owner.email} />
          </FormField>
        )}
        <FormField name="repositoryPath" label={SERVICE_LABELS.repositoryPath} optional>
          <Input name="repositoryPath" maxLength={500} className="mono" defaultValue={values?.repositoryPath} placeholder="services/layout-api" />
        </FormField>
        <FormField name="image" label={SERVICE_LABELS.image} optional>
          <Input name="image" maxLength={500} className="mono" defaultValue={values?.image} placeholder="registry.example.com/layout-api:1.4" />
        </FormField>
      </div>
    </>
  );
}
