"use client";
// Light / dark / system switch. Writes <html data-theme>, localStorage and the cookie the
// root layout reads, so the choice survives reloads without a flash.
import { useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import { IconMonitor, IconMoon, IconSun } from "@/components/ui/icons";
import { parseTheme, themeCookie, THEME_STORAGE_KEY, THEMES, type ThemePreference } from "./theme";
import styles from "./ThemeToggle.module.css";

const LABEL: Record<ThemePreference, string> = { light: "Light", dark: "Dark", system: "System" };
const ICON = { light: IconSun, dark: IconMoon, system: IconMonitor };

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function readTheme(): ThemePreference {
  return parseTheme(document.documentElement.getAttribute("data-theme"));
}

function applyTheme(theme: ThemePreference) {
  document.documentElement.setAttribute("data-theme", theme);
  document.cookie = themeCookie(theme);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode, quota); the cookie still carries the choice.
  }
}

export function ThemeToggle({ initialTheme = "system" }: { initialTheme?: ThemePreference }) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => initialTheme);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  // Radio-group keyboard model: arrows move and select, one tab stop for the group.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const delta = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = THEMES[(THEMES.indexOf(theme) + delta + THEMES.length) % THEMES.length];
    applyTheme(next);
    buttons.current[THEMES.indexOf(next)]?.focus();
  }

  return (
    <div role="radiogroup" aria-label="Theme" className={styles.group} onKeyDown={onKeyDown}>
      {THEMES.map((option, i) => {
        const Icon = ICON[option];
        const checked = option === theme;
        return (
          <button
            key={option}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={LABEL[option]}
            title={`${LABEL[option]} theme`}
            tabIndex={checked ? 0 : -1}
            className={styles.option}
            onClick={() => applyTheme(option)}
          >
            <Icon size={14} />
          </button>
        );
      })}
    </div>
  );
}
