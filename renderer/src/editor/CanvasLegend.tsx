import { useState } from 'react';

const TEAM_TYPES = [
  ['stream-aligned', 'Stream-aligned team'],
  ['platform', 'Platform team'],
  ['enabling', 'Enabling team'],
  ['complicated-subsystem', 'Complicated-subsystem team'],
] as const;

/** A short line drawn as the canvas draws it. */
function Line({ className, width = 2, dash }: { className: string; width?: number; dash?: string }) {
  return (
    <svg className="legend-line" width="36" height="12" aria-hidden="true">
      <line x1="2" y1="6" x2="34" y2="6" className={className} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** What the canvas's lines, colours and shapes mean; opened from its corner. */
export function CanvasLegend() {
  const [open, setOpen] = useState(false);
  return (
    <div className="canvas-legend">
      <button type="button" className="btn legend-toggle" aria-expanded={open} aria-controls="canvas-legend" data-testid="legend-toggle" onClick={() => setOpen((o) => !o)}>
        Legend
      </button>
      {open && (
        <section id="canvas-legend" className="legend-panel" aria-label="Legend" data-testid="legend">
          <h3 className="legend-title">People and services</h3>
          <ul className="legend-list">
            <li>
              <Line className="legend-owner" width={3} /> owns the service (solid)
            </li>
            <li>
              <Line className="legend-knows" width={3} dash="5 4" /> knows the service (dashed)
            </li>
            <li>
              <Line className="legend-knows" width={1.2} dash="5 4" />
              <Line className="legend-knows" width={5} dash="5 4" /> thicker and darker: knows it better (0 to 100%)
            </li>
            <li>
              <span className="legend-chip legend-risk" data-risk="ok" /> service two or more people can restore
            </li>
            <li>
              <span className="legend-chip legend-risk" data-risk="single" /> only one person can restore it (bus factor 1)
            </li>
            <li>
              <span className="legend-chip legend-risk" data-risk="none" /> nobody can restore it quickly
            </li>
            <li>
              <span className="chip" data-sole="true">Skill 90</span> a skill only this person holds, level in percent
            </li>
          </ul>
          <h3 className="legend-title">Teams (Team Topologies)</h3>
          <ul className="legend-list">
            {TEAM_TYPES.map(([type, label]) => (
              <li key={type}>
                <span className="legend-chip legend-team" data-type={type} /> {label}
              </li>
            ))}
            <li>
              <Line className="legend-collaboration" width={3} /> collaboration
            </li>
            <li>
              <Line className="legend-x-as-a-service" width={2} dash="2 5" /> X-as-a-service
            </li>
            <li>
              <Line className="legend-facilitating" width={3} dash="10 6" /> facilitating
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
