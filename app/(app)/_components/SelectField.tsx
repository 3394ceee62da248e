"use client";
// A FormField holding a Select, rendered on the client. From a server component, <Select> inside
// a FormField arrives already rendered (its wrapper <span> first), so the label's id would land
// on the span instead of the <select>; rendering both here keeps them connected.
import type { ReactNode } from "react";
import { FormField } from "@/components/forms/ActionForm";
import { Select } from "@/components/ui/Input";

export type SelectOption = { value: string; label: string };

export function SelectField({
  name,
  label,
  hint,
  required,
  options,
  defaultValue,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: SelectOption[];
  defaultValue?: string;
}) {
  return (
    <FormField name={name} label={label} hint={hint} required={required}>
      <Select name={name} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
