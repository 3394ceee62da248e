// The Legible mark: a paper node feeding two downstream nodes, the shape of a project map.
export function LogoMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden focusable="false">
      <rect width="24" height="24" rx="6" fill="var(--accent)" />
      <path d="M8 12 16.5 7.5M8 12l8.5 4.5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" opacity="0.75" />
      <circle cx="7.5" cy="12" r="2.75" fill="#fff" />
      <circle cx="16.5" cy="7.5" r="2.1" fill="#fff" />
      <circle cx="16.5" cy="16.5" r="2.1" fill="#fff" />
    </svg>
  );
}
