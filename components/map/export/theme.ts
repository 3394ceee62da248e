// The light theme's colours as literal values, for files that leave the app: an exported SVG or
// PNG has no stylesheet, so CSS variables would resolve to nothing. Each value is the light half
// of the matching token in app/globals.css (a unit test keeps them in step).
import type { Tone } from "@/components/ui/status";

/** --tone-*-solid: status dots and stripes, edge strokes. */
export const TONE_SOLID: Record<Tone, string> = {
  gray: "#9b9dad",
  muted: "#d3d4dc",
  blue: "#3b7ce6",
  green: "#2e9d63",
  amber: "#dd9d22",
  red: "#dc4446",
  violet: "#8662e6",
  teal: "#1c9794",
  pink: "#d4528a",
  orange: "#e06c26",
};

/** --tone-*-bg and --tone-*-fg: the Mermaid export's status classes. */
export const TONE_BG: Record<Tone, string> = {
  gray: "#f0f0f3",
  muted: "#f6f6f8",
  blue: "#eaf2fe",
  green: "#e8f6ee",
  amber: "#fcf3e1",
  red: "#fdeded",
  violet: "#f2effd",
  teal: "#e5f5f4",
  pink: "#fcecf3",
  orange: "#fdf0e7",
};
export const TONE_FG: Record<Tone, string> = {
  gray: "#4d4f5c",
  muted: "#6b6d7a",
  blue: "#1c5cb8",
  green: "#16744a",
  amber: "#8c5a07",
  red: "#b02a2c",
  violet: "#5e3fc4",
  teal: "#0e6d6b",
  pink: "#a3325f",
  orange: "#a24a12",
};

/** Surfaces, borders and text. */
export const LIGHT = {
  bg: "#fbfbfc",
  surface: "#ffffff",
  surfaceSubtle: "#f5f5f7",
  surfaceSunken: "#f3f3f6",
  border: "#e5e5ea",
  borderStrong: "#d2d2da",
  text: "#1a1b22",
  textMuted: "#555765",
  textSubtle: "#6a6c7b",
  violetBorder: "#dcd3f9",
  /** color-mix(in srgb, --tone-violet-bg 55%, --surface): a paper card's fill. */
  paperFill: "#f8f6fe",
} as const;

export const FONT_SANS = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
export const FONT_MONO = "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";
