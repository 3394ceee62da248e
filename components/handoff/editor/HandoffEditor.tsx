"use client";
// The handoff editor. Left: the legibility checklist (every template section in order, filled or
// empty, required ones counted). Centre: the title, the paper and one Markdown editor per section,
// then free notes. Right: a live preview of the section being edited, rendered by the same safe
// pipeline as the read view (in a Web Worker, with a deadline: MarkdownPreview).
//
// Saving: typing autosaves a draft (no revision) 1.5 s after the last keystroke; "Save" or
// Ctrl/Cmd+S saves a revision on top of the version the editor was opened at. When someone saved
// in between, the server refuses (409) and the conflict view shows both texts to merge. The rules
// of all that are in editor-state.ts (a reducer) and editor-session.ts; useHandoffSession.ts wires
// them to React. This file lays the page out.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { IconChevronDown, IconChevronRight } from "@/components/ui/icons";
import { formatDateTime } from "@/components/ui/format";
import { isSectionFilled } from "@/lib/handoff/completeness";
import { LIMITS } from "@/lib/validation/limits";
import type { TemplateSection } from "@/lib/validation/template";
import { ChecklistOutline } from "./ChecklistOutline";
import { ConflictView } from "./ConflictView";
import { FIELD_LABELS, type EditorActions, type EditorContent } from "./content";
import { EditorNotices } from "./EditorNotices";
import { EditorToolbar } from "./EditorToolbar";
import { isDirty, isUnpersisted, statusLine, type DraftOffer } from "./editor-state";
import { PaperFields } from "./PaperFields";
import { PreviewPanel } from "./PreviewPanel";
import { BODY, PAPER, SectionBlock, blockId, editorId } from "./SectionBlock";
import { useLeaveGuard } from "@/components/forms/useLeaveGuard";
import { useForgetCreatedParam, useHandoffSession, useSaveShortcut } from "./useHandoffSession";
import styles from "./editor.module.css";

export type HandoffEditorProps = {
  handoffId: string;
  projectKey: string;
  readHref: string;
  listHref: string;
  status: string;
  templateName: string;
  template: TemplateSection[];
  initial: EditorContent;
  version: number;
  updatedAt: string;
  draft: DraftOffer | null;
  justCreated?: boolean;
  /** The first section's text and its HTML from the server's worker pool: the preview on load. */
  initialPreview?: { source: string; html: string } | null;
  actions: EditorActions;
};

const NARROW = "(max-width: 1279px)";
function subscribeNarrow(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
const isNarrow = () => window.matchMedia(NARROW).matches;

export function HandoffEditor(props: HandoffEditorProps) {
  const { template } = props;
  const { state, dispatch, save, discard } = useHandoffSession(props);
  const { content, saved, version, conflict, showConflict, saveError } = state;
  const dirty = isDirty(state);
  const [focused, setFocused] = useState<string>(template[0]?.key ?? BODY);
  // The preview starts closed on narrow screens, where it would cover the text.
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  const [previewChoice, setPreviewChoice] = useState<boolean | null>(null);
  const previewOpen = previewChoice ?? !narrow;
  const [paperOpen, setPaperOpen] = useState(() => !props.initial.paperTitle.trim());

  useSaveShortcut(save, showConflict);
  useLeaveGuard(isUnpersisted(state));
  useForgetCreatedParam(props.justCreated);

  // ---------- Edits ----------
  const setSection = useCallback((key: string, text: string) => dispatch({ type: "editSection", key, text }), [dispatch]);
  const patch = useCallback((p: Partial<EditorContent>) => dispatch({ type: "edit", patch: p }), [dispatch]);

  function goTo(key: string) {
    setFocused(key === PAPER ? focused : key);
    if (key === PAPER) setPaperOpen(true);
    const block = document.getElementById(blockId(key));
    block?.scrollIntoView({ behavior: "smooth", block: "start" });
    const editable = document.querySelector<HTMLElement>(`#${editorId(key)} .cm-content`);
    editable?.focus({ preventScroll: true });
  }

  // The title wraps instead of scrolling sideways: its box grows with the text.
  const titleRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = titleRef.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [content.title]);

  // ---------- Derived ----------
  const templateKeys = useMemo(() => new Set(template.map((s) => s.key)), [template]);
  const extra: TemplateSection[] = useMemo(
    () =>
      Object.keys(content.sections)
        .filter((k) => !templateKeys.has(k) && (isSectionFilled(content.sections[k]) || isSectionFilled(saved.sections[k])))
        .map((k) => ({ key: k, title: k.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()), guidance: "", required: false })),
    // Decided once per save, so a section does not vanish while its last character is deleted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [templateKeys, saved],
  );
  const allSections = [...template, ...extra];
  const focusedSection = focused === BODY ? { key: BODY, title: "Notes", guidance: "", required: false } : allSections.find((s) => s.key === focused);
  const previewSource = useDeferredValue(focused === BODY ? content.body : (content.sections[focused] ?? ""));
  const fieldErrors = saveError?.fieldErrors ?? {};

  return (
    <div className={styles.editorPage}>
      <EditorToolbar
        listHref={props.listHref}
        readHref={props.readHref}
        title={content.title}
        status={props.status}
        saveState={statusLine(state)}
        saveStateTitle={state.draftError ?? (dirty ? "Changes since the last saved version" : `Version ${version}, saved ${formatDateTime(state.savedAt)}`)}
        message={state.message}
        onMessage={(text) => dispatch({ type: "message", text })}
        onSave={() => void save()}
        saving={state.saving}
        saveDisabled={showConflict}
        previewOpen={previewOpen}
        onPreview={setPreviewChoice}
      />

      <EditorNotices
        state={state}
        dirty={dirty}
        onRestore={() => dispatch({ type: "restoreDraft" })}
        onDiscard={() => void discard()}
        onDismissCreated={() => dispatch({ type: "dismissCreated" })}
        onShowConflict={() => dispatch({ type: "showConflict", open: true })}
      />

      {conflict && showConflict ? (
        <ConflictView
          key={`${conflict.version}-${conflict.savedAt}`}
          conflict={conflict}
          template={template}
          saving={state.saving}
          error={saveError?.message ?? null}
          message={state.message}
          onBack={() => dispatch({ type: "showConflict", open: false })}
          onSave={(merged, base, note) => {
            dispatch({ type: "edit", patch: merged });
            void save({ content: merged, version: base, message: note });
          }}
        />
      ) : (
        <div className={styles.workspace} data-preview={previewOpen ? "open" : "closed"}>
          <ChecklistOutline
            content={content}
            template={template}
            sections={allSections}
            templateName={props.templateName}
            focused={focused}
            onGo={goTo}
            submitHref={props.status === "draft" || props.status === "changes_requested" ? props.readHref : undefined}
          />

          <div className={styles.main}>
            <div className={styles.titleBlock}>
              <label htmlFor="handoff-title" className={styles.titleLabel}>
                {FIELD_LABELS.title}
              </label>
              <textarea
                id="handoff-title"
                ref={titleRef}
                rows={1}
                className={styles.titleInput}
                value={content.title}
                maxLength={LIMITS.handoff.title}
                onChange={(e) => patch({ title: e.target.value.replace(/[\r\n]+/g, " ") })}
                onKeyDown={(e) => {
                  // A title is one line: Enter moves on to the first section.
                  if (e.key === "Enter") {
                    e.preventDefault();
                    goTo(template[0]?.key ?? BODY);
                  }
                }}
                aria-invalid={fieldErrors.title ? true : undefined}
                placeholder="Name this handoff"
              />
              {fieldErrors.title && <p className={styles.fieldError}>{fieldErrors.title.join(" ")}</p>}
            </div>

            <section id={blockId(PAPER)} className={styles.paperBlock} aria-labelledby="paper-heading">
              <h2 id="paper-heading" className={styles.paperHeading}>
                <button type="button" className={styles.paperToggle} onClick={() => setPaperOpen((o) => !o)} aria-expanded={paperOpen} aria-controls="paper-fields">
                  {paperOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  <span className={styles.paperLabel}>Paper</span>
                  {!paperOpen && (
                    <span className={styles.paperSummary}>
                      {content.paperTitle || "No paper yet"}
                      {content.year && ` · ${content.year}`}
                    </span>
                  )}
                </button>
              </h2>
              <div id="paper-fields" hidden={!paperOpen}>
                <PaperFields value={content} onChange={patch} errors={fieldErrors} />
              </div>
            </section>

            {allSections.map((s) => (
              <SectionBlock
                key={s.key}
                section={s}
                value={content.sections[s.key] ?? ""}
                onChange={setSection}
                onFocus={setFocused}
                focused={focused === s.key}
                error={fieldErrors[`sections.${s.key}`]}
                note={templateKeys.has(s.key) ? undefined : "Kept from an earlier template"}
              />
            ))}

            <SectionBlock
              section={{ key: BODY, title: FIELD_LABELS.body, guidance: "Anything else an engineer should know: free Markdown, not part of the checklist.", required: false }}
              value={content.body}
              onChange={(_key, text) => patch({ body: text })}
              onFocus={setFocused}
              focused={focused === BODY}
              error={fieldErrors.body}
              max={LIMITS.handoff.body}
              minLines={6}
            />
          </div>

          {previewOpen && (
            <PreviewPanel title={focusedSection?.title ?? ""} source={previewSource} initial={props.initialPreview} onClose={() => setPreviewChoice(false)} />
          )}
        </div>
      )}
    </div>
  );
}
