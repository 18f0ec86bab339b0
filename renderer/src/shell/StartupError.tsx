import { BrandMark } from '../ui/BrandMark';

/** Shown when the page cannot reach its host (e.g. opened without the token). */
export function StartupError({ message }: { message: string }) {
  return (
    <div className="empty-state" data-testid="startup-error">
      <div className="empty-card">
        <BrandMark />
        <h1 className="empty-title">Handoff cannot start here</h1>
        <p className="empty-text">{message}</p>
      </div>
    </div>
  );
}
