// The editor's hooks: its session (state, save, autosave, draft offer), the Ctrl/Cmd+S shortcut
// and the guard against leaving with text that exists only in this tab. The rules are in
// editor-state.ts (pure transitions) and editor-session.ts (server calls); these wire them to
// React's lifecycle and the browser's events.
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { EditorActions, EditorContent } from "./content";
import { editorReducer, initialEditorState, shouldAutosave, type DraftOffer, type EditorState } from "./editor-state";
import { AUTOSAVE_MS, FLASH_MS, discardDraft, saveDraft, saveRevision, serialQueue, type SaveOverride, type Session } from "./editor-session";

export type SessionInit = {
  handoffId: string;
  actions: EditorActions;
  initial: EditorContent;
  version: number;
  updatedAt: string;
  draft: DraftOffer | null;
  justCreated?: boolean;
};

export function useHandoffSession(init: SessionInit) {
  const { handoffId, actions } = init;
  const [state, dispatch] = useReducer(editorReducer, init, (i) =>
    initialEditorState({ content: i.initial, version: i.version, savedAt: i.updatedAt, draft: i.draft, justCreated: i.justCreated }),
  );
  // The async flows read the state of the last render, as the handlers of that render would.
  const current = useRef<EditorState>(state);
  useEffect(() => {
    current.current = state;
  });
  const enqueue = useMemo(() => serialQueue(), []);
  const session: Session = useMemo(() => ({ handoffId, actions, getState: () => current.current, dispatch, enqueue }), [handoffId, actions, dispatch, enqueue]);

  // Autosave: 1.5 s after the last change, when the text is neither saved nor in the draft.
  const autosave = shouldAutosave(state);
  const { content, version, flash } = state;
  useEffect(() => {
    if (!autosave) return;
    const timer = setTimeout(() => void saveDraft(session, content, version), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [autosave, content, version, session]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => dispatch({ type: "flashExpired" }), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash, dispatch]);

  const save = useCallback((override?: SaveOverride) => saveRevision(session, override), [session]);
  const discard = useCallback(() => discardDraft(session), [session]);
  return { state, dispatch, save, discard };
}

/** Ctrl/Cmd+S anywhere on the page saves, unless `disabled` (the conflict view is open). */
export function useSaveShortcut(save: () => unknown, disabled: boolean) {
  const latest = useRef({ save, disabled });
  useEffect(() => {
    latest.current = { save, disabled };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (!latest.current.disabled) void latest.current.save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** "?created=1" is for this visit only: a reload should not announce it again. */
export function useForgetCreatedParam(justCreated: boolean | undefined) {
  useEffect(() => {
    if (!justCreated) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("created");
    window.history.replaceState(window.history.state, "", url);
  }, [justCreated]);
}
