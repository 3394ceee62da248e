import Link from "next/link";
import styles from "@/components/auth/SignInForm.module.css";

export default function NotFound() {
  return (
    <main style={{ maxWidth: 480, margin: "15vh auto", padding: "0 var(--space-4)", textAlign: "center" }}>
      <h1>Not found</h1>
      <p className={styles.note}>
        This page does not exist, or you do not have access to it. <Link href="/projects">Back to your projects</Link>
      </p>
    </main>
  );
}
