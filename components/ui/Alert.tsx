// A message in the flow of the page. Errors use role="alert" so they are announced at once;
// the others use role="status".
import type { ReactNode } from "react";
import { cx } from "./cx";
import { IconAlertTriangle, IconCheckCircle, IconInfo, IconXCircle } from "./icons";
import type { Tone } from "./status";
import styles from "./Alert.module.css";

export type AlertTone = "info" | "success" | "warning" | "error";

const TONE: Record<AlertTone, Tone> = { info: "blue", success: "green", warning: "amber", error: "red" };
const ICON = { info: IconInfo, success: IconCheckCircle, warning: IconAlertTriangle, error: IconXCircle };

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** A button or link at the end, e.g. "Reload" on a conflict. */
  action?: ReactNode;
  id?: string;
  className?: string;
};

export function Alert({ tone = "info", title, children, action, id, className }: AlertProps) {
  const Icon = ICON[tone];
  return (
    <div
      id={id}
      className={cx(styles.alert, className)}
      data-tone={TONE[tone]}
      role={tone === "error" ? "alert" : "status"}
    >
      <Icon size={16} className={styles.icon} />
      <div className={styles.content}>
        {title && <p className={styles.title}>{title}</p>}
        {children && <div className={styles.body}>{children}</div>}
      </div>
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}
