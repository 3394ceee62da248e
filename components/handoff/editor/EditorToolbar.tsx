"use client";
// The editor's sticky toolbar: where the handoff sits (crumbs, status), the save state, the save
// message and Save, the preview toggle and the read view.
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import { Kbd } from "@/components/ui/Kbd";
import { IconChevronRight, IconExternal } from "@/components/ui/icons";
import { LIMITS } from "@/lib/validation/limits";
import type { StatusLine } from "./editor-state";
import { clockTime } from "./LocalTime";
import styles from "./toolbar.module.css";

type Props = {
  listHref: string;
  readHref: string;
  title: string;
  status: string;
  saveState: StatusLine;
  /** The save state's tooltip. */
  saveStateTitle: string;
  message: string;
  onMessage: (text: string) => void;
  onSave: () => void;
  saving: boolean;
  /** Save waits while the conflict view is open: it has its own. */
  saveDisabled: boolean;
  previewOpen: boolean;
  onPreview: (open: boolean) => void;
};

export function EditorToolbar(p: Props) {
  return (
    <div className={styles.toolbar}>
      <div className={styles.toolbarStart}>
        <a href={p.listHref} className={styles.crumb}>
          Handoffs
        </a>
        <IconChevronRight size={12} className={styles.crumbSep} />
        <span className={styles.crumbTitle} title={p.title}>
          {p.title || "Untitled handoff"}
        </span>
        <StatusBadge kind="handoff" value={p.status} size="sm" />
        <span className={styles.saveState} data-state={p.saveState.kind} role="status" aria-live="polite" data-testid="save-state" title={p.saveStateTitle}>
          <span className={styles.saveDot} aria-hidden />
          {p.saveState.text}
          {p.saveState.at && (
            <>
              {" "}
              <time dateTime={p.saveState.at}>{clockTime(p.saveState.at)}</time>
            </>
          )}
        </span>
      </div>
      <div className={styles.toolbarEnd}>
        <Input
          aria-label="Save message"
          placeholder="What changed? (optional)"
          value={p.message}
          maxLength={LIMITS.handoff.message}
          onChange={(e) => p.onMessage(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              p.onSave();
            }
          }}
          className={styles.messageInput}
          controlSize="sm"
        />
        <Button variant="primary" size="sm" onClick={p.onSave} loading={p.saving} disabled={p.saveDisabled} title="Save a new version (Ctrl+S or ⌘S)">
          Save
          <span className={styles.shortcut} aria-hidden>
            <Kbd>⌘S</Kbd>
          </span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => p.onPreview(!p.previewOpen)}
          aria-pressed={p.previewOpen}
          aria-controls="handoff-preview"
          className={styles.previewToggle}
        >
          Preview
        </Button>
        <Button href={p.readHref} variant="secondary" size="sm" icon={<IconExternal size={13} />}>
          View
        </Button>
      </div>
    </div>
  );
}
