/** The Handoff mark: two people-dots with a handoff arrow between them. */
export function BrandMark({ size = 22 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="0.5" y="0.5" width="23" height="23" rx="6" fill="var(--accent)" />
      <circle cx="7" cy="12" r="3" fill="var(--accent-text)" />
      <circle cx="17" cy="12" r="3" fill="none" stroke="var(--accent-text)" strokeWidth="1.6" />
      <path d="M10.5 12h3.2m-1.4-1.6 1.6 1.6-1.6 1.6" fill="none" stroke="var(--accent-text)" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
