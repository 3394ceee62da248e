// Button, or a link that looks like one when given href (rendered with next/link).
import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Button.module.css";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

type CommonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** An icon before the label (e.g. <IconPlus />). */
  icon?: ReactNode;
  /** Square button holding only the icon; give it an aria-label. */
  iconOnly?: boolean;
  /** Shows a spinner, disables the button and sets aria-busy. */
  loading?: boolean;
  fullWidth?: boolean;
};

type AsButton = CommonProps & ButtonHTMLAttributes<HTMLButtonElement> & { href?: undefined };
type AsLink = CommonProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string; prefetch?: boolean };

export type ButtonProps = AsButton | AsLink;

export function buttonClassName({
  variant = "secondary",
  size = "md",
  iconOnly,
  fullWidth,
  className,
}: CommonProps & { className?: string }): string {
  return cx(
    styles.button,
    styles[variant],
    styles[size],
    iconOnly && styles.iconOnly,
    fullWidth && styles.fullWidth,
    className,
  );
}

export function Button(props: ButtonProps) {
  if (props.href !== undefined) {
    const { variant, size, icon, iconOnly, loading: _loading, fullWidth, className, children, href, ...rest } = props;
    return (
      <Link href={href} className={buttonClassName({ variant, size, iconOnly, fullWidth, className })} {...rest}>
        {icon}
        {children}
      </Link>
    );
  }
  const { variant, size, icon, iconOnly, loading, fullWidth, className, children, disabled, href: _href, ...rest } = props;
  return (
    <button
      className={buttonClassName({ variant, size, iconOnly, fullWidth, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <span className={styles.spinner} aria-hidden /> : icon}
      {children}
    </button>
  );
}
