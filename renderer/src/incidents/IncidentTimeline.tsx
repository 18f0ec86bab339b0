import { ChartMenu } from '../charts/ChartMenu';
import { useEffect, useMemo, useRef, useState } from 'react';
import { momentAt, peopleInvolved } from '../../../simulation/replay/timeline';
import { workingHoursToDate } from '../../../simulation/replay/workingTime';
import type { Calendar, IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { formatHours } from '../../../simulation/report/format';
import { useIncidentsStore } from './incidentsStore';
import { timelineChart, type TimelineBar, type TimelineData } from './timelineChart';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 12 Jan" or "12 Jan 14:30" for a working hour on the scenario's calendar. */
export function dateLabel(calendar: Calendar, hours: number, withTime: boolean): string {
  const d = workingHoursToDate(hours, calendar);
  const [, m, day] = d.date.split('-').map(Number) as [number, number, number];
  const time = `${String(Math.floor(d.minutes / 60)).padStart(2, '0')}:${String(d.minutes % 60).padStart(2, '0')}`;
  return withTime ? `${day} ${MONTHS[m - 1]} ${time}` : `${DAYS[d.weekday]} ${day} ${MONTHS[m - 1]}`;
}

function timelineData(doc: Scenario, log: IncidentLog): Omit<TimelineData, 'cursor'> {
  const services = doc.services.filter((s) => log.incidents.some((i) => i.service === s.id));
  const people = peopleInvolved(log, doc.people);
  const serviceIndex = new Map(services.map((s, i) => [s.id, i]));
  const personName = new Map(doc.people.map((p) => [p.id, p.name]));
  const serviceName = new Map(doc.services.map((s) => [s.id, s.name]));
  const label = (h: number, withTime: boolean) => dateLabel(doc.calendar, h, withTime);
  const bars: TimelineBar[] = [];
  log.incidents.forEach((inc, index) => {
    const colour = serviceIndex.get(inc.service) ?? 0;
    bars.push({ index, lane: `service:${inc.service}`, start: inc.start, end: inc.resolved, ack: inc.acknowledged, colour });
    for (const p of inc.responders) bars.push({ index, lane: `person:${p}`, start: inc.start, end: inc.resolved, ack: inc.acknowledged, colour });
  });
  const describe = (index: number) => {
    const inc = log.incidents[index]!;
    return [
      `${inc.id}: ${inc.title || '(no title)'}`,
      `${serviceName.get(inc.service) ?? inc.service} · ${label(inc.start, true)}`,
      `restored in ${formatHours(inc.resolved - inc.start)} (working time)${inc.acknowledged !== null ? `, acknowledged after ${formatHours(inc.acknowledged - inc.start)}` : ''}`,
      `responders: ${inc.responders.map((p) => personName.get(p) ?? p).join(', ') || 'none recorded'}`,
    ];
  };
  bars.sort((a, b) => a.start - b.start);
  let first = Infinity;
  let last = -Infinity;
  for (const inc of log.incidents) {
    first = Math.min(first, inc.start);
    last = Math.max(last, inc.resolved);
  }
  const week = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;
  return {
    lanes: [...services.map((s) => ({ id: `service:${s.id}`, name: s.name, kind: 'service' as const })), ...people.map((p) => ({ id: `person:${p.id}`, name: p.name, kind: 'person' as const }))],
    bars,
    absences: people.flatMap((p) => p.absences.map((a) => ({ lane: `person:${p.id}`, start: a.start, end: a.end, reason: a.reason }))),
    extent: Number.isFinite(first) ? [Math.floor(first / week) * week, Math.ceil(last / week) * week] : [0, week],
    hoursPerDay: doc.calendar.hoursPerDay,
    hoursPerWeek: week,
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
  const chart = useRef<ReturnType<typeof timelineChart> | null>(null);
  const cursor = useIncidentsStore((s) => s.cursor);
  const setCursor = useIncidentsStore((s) => s.setCursor);
  const [playing, setPlaying] = useState(false);
  const base = useMemo(() => timelineData(doc, log), [doc, log]);

  useEffect(() => {
    const el = ref.current!;
    const c = timelineChart(el, (t) => useIncidentsStore.getState().setCursor(t));
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
    chart.current?.update({ ...base, cursor });
  }, [base, cursor]);

  useEffect(() => {
    if (!playing) return;
    // A working day a second: the scrubber moves, the chart follows it.
    const step = base.hoursPerDay / 10;
    const id = window.setInterval(() => {
      const t = useIncidentsStore.getState().cursor + step;
      if (t >= base.extent[1]) setPlaying(false);
      setCursor(Math.min(t, base.extent[1]));
    }, 100);
    return () => window.clearInterval(id);
  }, [playing, base, setCursor]);

  const moment = useMemo(() => momentAt(log, doc.people, cursor), [log, doc.people, cursor]);
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
      <p className="field-hint">Scroll to zoom, drag to pan. Bars run from the start to the resolution in working time; the tick is the acknowledgement. Grey: planned absences.</p>
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
          onChange={(e) => setCursor(Number(e.target.value))}
        />
        <span className="scrubber-time" data-testid="timeline-time">
          {base.label(cursor, true)}
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
                  <strong>{serviceName(o.service)}</strong> {o.id}: {o.title} <span className="field-hint">(for {formatHours(cursor - o.since)})</span>
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
          {moment.away.length === 0 ? <p className="field-hint">No one.</p> : <ul>{moment.away.map((a) => <li key={a.person}>{personName(a.person)} until {base.label(a.until, false)}</li>)}</ul>}
        </div>
      </div>
    </section>
  );
}
