"use client";
// Native form controls with the app's look. Pass any native attribute; use inside Field.
import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { useFieldControl } from "./field-control";
import { IconChevronDown } from "./icons";
import styles from "./Input.module.css";

type ControlSize = { controlSize?: "sm" | "md" | "lg" };

export type InputProps = InputHTMLAttributes<HTMLInputElement> & ControlSize;

export function Input(props: InputProps) {
  const { className, controlSize = "md", ...rest } = useFieldControl(props);
  return <input className={cx(styles.control, styles.input, styles[controlSize], className)} {...rest} />;
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { mono?: boolean; ref?: Ref<HTMLTextAreaElement> };

export function Textarea(props: TextareaProps) {
  const { className, mono, rows = 4, ...rest } = useFieldControl(props);
  return <textarea className={cx(styles.control, styles.textarea, mono && styles.mono, className)} rows={rows} {...rest} />;
}

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & ControlSize;

export function Select(props: SelectProps) {
  const { className, controlSize = "md", children, ...rest } = useFieldControl(props);
  return (
    <span className={cx(styles.selectWrap, className)}>
      <select className={cx(styles.control, styles.select, styles[controlSize])} {...rest}>
        {children}
      </select>
      <IconChevronDown size={14} className={styles.chevron} />
    </span>
  );
}
