import { ChartMenu } from '../charts/ChartMenu';
import { useEffect, useMemo, useRef, useState } from 'react';
import { HOUR_MS, incidentTimes, replayClock, workingHourToInstant } from '../../../simulation/replay/replayClock';
import { offDutySpans } from '../../../simulation/replay/replayModel';
import { momentAt, peopleInvolved } from '../../../simulation/replay/timeline';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { IncidentStory } from './IncidentStory';
import { instantLabel } from './instantLabel';
import { formatElapsed } from '../../../simulation/replay/elapsed';
import { useIncidentsStore } from './incidentsStore';
import { timelineChart, type TimelineBar, type TimelineData } from './timelineChart';

function timelineData(doc: Scenario, log: IncidentLog): Omit<TimelineData, 'cursor'> {
  const services = doc.services.filter((s) => log.incidents.some((i) => i.service === s.id));
  const people = peopleInvolved(log, doc.people);
  const serviceIndex = new Map(services.map((s, i) => [s.id, i]));
  const personName = new Map(doc.people.map((p) => [p.id, p.name]));
  const serviceName = new Map(doc.services.map((s) => [s.id, s.name]));
  // x is in real hours on the log's own clock (from the Monday of its first week, in its time zone).
  const clock = replayClock(log);
  const label = (h: number, withTime: boolean) => instantLabel(clock.toInstant(h), log.timeZone, withTime);
  const hoursOf = (iso: string) => clock.toHours(Date.parse(iso));
  const bars: TimelineBar[] = [];
  log.incidents.forEach((inc, index) => {
    const colour = serviceIndex.get(inc.service) ?? 0;
    const start = hoursOf(inc.start);
    const end = hoursOf(inc.resolved);
    const ack = inc.acknowledged === null ? null : hoursOf(inc.acknowledged);
    bars.push({ index, lane: `service:${inc.service}`, start, end, ack, colour });
    for (const p of inc.responders) bars.push({ index, lane: `person:${p}`, start, end, ack, colour });
  });
  const describe = (index: number) => {
    const inc = log.incidents[index]!;
    const t = incidentTimes(inc);
    return [
      `${inc.id}: ${inc.title || '(no title)'}`,
      `${serviceName.get(inc.service) ?? inc.service}${inc.urgency ? ` · ${inc.urgency} urgency` : ''} · ${instantLabel(t.start, log.timeZone, true)}`,
      `restored in ${formatElapsed((t.resolved - t.start) / HOUR_MS)} (at ${instantLabel(t.resolved, log.timeZone, true)})${t.acknowledged !== null ? `, acknowledged after ${formatElapsed((t.acknowledged - t.start) / HOUR_MS)}` : ''}`,
      `responders: ${inc.responders.map((p) => personName.get(p) ?? p).join(', ') || 'none recorded'}`,
    ];
  };
  bars.sort((a, b) => a.start - b.start);
  let last = 0;
  for (const bar of bars) last = Math.max(last, bar.end);
  const extent: [number, number] = [0, Math.max(168, Math.ceil(last / 168) * 168)];
  const absenceHours = (h: number) => clock.toHours(workingHourToInstant(h, doc.calendar, log.timeZone));
  return {
    lanes: [...services.map((s) => ({ id: `service:${s.id}`, name: s.name, kind: 'service' as const })), ...people.map((p) => ({ id: `person:${p.id}`, name: p.name, kind: 'person' as const }))],
    bars,
    absences: people.flatMap((p) => p.absences.map((a) => ({ lane: `person:${p.id}`, start: absenceHours(a.start), end: absenceHours(a.end), reason: a.reason }))),
    offHours: offDutySpans(clock, extent[1], doc.calendar),
    extent,
    hoursPerDay: 24,
    hoursPerWeek: 168,
    label,
    describe,
  };
}

/**
 * The log on a timeline, with a playback scrubber: the cursor moves through
 * time and the panel beside it says what was open and who was busy or away
 * at that moment.
 */
export function IncidentTimeline({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const ref = useRef<HTMLDivElement>(null);
  const clockRef = useRef(replayClock(log));
  const chart = useRef<ReturnType<typeof timelineChart> | null>(null);
  const cursorAt = useIncidentsStore((s) => s.cursor);
  const [playing, setPlaying] = useState(false);
  const base = useMemo(() => timelineData(doc, log), [doc, log]);
  const clock = useMemo(() => replayClock(log), [log]);
  // The store keeps the cursor as an instant; the chart works in hours on the log's clock.
  const cursor = Math.max(base.extent[0], Math.min(base.extent[1], clock.toHours(cursorAt)));
  const setCursor = (h: number) => useIncidentsStore.getState().setCursor(clock.toInstant(h));

  useEffect(() => {
    const el = ref.current!;
    const c = timelineChart(el, (t) => useIncidentsStore.getState().setCursor(clockRef.current.toInstant(t)));
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize(el.clientWidth, el.clientHeight));
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    clockRef.current = clock;
    chart.current?.update({ ...base, cursor });
  }, [base, cursor, clock]);

  useEffect(() => {
    if (!playing) return;
    // A day a second: the scrubber moves, the chart follows it.
    const step = 24 / 10;
    const id = window.setInterval(() => {
      const t = clock.toHours(useIncidentsStore.getState().cursor) + step;
      if (t >= base.extent[1]) setPlaying(false);
      useIncidentsStore.getState().setCursor(clock.toInstant(Math.min(Math.max(t, base.extent[0]), base.extent[1])));
    }, 100);
    return () => window.clearInterval(id);
  }, [playing, base, clock]);

  const now = clock.toInstant(cursor);
  const moment = useMemo(() => momentAt(log, doc.people, now, doc.calendar), [log, doc.people, now, doc.calendar]);
  const nowLabel = instantLabel(now, log.timeZone, true);
  const personName = (id: string) => doc.people.find((p) => p.id === id)?.name ?? id;
  const serviceName = (id: string) => doc.services.find((s) => s.id === id)?.name ?? id;

  return (
    <section className="chart-card timeline-card" data-testid="timeline">
      <header className="chart-head">
        <h3>Timeline</h3>
        <div className="timeline-tools">
          <button type="button" className="btn btn-ghost" data-testid="timeline-zoom-in" onClick={() => chart.current?.zoomBy(2)} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="btn btn-ghost" data-testid="timeline-zoom-out" onClick={() => chart.current?.zoomBy(0.5)} aria-label="Zoom out">
            −
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => chart.current?.fit()}>
            Whole log
          </button>
          <ChartMenu title="Incident timeline" name="incident-timeline" chart=".timeline-chart svg" />
        </div>
      </header>
      <p className="field-hint">
        Real dates and times in {log.timeZone}, around the clock. Scroll to zoom, drag to pan. Bars run from the start to the resolution; the tick is
        the acknowledgement. Shaded: working hours ({String(doc.calendar.dayStartHour ?? 9).padStart(2, '0')}:00 for {doc.calendar.hoursPerDay} h, {doc.calendar.daysPerWeek} days a week from Monday). Grey: planned absences.
      </p>
      <div className="timeline-chart" ref={ref} data-testid="timeline-chart" aria-label="Incident timeline" />
      <div className="scrubber">
        <button type="button" className="btn" data-testid="timeline-play" onClick={() => setPlaying((p) => !p)}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          className="scrubber-range"
          data-testid="timeline-scrubber"
          aria-label="Moment in the log"
          min={base.extent[0]}
          max={base.extent[1]}
          step={0.25}
          value={cursor}
          aria-valuetext={`${nowLabel} (${log.timeZone}), ${moment.open.length} open`}
          onChange={(e) => setCursor(Number(e.target.value))}
        />
        <span className="scrubber-time" data-testid="timeline-time">
          {nowLabel}
        </span>
      </div>
      <div className="moment" data-testid="timeline-moment">
        <div>
          <h4>Open ({moment.open.length})</h4>
          {moment.open.length === 0 ? (
            <p className="field-hint">Nothing open.</p>
          ) : (
            <ul>
              {moment.open.slice(0, 8).map((o) => (
                <li key={o.index}>
                  <details>
                    <summary>
                      <strong>{serviceName(o.service)}</strong> {o.id}: {o.title} <span className="field-hint">(for {formatElapsed((now - o.since) / HOUR_MS)})</span>
                    </summary>
                    <IncidentStory inc={log.incidents[o.index]!} timeZone={log.timeZone} personName={personName} />
                  </details>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>Busy</h4>
          {moment.busy.length === 0 ? <p className="field-hint">No one.</p> : <ul>{moment.busy.map((b) => <li key={b.person}>{personName(b.person)} on {b.incidents.join(', ')}</li>)}</ul>}
        </div>
        <div>
          <h4>Away</h4>
          {moment.away.length === 0 ? <p className="field-hint">No one.</p> : <ul>{moment.away.map((a) => <li key={a.person}>{personName(a.person)} until {instantLabel(a.until, log.timeZone, false)}</li>)}</ul>}
        </div>
      </div>
    </section>
  );
}
