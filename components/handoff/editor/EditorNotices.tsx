"use client";
// The notices above the editor: a draft to restore, "Handoff created", a save that failed, a draft
// that could not be written, and a conflict waiting to be merged.
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { conflictWording, type EditorState } from "./editor-state";
import { LocalTime } from "./LocalTime";
import styles from "./notices.module.css";

type Props = {
  state: EditorState;
  dirty: boolean;
  onRestore: () => void;
  onDiscard: () => void;
  onDismissCreated: () => void;
  onShowConflict: () => void;
};

export function EditorNotices({ state, dirty, onRestore, onDiscard, onDismissCreated, onShowConflict }: Props) {
  const { offer, version, created, saveError, draftError, conflict, showConflict } = state;
  // A reload puts the page back where it was scrolled, far below this notice: bring it into view,
  // or the text looks lost while a draft waits to be restored.
  const offerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (offer) offerRef.current?.scrollIntoView({ block: "center" });
  }, [offer]);
  return (
    <>
      {offer && (
        <div ref={offerRef}>
          <Alert
            tone="info"
            title={
              <>
                Restore your unsaved draft from <LocalTime iso={offer.savedAt} prefix="" />?
              </>
            }
            action={
              <div className={styles.offerActions}>
                <Button size="sm" variant="primary" onClick={onRestore}>
                  Restore draft
                </Button>
                <Button size="sm" variant="ghost" onClick={onDiscard}>
                  Discard
                </Button>
              </div>
            }
          >
            {offer.baseVersion < version
              ? `It was written on version ${offer.baseVersion}; version ${version} has been saved since. If you restore it, you will compare the two before saving.`
              : "You left this handoff with changes that were not saved as a version. Autosave is paused until you choose."}
          </Alert>
        </div>
      )}
      {created && (
        <Alert
          tone="success"
          title="Handoff created"
          action={
            <Button size="sm" variant="ghost" onClick={onDismissCreated}>
              Dismiss
            </Button>
          }
        >
          Write the sections below. Drafts save as you type; <strong>Save</strong> makes a version others can read.
        </Alert>
      )}
      {saveError && (
        <Alert tone="error" title="Not saved">
          {saveError.message}
        </Alert>
      )}
      {draftError && !saveError && dirty && (
        <Alert tone="warning" title="Your draft could not be saved">
          {draftError} Your text is still here; fix it or save to keep it.
        </Alert>
      )}
      {conflict && !showConflict && (
        <Alert
          tone="warning"
          title="Not saved: your changes conflict with a newer version"
          action={
            <Button size="sm" onClick={onShowConflict}>
              Compare and merge
            </Button>
          }
        >
          {conflictWording(conflict).savedVersion}. Your text is kept; merge to save it.
        </Alert>
      )}
    </>
  );
}
