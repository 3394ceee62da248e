"use client";
// Label, control, hint and error for one form field. The control is the single child
// (Input, Select, Textarea or a native element); Field gives it the id, aria-describedby
// and aria-invalid so the label, hint and error are announced with it.
//
// A control rendered by a server component can reach this client component as a lazy node (its
// module still loading) rather than an element, which cannot be cloned: it used to be dropped,
// leaving a label with no control under it now and then. So the same props also travel by
// context, which Input, Select and Textarea read, and a node that is not an element is rendered
// as it is.
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { FieldControlContext } from "./field-control";
import { cx } from "./cx";
import styles from "./Field.module.css";

type ControlProps = {
  id?: string;
  name?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
};

export type FieldProps = {
  label: ReactNode;
  /** The control's id; taken from the child, or generated, when absent. */
  id?: string;
  hint?: ReactNode;
  /** One message, or several (e.g. zod issues for the field). */
  error?: string | string[] | null;
  /** Adds a required marker and sets required on the control. */
  required?: boolean;
  /** Shows "Optional" beside the label instead. */
  optional?: boolean;
  className?: string;
  /** One control; anything else (a lazy node from the server) is rendered as it is. */
  children: ReactNode;
};

export function Field({ label, id, hint, error, required, optional, className, children }: FieldProps) {
  const generated = useId();
  const child = isValidElement<ControlProps>(children) ? (children as ReactElement<ControlProps>) : null;
  const controlId = id ?? child?.props.id ?? `field${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [child?.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx(styles.field, className)}>
      <div className={styles.labelRow}>
        <label htmlFor={controlId} className={styles.label}>
          {label}
          {required && (
            <span className={styles.required} aria-hidden>
              *
            </span>
          )}
        </label>
        {optional && !required && <span className={styles.optional}>Optional</span>}
      </div>
      <FieldControlContext.Provider value={{ id: controlId, describedBy, invalid: Boolean(errorId), required: Boolean(required) }}>
        {child
          ? cloneElement(child, {
              id: controlId,
              "aria-describedby": describedBy,
              "aria-invalid": errorId ? true : child.props["aria-invalid"],
              required: required || child.props.required,
            })
          : children}
      </FieldControlContext.Provider>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className={styles.error}>
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
