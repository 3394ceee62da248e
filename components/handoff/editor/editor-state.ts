// The handoff editor's save, autosave, draft-offer and conflict state: one reducer with pure
// transitions, and what the editor derives from it (is the text dirty, may autosave run, what the
// status line says). The component and its hooks (useHandoffSession.ts) only dispatch; the rules
// live here, where the unit tests reach them without a browser.
import type { ConflictInfo, EditorContent, Failure } from "./content";
import { sameContent } from "./content";

/** A draft this person left behind, offered when the editor opens. */
export type DraftOffer = { content: EditorContent; baseVersion: number; savedAt: string };

/** A save the server refused because someone saved first, with this person's text beside it. */
export type ConflictState = ConflictInfo & { mine: EditorContent };

export type EditorState = {
  /** What the person sees and types. */
  content: EditorContent;
  /** The content of the version this editor saves on top of. */
  saved: EditorContent;
  version: number;
  savedAt: string;
  /** The content last written to the draft (autosave), and when. */
  drafted: { content: EditorContent; at: string } | null;
  draftBusy: boolean;
  draftError: string | null;
  saving: boolean;
  /** The save message being typed. */
  message: string;
  saveError: Failure | null;
  /** "Handoff created" is shown until dismissed or the first save. */
  created: boolean;
  /** A short message in the status line ("No changes to save"), gone after a few seconds. */
  flash: string | null;
  offer: DraftOffer | null;
  conflict: ConflictState | null;
  showConflict: boolean;
};

export type EditorAction =
  | { type: "edit"; patch: Partial<EditorContent> }
  | { type: "editSection"; key: string; text: string }
  | { type: "message"; text: string }
  | { type: "draftStart" }
  | { type: "draftDone"; content: EditorContent; at: string }
  | { type: "draftFailed"; message: string }
  | { type: "nothingToSave" }
  | { type: "saveStart" }
  /** `replace`: the saved text becomes the editor's text too (a merge saved from the conflict view). */
  | { type: "saveDone"; sent: EditorContent; replace: boolean; version: number; savedAt: string }
  | { type: "saveConflict"; conflict: ConflictInfo; sent: EditorContent }
  | { type: "saveFailed"; failure: Failure }
  | { type: "flashExpired" }
  | { type: "dismissCreated" }
  | { type: "restoreDraft" }
  | { type: "discardDraft" }
  | { type: "showConflict"; open: boolean };

export function initialEditorState(init: { content: EditorContent; version: number; savedAt: string; draft: DraftOffer | null; justCreated?: boolean }): EditorState {
  return {
    content: init.content,
    saved: init.content,
    version: init.version,
    savedAt: init.savedAt,
    drafted: null,
    draftBusy: false,
    draftError: null,
    saving: false,
    message: "",
    saveError: null,
    created: !!init.justCreated,
    flash: null,
    offer: init.draft,
    conflict: null,
    showConflict: false,
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "edit":
      return { ...state, content: { ...state.content, ...action.patch } };
    case "editSection":
      return { ...state, content: { ...state.content, sections: { ...state.content.sections, [action.key]: action.text } } };
    case "message":
      return { ...state, message: action.text };
    case "draftStart":
      return { ...state, draftBusy: true };
    case "draftDone":
      return { ...state, draftBusy: false, drafted: { content: action.content, at: action.at }, draftError: null };
    case "draftFailed":
      return { ...state, draftBusy: false, draftError: action.message };
    case "nothingToSave":
      return { ...state, flash: `No changes to save · version ${state.version}` };
    case "saveStart":
      return { ...state, saving: true, saveError: null, flash: null, created: false };
    case "saveDone":
      return {
        ...state,
        saving: false,
        saved: action.sent,
        content: action.replace ? action.sent : state.content,
        version: action.version,
        savedAt: action.savedAt,
        drafted: null,
        message: "",
        conflict: null,
        showConflict: false,
        flash: `Saved version ${action.version}`,
      };
    case "saveConflict":
      return { ...state, saving: false, conflict: { ...action.conflict, mine: action.sent }, showConflict: true };
    case "saveFailed":
      return { ...state, saving: false, saveError: action.failure };
    case "flashExpired":
      return { ...state, flash: null };
    case "dismissCreated":
      return { ...state, created: false };
    case "restoreDraft": {
      const { offer } = state;
      if (!offer) return state;
      return {
        ...state,
        content: offer.content,
        drafted: { content: offer.content, at: offer.savedAt },
        // A draft written on an older version saves through the conflict check against the newer one.
        version: offer.baseVersion < state.version ? offer.baseVersion : state.version,
        offer: null,
        flash: "Draft restored",
      };
    }
    case "discardDraft":
      return { ...state, offer: null };
    case "showConflict":
      return { ...state, showConflict: action.open };
  }
}

// ---------- Derived ----------

/** The text differs from the version it saves on top of. */
export const isDirty = (s: EditorState) => !sameContent(s.content, s.saved);

/** The text on screen is exactly what the draft holds. */
export const isDrafting = (s: EditorState) => s.drafted !== null && s.drafted.content === s.content;

/** Changes that exist only in this tab: neither saved nor autosaved yet. Leaving asks first. */
export const isUnpersisted = (s: EditorState) => (isDirty(s) && !isDrafting(s)) || s.saving;

/** Autosave waits while a draft offer is open (the person has not chosen yet) and when the draft is current. */
export const shouldAutosave = (s: EditorState) => isDirty(s) && !s.offer && !isDrafting(s);

export type StatusLine = { kind: "busy" | "clean" | "paused" | "draft" | "error" | "dirty"; text: string; at?: string };

/** The status line beside the title. `at` is a time to show after the text. */
export function statusLine(s: EditorState): StatusLine {
  const dirty = isDirty(s);
  if (s.saving) return { kind: "busy", text: "Saving…" };
  if (s.flash && !dirty) return { kind: "clean", text: s.flash };
  if (!dirty) return { kind: "clean", text: `Saved · version ${s.version}` };
  if (s.offer) return { kind: "paused", text: "Autosave paused" };
  if (s.draftBusy) return { kind: "busy", text: "Saving draft…" };
  if (s.drafted && isDrafting(s)) return { kind: "draft", text: "Draft saved", at: s.drafted.at };
  if (s.draftError) return { kind: "error", text: "Draft not saved" };
  return { kind: "dirty", text: "Unsaved changes" };
}

// ---------- Who saved the version that won ----------

/**
 * How the conflict names who saved first. When it was this same person (another tab or window),
 * naming them as if they were someone else is confusing: the wording says where instead.
 */
export function conflictWording(c: Pick<ConflictInfo, "savedBy" | "savedByMe" | "version">) {
  if (c.savedByMe) {
    return {
      heading: "You saved this handoff in another tab or window while you were editing here",
      savedVersion: `You saved version ${c.version} in another tab or window`,
      theirsText: "Saved in your other tab",
      onlyTheirs: "Only your other tab changed this",
    };
  }
  const who = c.savedBy ?? "Someone";
  return {
    heading: `${who} saved this handoff while you were editing`,
    savedVersion: `${who} saved version ${c.version}`,
    theirsText: `${who}'s saved text`,
    onlyTheirs: `Only ${who} changed this`,
  };
}
