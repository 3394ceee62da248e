"use client";
// One CodeMirror 6 editor for a Markdown field: syntax highlighting, line wrapping, history, a
// placeholder, and a theme built on the app's CSS variables so light and dark follow the page.
// The document is owned by the editor; `value` changes from outside (restoring a draft, taking
// the other person's text) replace it.
import { useEffect, useRef } from "react";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching } from "@codemirror/language";
import { markdown, markdownLanguage, markdownKeymap } from "@codemirror/lang-markdown";
import { tags as t } from "@lezer/highlight";

/**
 * The page's CSP nonce (lib/csp.ts): CodeMirror writes its styles into <style> elements, which
 * the policy allows only with it. Browsers hide the attribute's value but keep the property.
 */
function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}

const theme = EditorView.theme({
  "&": {
    color: "var(--text)",
    backgroundColor: "var(--surface)",
    fontSize: "var(--text-md)",
    border: "1px solid var(--border-strong)",
    borderRadius: "var(--radius-md)",
    boxShadow: "var(--shadow-xs)",
    transition: "border-color var(--duration-fast) var(--ease), box-shadow var(--duration-fast) var(--ease)",
  },
  "&.cm-focused": {
    outline: "none",
    borderColor: "var(--focus-ring)",
    boxShadow: "0 0 0 3px color-mix(in srgb, var(--focus-ring) 28%, transparent)",
  },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    lineHeight: "1.6",
    overflow: "auto",
  },
  ".cm-content": {
    padding: "10px 0",
    caretColor: "var(--text)",
  },
  ".cm-line": { padding: "0 12px" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)", borderLeftWidth: "1.5px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--accent) 24%, transparent) !important",
  },
  ".cm-activeLine": { backgroundColor: "transparent" },
  "&.cm-focused .cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent-soft) 55%, transparent)" },
  ".cm-placeholder": {
    color: "var(--text-subtle)",
    fontFamily: "var(--font-sans)",
    fontStyle: "normal",
    whiteSpace: "pre-wrap",
  },
  ".cm-matchingBracket": { backgroundColor: "var(--surface-active)", outline: "none" },
  ".cm-gutters": { display: "none" },
});

const highlight = HighlightStyle.define([
  { tag: t.heading1, fontWeight: "700", color: "var(--text)", fontSize: "1.12em" },
  { tag: t.heading2, fontWeight: "700", color: "var(--text)", fontSize: "1.06em" },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: "700", color: "var(--text)" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: [t.link, t.url], color: "var(--accent-text)" },
  { tag: t.monospace, color: "var(--tone-teal-fg)" },
  { tag: t.quote, color: "var(--text-muted)", fontStyle: "italic" },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: "var(--text-subtle)" },
  { tag: t.list, color: "var(--text)" },
  { tag: [t.keyword, t.operator], color: "var(--tone-violet-fg)" },
  { tag: [t.string, t.special(t.string)], color: "var(--tone-green-fg)" },
  { tag: [t.number, t.bool, t.atom], color: "var(--tone-orange-fg)" },
  { tag: t.comment, color: "var(--text-subtle)", fontStyle: "italic" },
  { tag: [t.typeName, t.className], color: "var(--tone-teal-fg)" },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: "var(--tone-blue-fg)" },
]);

export type MarkdownEditorProps = {
  value: string;
  onChange: (value: string) => void;
  /** The editor's accessible name (its section's title). */
  label: string;
  placeholder?: string;
  onFocus?: () => void;
  /** Minimum height in lines, so an empty section still invites writing. */
  minLines?: number;
  id?: string;
  describedBy?: string;
};

export function MarkdownEditor({ value, onChange, label, placeholder, onFocus, minLines = 4, id, describedBy }: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's listeners without recreating it.
  const handlers = useRef({ onChange, onFocus });
  useEffect(() => {
    handlers.current = { onChange, onFocus };
  });

  useEffect(() => {
    if (!host.current) return;
    const extensions: Extension[] = [
      EditorView.cspNonce.of(pageNonce()),
      history(),
      drawSelection(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      EditorView.lineWrapping,
      markdown({ base: markdownLanguage, addKeymap: false }),
      syntaxHighlighting(highlight),
      keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
      theme,
      EditorView.contentAttributes.of({
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        spellcheck: "true",
        autocorrect: "on",
        autocapitalize: "sentences",
      }),
      EditorView.theme({ ".cm-content": { minHeight: `calc(${minLines} * 1.6em + 20px)` } }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
        if (update.focusChanged && update.view.hasFocus) handlers.current.onFocus?.();
      }),
    ];
    if (placeholder) extensions.push(placeholderExt(placeholder));
    const editor = new EditorView({ state: EditorState.create({ doc: value, extensions }), parent: host.current });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once per label/placeholder; `value` is synced by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, placeholder, minLines, describedBy]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return <div ref={host} id={id} data-testid={id} />;
}
