// Initials on a colour chosen from the name, so a person looks the same everywhere.
import { cx } from "./cx";
import type { Tone } from "./status";
import styles from "./Avatar.module.css";

const PALETTE: Tone[] = ["blue", "green", "amber", "red", "violet", "teal", "pink", "orange"];

/** "Ada Lovelace" → "AL"; "grace" → "G"; "" → "?". Ignores parentheses and emails' domains. */
export function initials(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .replace(/\(.*?\)/g, " ")
    .split(/[\s._-]+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return "?";
  const first = Array.from(words[0])[0] ?? "";
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** A stable tone for a name (FNV-1a hash). */
export function avatarTone(name: string): Tone {
  let hash = 0x811c9dc5;
  for (const ch of name.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

export type AvatarProps = {
  name: string;
  size?: "xs" | "sm" | "md" | "lg";
  /** Hide from assistive technology when the name is already next to it. */
  decorative?: boolean;
  className?: string;
};

export function Avatar({ name, size = "md", decorative, className }: AvatarProps) {
  return (
    <span
      className={cx(styles.avatar, styles[size], className)}
      data-tone={avatarTone(name)}
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      title={decorative ? undefined : name}
    >
      {initials(name)}
    </span>
  );
}
