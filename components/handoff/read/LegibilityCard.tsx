// How much of what an engineer needs is written: the required sections filled, and links to the
// ones still empty.
import { Card } from "@/components/ui/Card";
import { IconCheckCircle } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { sectionAnchor, type HandoffView } from "@/lib/handoff/view-model";
import styles from "../side-cards.module.css";

export function LegibilityCard({ completeness: c }: { completeness: HandoffView["completeness"] }) {
  return (
    <Card title="Legibility" description="Required sections an engineer needs, written.">
      <div className={styles.legibilityCard}>
        <div className={styles.score}>
          <span className={styles.scoreValue} data-complete={c.percent === 100 || undefined}>
            {c.percent}%
          </span>
          <span className={styles.scoreText}>
            {c.filled} of {c.required} required
            {c.optional > 0 && (
              <>
                <br />
                {c.optionalFilled} of {c.optional} optional
              </>
            )}
          </span>
        </div>
        <ProgressBar
          value={c.filled}
          max={c.required}
          label="Required sections written"
          valueText={`${c.filled} of ${c.required}`}
          tone={c.percent === 100 ? "green" : c.percent >= 60 ? "accent" : "amber"}
        />
        {c.missing.length === 0 ? (
          <p className={styles.allDone}>
            <IconCheckCircle size={14} /> Every required section is written.
          </p>
        ) : (
          <div>
            <p className={styles.missingLabel}>Still empty</p>
            <ul className={styles.missing}>
              {c.missing.map((s) => (
                <li key={s.key}>
                  <a href={`#${sectionAnchor(s.key)}`}>{s.title}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}
