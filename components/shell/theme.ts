// Theme preference: "light", "dark" or "system" (follow the OS). Stored in localStorage and
// in a cookie so the server renders <html data-theme> correctly and nothing flashes.

export type ThemePreference = "light" | "dark" | "system";

export const THEMES: readonly ThemePreference[] = ["light", "dark", "system"];
export const THEME_COOKIE = "legible-theme";
export const THEME_STORAGE_KEY = "legible-theme";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function parseTheme(value: string | null | undefined): ThemePreference {
  return value === "light" || value === "dark" || value === "system" ? value : "system";
}

export function themeCookie(theme: ThemePreference): string {
  return `${THEME_COOKIE}=${theme}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

/**
 * Runs before first paint (inline in <head>). The cookie already gave the server the right
 * data-theme; this covers a preference that only localStorage holds (cookie cleared or
 * expired) and writes the cookie back so the next server render agrees.
 */
export const themeInitScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(t!=="light"&&t!=="dark"&&t!=="system")return;var d=document.documentElement;if(d.getAttribute("data-theme")!==t)d.setAttribute("data-theme",t);if(document.cookie.indexOf(${JSON.stringify(
  `${THEME_COOKIE}=`,
)}+t)<0)document.cookie=${JSON.stringify(`${THEME_COOKIE}=`)}+t+${JSON.stringify(
  `; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`,
)}}catch(e){}})();`;
