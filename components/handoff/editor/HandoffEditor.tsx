"use client";
// The handoff editor. Left: the legibility checklist (every template section in order, filled or
// empty, required ones counted). Centre: the title, the paper and one Markdown editor per section,
// then free notes. Right: a live preview of the section being edited, rendered by the same safe
// pipeline as the read view (in a Web Worker, with a deadline: MarkdownPreview).
//
// Saving: typing autosaves a draft (no revision) 1.5 s after the last keystroke; "Save" or
// Ctrl/Cmd+S saves a revision on top of the version the editor was opened at. When someone saved
// in between, the server refuses (409) and the conflict view shows both texts to merge.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import { Kbd } from "@/components/ui/Kbd";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { formatDateTime } from "@/components/ui/format";
import { IconChevronDown, IconChevronRight, IconExternal } from "@/components/ui/icons";
import { handoffCompleteness, isSectionFilled } from "@/lib/handoff/completeness";
import type { TemplateSection } from "@/lib/validation/template";
import { ConflictView, type ConflictState } from "./ConflictView";
import { LocalTime, clockTime } from "./LocalTime";
import { MarkdownPreview } from "./MarkdownPreview";
import { PaperFields, type PaperValues } from "./PaperFields";
import { SectionBlock, blockId, editorId } from "./SectionBlock";
import { FIELD_LABELS, sameContent, toContentInput, type EditorActions, type EditorContent, type Failure } from "./content";
import styles from "./editor.module.css";
import { LIMITS } from "@/lib/validation/limits";

const AUTOSAVE_MS = 1500;
const BODY = "body";
const PAPER = "paper";

type DraftOffer = { content: EditorContent; baseVersion: number; savedAt: string };

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
  const { handoffId, template, actions } = props;
  const [content, setContent] = useState(props.initial);
  /** The content of the version this editor saves on top of. */
  const [saved, setSaved] = useState(props.initial);
  const [version, setVersion] = useState(props.version);
  const [savedAt, setSavedAt] = useState(props.updatedAt);
  const [drafted, setDrafted] = useState<{ content: EditorContent; at: string } | null>(null);
  const [draftBusy, setDraftBusy] = useState(false);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState("");
  const [saveError, setSaveError] = useState<Failure | null>(null);
  const [created, setCreated] = useState(!!props.justCreated);
  /** A short message in the status line ("No changes to save"), gone after a few seconds. */
  const [flash, setFlash] = useState<string | null>(null);
  const [offer, setOffer] = useState<DraftOffer | null>(props.draft);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [showConflict, setShowConflict] = useState(false);
  const [focused, setFocused] = useState<string>(template[0]?.key ?? BODY);
  // The preview starts closed on narrow screens, where it would cover the text.
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  const [previewChoice, setPreviewChoice] = useState<boolean | null>(null);
  const previewOpen = previewChoice ?? !narrow;
  const [paperOpen, setPaperOpen] = useState(() => !props.initial.paperTitle.trim());

  const dirty = !sameContent(content, saved);
  const drafting = drafted !== null && drafted.content === content;
  /** Changes that exist only in this tab: neither saved nor autosaved yet. */
  const unpersisted = (dirty && !drafting) || saving;

  // ---------- Server calls, one at a time and in order ----------
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback(<T,>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(fn);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  // ---------- Autosave ----------
  useEffect(() => {
    if (!dirty || offer || drafting) return;
    const timer = setTimeout(async () => {
      setDraftBusy(true);
      try {
        const result = await enqueue(() => actions.saveDraft(handoffId, version, toContentInput(content)));
        if (result.ok) {
          setDrafted({ content, at: result.savedAt });
          setDraftError(null);
        } else {
          setDraftError(result.message);
        }
      } catch {
        setDraftError("The server could not be reached.");
      } finally {
        setDraftBusy(false);
      }
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [content, dirty, offer, drafting, version, handoffId, actions, enqueue]);

  // ---------- Save (a revision) ----------
  const save = useCallback(
    async (override?: { content: EditorContent; version: number; message: string }) => {
      if (saving) return;
      const sent = override?.content ?? content;
      const base = override?.version ?? version;
      const note = (override?.message ?? message).trim();
      if (!override && !dirty) {
        setFlash(`No changes to save · version ${version}`);
        return;
      }
      setSaving(true);
      setSaveError(null);
      setFlash(null);
      setCreated(false);
      try {
        const result = await enqueue(() => actions.save(handoffId, { ...toContentInput(sent), version: base, message: note }));
        if (result.ok) {
          setSaved(sent);
          setContent((current) => (override ? sent : current));
          setVersion(result.version);
          setSavedAt(result.savedAt);
          setDrafted(null);
          setMessage("");
          setConflict(null);
          setShowConflict(false);
          setFlash(`Saved version ${result.version}`);
        } else if (result.conflict) {
          setConflict({ ...result.conflict, mine: sent });
          setShowConflict(true);
          // Keep this person's text on the server too, whatever happens to this tab.
          void enqueue(() => actions.saveDraft(handoffId, base, toContentInput(sent))).catch(() => undefined);
        } else {
          setSaveError(result);
        }
      } catch {
        setSaveError({ ok: false, message: "The server could not be reached. Your text is still here; try again." });
      } finally {
        setSaving(false);
      }
    },
    [saving, content, version, message, dirty, enqueue, actions, handoffId],
  );

  // Ctrl/Cmd+S anywhere on the page.
  const saveRef = useRef(save);
  const conflictOpen = useRef(showConflict);
  useEffect(() => {
    saveRef.current = save;
    conflictOpen.current = showConflict;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (!conflictOpen.current) void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Leaving with changes that are neither saved nor in the draft: the browser asks first, and so
  // do links inside the app.
  useEffect(() => {
    if (!unpersisted) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (link.origin !== window.location.origin || link.hash && link.pathname === window.location.pathname) return;
      if (!window.confirm("You have changes that are not saved yet. Leave this page anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [unpersisted]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 4000);
    return () => clearTimeout(timer);
  }, [flash]);


  // "?created=1" is for this visit only: a reload should not announce it again.
  useEffect(() => {
    if (!props.justCreated) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("created");
    window.history.replaceState(window.history.state, "", url);
  }, [props.justCreated]);

  // ---------- Edits ----------
  const setSection = useCallback((key: string, text: string) => setContent((c) => ({ ...c, sections: { ...c.sections, [key]: text } })), []);
  const patch = useCallback((p: Partial<EditorContent>) => setContent((c) => ({ ...c, ...p })), []);

  function restoreDraft() {
    if (!offer) return;
    setContent(offer.content);
    setDrafted({ content: offer.content, at: offer.savedAt });
    // A draft written on an older version saves through the conflict check against the newer one.
    if (offer.baseVersion < version) setVersion(offer.baseVersion);
    setOffer(null);
    setFlash("Draft restored");
  }

  async function discard() {
    setOffer(null);
    await enqueue(() => actions.discardDraft(handoffId)).catch(() => undefined);
  }

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
  const completeness = handoffCompleteness(content.sections, template);
  const focusedSection = focused === BODY ? { key: BODY, title: "Notes", guidance: "", required: false } : allSections.find((s) => s.key === focused);
  const previewSource = useDeferredValue(focused === BODY ? content.body : (content.sections[focused] ?? ""));
  const fieldErrors = saveError?.fieldErrors ?? {};

  const paperValues: PaperValues = content;

  // ---------- Status line ----------
  let state: { kind: string; text: ReactNode };
  if (saving) state = { kind: "busy", text: "Saving…" };
  else if (flash && !dirty) state = { kind: "clean", text: flash };
  else if (!dirty) state = { kind: "clean", text: <>Saved · version {version}</> };
  else if (offer) state = { kind: "paused", text: "Autosave paused" };
  else if (draftBusy) state = { kind: "busy", text: "Saving draft…" };
  else if (drafting && drafted) state = { kind: "draft", text: <>Draft saved {clockTimeNode(drafted.at)}</> };
  else if (draftError) state = { kind: "error", text: "Draft not saved" };
  else state = { kind: "dirty", text: "Unsaved changes" };

  return (
    <div className={styles.editorPage}>
      <div className={styles.toolbar}>
        <div className={styles.toolbarStart}>
          <a href={props.listHref} className={styles.crumb}>
            Handoffs
          </a>
          <IconChevronRight size={12} className={styles.crumbSep} />
          <span className={styles.crumbTitle} title={content.title}>
            {content.title || "Untitled handoff"}
          </span>
          <StatusBadge kind="handoff" value={props.status} size="sm" />
          <span
            className={styles.saveState}
            data-state={state.kind}
            role="status"
            aria-live="polite"
            data-testid="save-state"
            title={draftError ?? (dirty ? "Changes since the last saved version" : `Version ${version}, saved ${formatDateTime(savedAt)}`)}
          >
            <span className={styles.saveDot} aria-hidden />
            {state.text}
          </span>
        </div>
        <div className={styles.toolbarEnd}>
          <Input
            aria-label="Save message"
            placeholder="What changed? (optional)"
            value={message}
            maxLength={LIMITS.handoff.message}
            onChange={(e) => setMessage(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void save();
              }
            }}
            className={styles.messageInput}
            controlSize="sm"
          />
          <Button variant="primary" size="sm" onClick={() => void save()} loading={saving} disabled={showConflict} title="Save a new version (Ctrl+S or ⌘S)">
            Save
            <span className={styles.shortcut} aria-hidden>
              <Kbd>⌘S</Kbd>
            </span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setPreviewChoice(!previewOpen)}
            aria-pressed={previewOpen}
            aria-controls="handoff-preview"
            className={styles.previewToggle}
          >
            Preview
          </Button>
          <Button href={props.readHref} variant="secondary" size="sm" icon={<IconExternal size={13} />}>
            View
          </Button>
        </div>
      </div>

      {offer && (
        <Alert
          tone="info"
          title={
            <>
              Restore your unsaved draft from <LocalTime iso={offer.savedAt} prefix="" />?
            </>
          }
          action={
            <div className={styles.offerActions}>
              <Button size="sm" variant="primary" onClick={restoreDraft}>
                Restore draft
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void discard()}>
                Discard
              </Button>
            </div>
          }
        >
          {offer.baseVersion < version
            ? `It was written on version ${offer.baseVersion}; version ${version} has been saved since. If you restore it, you will compare the two before saving.`
            : "You left this handoff with changes that were not saved as a version. Autosave is paused until you choose."}
        </Alert>
      )}
      {created && (
        <Alert
          tone="success"
          title="Handoff created"
          action={
            <Button size="sm" variant="ghost" onClick={() => setCreated(false)}>
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
            <Button size="sm" onClick={() => setShowConflict(true)}>
              Compare and merge
            </Button>
          }
        >
          {conflict.savedBy ?? "Someone"} saved version {conflict.version}. Your text is kept; merge to save it.
        </Alert>
      )}

      {conflict && showConflict ? (
        <ConflictView
          key={`${conflict.version}-${conflict.savedAt}`}
          conflict={conflict}
          template={template}
          saving={saving}
          error={saveError?.message ?? null}
          message={message}
          onBack={() => setShowConflict(false)}
          onSave={(merged, base, note) => {
            setContent(merged);
            void save({ content: merged, version: base, message: note });
          }}
        />
      ) : (
        <div className={styles.workspace} data-preview={previewOpen ? "open" : "closed"}>
          <nav className={styles.outline} aria-label="Legibility checklist">
            <div className={styles.score}>
              <div className={styles.scoreRow}>
                <span className={styles.scoreValue} data-complete={completeness.percent === 100 || undefined} data-testid="completeness">
                  {completeness.percent}%
                </span>
                <span className={styles.scoreText}>
                  {completeness.filled} of {completeness.required} required
                  <br />
                  {completeness.optionalFilled} of {completeness.optional} optional
                </span>
              </div>
              <ProgressBar
                value={completeness.filled}
                max={completeness.required}
                label="Required sections written"
                valueText={`${completeness.filled} of ${completeness.required}`}
                tone={completeness.percent === 100 ? "green" : completeness.percent >= 60 ? "accent" : "amber"}
                size="sm"
              />
            </div>
            <p className={styles.outlineLabel}>{props.templateName}</p>
            <ol className={styles.outlineList}>
              <li>
                <button type="button" className={styles.outlineItem} onClick={() => goTo(PAPER)}>
                  <span className={styles.mark} data-state={content.paperTitle.trim() ? "filled" : "optional"} aria-hidden />
                  <span className={styles.outlineTitle}>Paper</span>
                </button>
              </li>
              {allSections.map((s) => {
                const filled = isSectionFilled(content.sections[s.key]);
                const markState = filled ? "filled" : s.required ? "required" : "optional";
                return (
                  <li key={s.key}>
                    <button
                      type="button"
                      className={styles.outlineItem}
                      onClick={() => goTo(s.key)}
                      aria-current={focused === s.key ? "true" : undefined}
                      data-testid={`outline-${s.key}`}
                      data-state={markState}
                    >
                      <span className={styles.mark} data-state={markState} aria-hidden />
                      <span className={styles.outlineTitle}>{s.title}</span>
                      <span className="sr-only">{filled ? " (written)" : s.required ? " (required, empty)" : " (empty)"}</span>
                    </button>
                  </li>
                );
              })}
              <li>
                <button type="button" className={styles.outlineItem} onClick={() => goTo(BODY)} aria-current={focused === BODY ? "true" : undefined}>
                  <span className={styles.mark} data-state={isSectionFilled(content.body) ? "filled" : "optional"} aria-hidden />
                  <span className={styles.outlineTitle}>Notes</span>
                </button>
              </li>
            </ol>
            <ul className={styles.legend} aria-hidden>
              <li>
                <span className={styles.mark} data-state="filled" /> Written
              </li>
              <li>
                <span className={styles.mark} data-state="required" /> Required
              </li>
              <li>
                <span className={styles.mark} data-state="optional" /> Optional
              </li>
            </ul>
          </nav>

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
                <PaperFields value={paperValues} onChange={patch} errors={fieldErrors} />
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
            <aside className={styles.preview} id="handoff-preview" aria-label="Preview">
              <div className={styles.previewHead}>
                <span className={styles.previewLabel}>Preview</span>
                <span className={styles.previewTitle}>{focusedSection?.title ?? ""}</span>
                <button type="button" className={styles.previewClose} onClick={() => setPreviewChoice(false)} aria-label="Close preview">
                  ×
                </button>
              </div>
              <div className={styles.previewBody} data-testid="preview">
                <MarkdownPreview
                  source={previewSource}
                  idPrefix="preview"
                  headingOffset={2}
                  initial={props.initialPreview}
                  empty={<p className={styles.previewEmpty}>Nothing to preview yet. As you write, this section appears here as readers will see it: Markdown, tables, math between dollar signs and fenced code.</p>}
                />
              </div>
            </aside>
          )}
        </div>
      )}
    </div>
  );
}

function clockTimeNode(iso: string) {
  return <time dateTime={iso}>{clockTime(iso)}</time>;
}
