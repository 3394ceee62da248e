"use client";
// What a Field tells the control inside it when it cannot hand the props over directly (see
// Field.tsx): the id its label points at, what describes it, and whether it is invalid or required.
import { createContext, useContext, type AriaAttributes } from "react";

export type FieldControl = { id: string; describedBy?: string; invalid: boolean; required: boolean };

export const FieldControlContext = createContext<FieldControl | null>(null);

/** The props a control takes from its Field, under any it was given itself. */
type ControlProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: AriaAttributes["aria-invalid"]; required?: boolean };

export function useFieldControl<P extends ControlProps>(props: P): P {
  const field = useContext(FieldControlContext);
  if (!field) return props;
  return {
    ...props,
    id: props.id ?? field.id,
    "aria-describedby": props["aria-describedby"] ?? field.describedBy,
    "aria-invalid": props["aria-invalid"] ?? (field.invalid || undefined),
    required: props.required ?? (field.required || undefined),
  };
}
