// Sign-in, first-run setup and invitations: a quiet, centred column with the mark above.
import type { ReactNode } from "react";
import { LogoMark } from "@/components/shell/LogoMark";
import styles from "./auth.module.css";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.page}>
      <main className={styles.column}>
        <div className={styles.brand}>
          <LogoMark size={32} />
          <span className={styles.brandName}>Legible</span>
        </div>
        <div className={styles.panel}>{children}</div>
        <p className={styles.footnote}>Research handoffs and project maps, self-hosted.</p>
      </main>
    </div>
  );
}
