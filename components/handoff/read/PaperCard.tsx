// The paper a handoff summarises: title, authors, venue, its links and the BibTeX to copy.
import { CopyButton } from "@/app/(app)/_components/CopyButton";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconExternal } from "@/components/ui/icons";
import type { HandoffView } from "@/lib/handoff/view-model";
import styles from "../handoff-view.module.css";

export function PaperCard({ paperTitle, paper }: { paperTitle: string; paper: HandoffView["paper"] }) {
  return (
    <Card title="Paper" padding="lg">
      <div className={styles.paper}>
        <p className={styles.paperName}>{paperTitle || <span className={styles.muted}>No paper title yet</span>}</p>
        {paper.authors.length > 0 && <p className={styles.authors}>{paper.authors.join(", ")}</p>}
        {paper.venue && <p className={styles.venueLine}>{paper.venue}</p>}
        {paper.links.length > 0 && (
          <div className={styles.links}>
            {paper.links.map((link) => (
              <Button key={link.href} href={link.href} size="sm" variant="secondary" target="_blank" rel="noopener noreferrer" icon={<IconExternal size={14} />} prefetch={false}>
                {link.label}
              </Button>
            ))}
          </div>
        )}
        {paper.bibtex && (
          <details className={styles.bibtex}>
            <summary>BibTeX</summary>
            <div className={styles.bibtexBody}>
              <pre>
                <code>{paper.bibtex}</code>
              </pre>
              <div className={styles.bibtexActions} data-chrome="copy">
                <CopyButton value={paper.bibtex} label="Copy BibTeX" />
              </div>
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}
