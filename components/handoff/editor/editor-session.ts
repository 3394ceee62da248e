// What the editor does with the server, apart from React: saving a revision, autosaving the draft
// and discarding it, each one call at a time and in order (a save never overtakes the draft
// written before it). State changes go through the reducer (editor-state.ts); these functions
// only decide which actions to dispatch, so the unit tests drive them with fake server actions.
import { toContentInput, type EditorActions, type EditorContent } from "./content";
import { isDirty, type EditorAction, type EditorState } from "./editor-state";

export const AUTOSAVE_MS = 1500;
export const FLASH_MS = 4000;
export const UNREACHABLE = "The server could not be reached.";

export type Enqueue = <T>(fn: () => Promise<T>) => Promise<T>;

/** Runs server calls one after another, each after the previous one settled (failed or not). */
export function serialQueue(): Enqueue {
  let last: Promise<unknown> = Promise.resolve();
  return <T,>(fn: () => Promise<T>) => {
    const next = last.then(fn);
    last = next.catch(() => undefined);
    return next;
  };
}

export type Session = {
  handoffId: string;
  actions: EditorActions;
  /** The state of the last render. */
  getState: () => EditorState;
  dispatch: (action: EditorAction) => void;
  enqueue: Enqueue;
};

/** A merge from the conflict view: this text, on top of that version, with that message. */
export type SaveOverride = { content: EditorContent; version: number; message: string };

/** "Save": a new revision on top of the version the editor holds (or the override's). */
export async function saveRevision(s: Session, override?: SaveOverride): Promise<void> {
  const state = s.getState();
  if (state.saving) return;
  const sent = override?.content ?? state.content;
  const base = override?.version ?? state.version;
  const note = (override?.message ?? state.message).trim();
  if (!override && !isDirty(state)) {
    s.dispatch({ type: "nothingToSave" });
    return;
  }
  s.dispatch({ type: "saveStart" });
  try {
    const result = await s.enqueue(() => s.actions.save(s.handoffId, { ...toContentInput(sent), version: base, message: note }));
    if (result.ok) {
      s.dispatch({ type: "saveDone", sent, replace: !!override, version: result.version, savedAt: result.savedAt });
    } else if (result.conflict) {
      s.dispatch({ type: "saveConflict", conflict: result.conflict, sent });
      // Keep this person's text on the server too, whatever happens to this tab.
      void s.enqueue(() => s.actions.saveDraft(s.handoffId, base, toContentInput(sent))).catch(() => undefined);
    } else {
      s.dispatch({ type: "saveFailed", failure: result });
    }
  } catch {
    s.dispatch({ type: "saveFailed", failure: { ok: false, message: `${UNREACHABLE} Your text is still here; try again.` } });
  }
}

/** Autosave: writes `content` to this person's draft, based on `version`. Never a revision. */
export async function saveDraft(s: Session, content: EditorContent, version: number): Promise<void> {
  s.dispatch({ type: "draftStart" });
  try {
    const result = await s.enqueue(() => s.actions.saveDraft(s.handoffId, version, toContentInput(content)));
    if (result.ok) s.dispatch({ type: "draftDone", content, at: result.savedAt });
    else s.dispatch({ type: "draftFailed", message: result.message });
  } catch {
    s.dispatch({ type: "draftFailed", message: UNREACHABLE });
  }
}

/** "Discard" on the draft offer: the offer goes at once; the server forgets the draft in turn. */
export async function discardDraft(s: Session): Promise<void> {
  s.dispatch({ type: "discardDraft" });
  await s.enqueue(() => s.actions.discardDraft(s.handoffId)).catch(() => undefined);
}
