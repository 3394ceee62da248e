"use client";
// "Find on map": a search field in the map's toolbar with "3 of 12", previous and next. Typing
// is debounced before the map searches; Enter and Shift+Enter step through the matches, Escape
// clears. `/` anywhere outside a field, or Ctrl/Cmd+F inside the map, focuses it (useFindShortcut).
import { useEffect, useRef, useState, type RefObject } from "react";
import { IconSearch } from "@/components/ui/icons";
import { IconChevronDownSmall, IconChevronUp, IconClose } from "./map-icons";
import styles from "./ProjectMap.module.css";

/** Keystrokes settle this long before the map searches (5,000 nodes stay smooth while typing). */
const DEBOUNCE_MS = 120;

type Props = {
  /** The committed query (from the URL, or after the debounce). */
  query: string;
  onQuery: (query: string) => void;
  /** Matches among the nodes shown, and which one is current (0-based), or -1. */
  count: number;
  current: number;
  onStep: (by: 1 | -1) => void;
  inputRef: RefObject<HTMLInputElement | null>;
};

export function MapSearch({ query, onQuery, count, current, onStep, inputRef }: Props) {
  const [text, setText] = useState(query);
  const pending = useRef<number | undefined>(undefined);
  // A query cleared from outside (Escape on the map) clears the field too.
  const [seen, setSeen] = useState(query);
  if (query !== seen) {
    setSeen(query);
    setText(query);
  }
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const commit = (value: string) => {
    window.clearTimeout(pending.current);
    onQuery(value);
  };
  const change = (value: string) => {
    setText(value);
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => onQuery(value), DEBOUNCE_MS);
  };

  const active = text.trim() !== "";
  const status = !active ? "" : count === 0 ? "No matches" : `${current + 1} of ${count}`;
  return (
    <div className={styles.search} role="search" aria-label="Find on map">
      <IconSearch size={14} className={styles.searchIcon} />
      <input
        ref={inputRef}
        type="search"
        className={styles.searchInput}
        placeholder="Find on map"
        aria-label="Find on map"
        aria-keyshortcuts="/ Control+F Meta+F"
        aria-describedby="map-search-status"
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (text !== query) commit(text);
            else if (count > 0) onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            if (text === "") e.currentTarget.blur();
            setText("");
            commit("");
          }
        }}
      />
      <span id="map-search-status" className={styles.searchStatus} aria-live="polite" data-testid="map-search-status">
        {status}
      </span>
      {active && (
        <span className={styles.searchButtons}>
          <button type="button" className={styles.iconButton} onClick={() => onStep(-1)} disabled={count === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
            <IconChevronUp size={14} />
          </button>
          <button type="button" className={styles.iconButton} onClick={() => onStep(1)} disabled={count === 0} aria-label="Next match" title="Next match (Enter)">
            <IconChevronDownSmall size={14} />
          </button>
          <button
            type="button"
            className={styles.iconButton}
            onClick={() => {
              setText("");
              commit("");
              inputRef.current?.focus();
            }}
            aria-label="Clear search"
            title="Clear search (Esc)"
          >
            <IconClose size={14} />
          </button>
        </span>
      )}
    </div>
  );
}

/**
 * `/` outside any field focuses the map's search; so does Ctrl/Cmd+F while focus is inside the map
 * (elsewhere the browser's own find stays).
 */
export function useFindShortcut(inputRef: RefObject<HTMLInputElement | null>, mapRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inField = Boolean(target?.closest("input, textarea, select, [contenteditable]"));
      const slash = event.key === "/" && !inField && !event.ctrlKey && !event.metaKey && !event.altKey;
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "f" && !event.altKey && !event.shiftKey && Boolean(target && mapRef.current?.contains(target));
      if (!slash && !find) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [inputRef, mapRef]);
}
