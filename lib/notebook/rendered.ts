// A notebook as stored after upload: parsed, validated and with every Markdown cell, code cell and
// Markdown output already rendered to sanitised HTML (lib/notebook/render.ts). Views show this
// as it is: no parsing and no Markdown rendering on view. Pure types and helpers.
import type { Notebook, NotebookImage, NotebookOutput } from "@/lib/import/notebook";

/** Bumped when the stored shape or the rendering changes; older rows are rendered again once. */
export const RENDERED_NOTEBOOK_VERSION = 2;

export type RenderedDisplay =
  | NotebookImage
  /** text/markdown or text/latex, rendered (or the escaped fallback). */
  | { kind: "html"; html: string }
  | { kind: "text"; text: string };

export type RenderedOutput =
  | Exclude<NotebookOutput, { type: "display" }>
  | (Omit<Extract<NotebookOutput, { type: "display" }>, "content"> & { content: RenderedDisplay | null });

export type RenderedCell =
  /** html is null for an empty cell. */
  | { type: "markdown"; html: string | null }
  | { type: "raw"; source: string }
  /** html (the highlighted source) is null for an empty cell. */
  | { type: "code"; html: string | null; executionCount: number | null; outputs: RenderedOutput[] };

export type RenderedNotebook = Omit<Notebook, "cells"> & { version: number; cells: RenderedCell[] };

/** What a stored attachment's notebook column holds: the rendered notebook, or why it could not be. */
export type StoredNotebook = RenderedNotebook | { version: number; error: string };
