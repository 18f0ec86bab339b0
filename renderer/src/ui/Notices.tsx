import { useEffect } from 'react';
import { useSessionStore, type Notice } from '../state/sessionStore';

/** Messages in the corner: successes fade after a few seconds, errors stay until dismissed. */
export function Notices() {
  const notices = useSessionStore((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const dismiss = useSessionStore((s) => s.dismiss);
  useEffect(() => {
    if (notice.kind === 'error') return;
    const timer = window.setTimeout(() => dismiss(notice.id), 4000);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice" data-kind={notice.kind} data-testid={`notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-bar" />
      <div>
        <div className="notice-title">{notice.title}</div>
        {notice.details && notice.details.length > 0 && (
          <ul className="notice-details">
            {notice.details.slice(0, 12).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {notice.details.length > 12 && <li>and {notice.details.length - 12} more</li>}
          </ul>
        )}
      </div>
      <button type="button" className="btn btn-ghost icon-btn" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}
