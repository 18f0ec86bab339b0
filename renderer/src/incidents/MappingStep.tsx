import { clock } from '../../../simulation/scenario/validate';
import { dayStartOf } from '../../../simulation/replay/workingTime';
import { DATE_FORMAT_LABELS, DATE_FORMATS, isTimeZone, type DateFormat } from '../../../simulation/replay/dates';
import type { ColumnMapping } from '../../../simulation/replay/columnMapping';
import type { ConvertedLog, LogName, ParsedLog } from '../../../simulation/replay/importSession';
import { useDocumentStore } from '../state/documentStore';
import { ADD, type NameChoices } from './importCommand';
import { ownValue } from '../../../simulation/scenario/idMap';

const ROLES = [
  { key: 'start', label: 'Started', required: true },
  { key: 'resolved', label: 'Resolved', required: true },
  { key: 'resolvedSeconds', label: 'or seconds to resolve', required: false },
  { key: 'acknowledged', label: 'Acknowledged', required: false },
  { key: 'acknowledgedSeconds', label: 'or seconds to acknowledge', required: false },
  { key: 'service', label: 'Service', required: true },
  { key: 'title', label: 'Title', required: false },
  { key: 'id', label: 'Incident id', required: false },
] as const;

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

interface Props {
  parsed: ParsedLog;
  mapping: ColumnMapping;
  onMapping(m: ColumnMapping): void;
  converted: ConvertedLog | null;
  services: NameChoices;
  people: NameChoices;
  onServices(c: NameChoices): void;
  onPeople(c: NameChoices): void;
}

/** Which column holds what, how times are written and in which zone, and what the log's names are in the model. */
export function MappingStep({ parsed, mapping, onMapping, converted, services, people, onServices, onPeople }: Props) {
  const doc = useDocumentStore((s) => s.doc)!;
  const zoneOk = isTimeZone(mapping.timeZone);
  return (
    <div className="import-mapping">
      <fieldset className="import-columns">
        <legend>Columns</legend>
        {ROLES.map((r) => (
          <label key={r.key} className="field">
            <span className="field-label">
              {r.label}
              {r.required ? ' *' : ''}
            </span>
            <select className="input" data-testid={`column-${r.key}`} value={mapping[r.key] ?? ''} onChange={(e) => onMapping({ ...mapping, [r.key]: e.target.value || null })}>
              <option value="">(none)</option>
              {parsed.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field">
          <span className="field-label">Responders</span>
          <select className="input" multiple size={3} data-testid="column-responders" value={mapping.responders} onChange={(e) => onMapping({ ...mapping, responders: [...e.target.selectedOptions].map((o) => o.value) })}>
            {parsed.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Date format</span>
          <select className="input" data-testid="import-date-format" value={mapping.dateFormat} onChange={(e) => onMapping({ ...mapping, dateFormat: e.target.value as DateFormat })}>
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {DATE_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Team time zone</span>
          <input className="input" list="import-zones" data-testid="import-timezone" value={mapping.timeZone} aria-invalid={!zoneOk} onChange={(e) => onMapping({ ...mapping, timeZone: e.target.value.trim() })} />
          <datalist id="import-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <span className="field-hint">For times without an offset, and the team&apos;s working day ({doc.calendar.hoursPerDay} h from {clock(dayStartOf(doc.calendar))}, from {doc.calendar.startDate}; set on the Workload tab).</span>
        </label>
      </fieldset>
      {converted?.error && (
        <p className="field-error" data-testid="mapping-error">
          {converted.error}
        </p>
      )}
      {converted && !converted.error && (
        <p className="import-tally" data-testid="import-tally">
          {converted.imported.toLocaleString('en')} of {converted.rowsRead.toLocaleString('en')} rows will be imported, {converted.skipped.toLocaleString('en')} skipped.
        </p>
      )}
      {converted && (
        <div className="import-names">
          <NameTable title="Services" what="service" names={converted.names.services} entities={doc.services} choices={services} onChoices={onServices} unmapped="Not mapped: skip its rows" />
          <NameTable title="People" what="person" names={converted.names.people} entities={doc.people} choices={people} onChoices={onPeople} unmapped="Leave out of the responders" />
        </div>
      )}
    </div>
  );
}

function NameTable(props: { title: string; what: string; names: LogName[]; entities: { id: string; name: string }[]; choices: NameChoices; onChoices(c: NameChoices): void; unmapped: string }) {
  const { title, what, names, entities, choices, onChoices, unmapped } = props;
  if (names.length === 0) return null;
  return (
    <table className="data-table name-table" data-testid={`names-${what}`}>
      <caption>{title} in the log, and what they are in the model</caption>
      <thead>
        <tr>
          <th>In the log</th>
          <th>Rows</th>
          <th>In the model</th>
        </tr>
      </thead>
      <tbody>
        {names.map((n) => {
          const value = ownValue(choices, n.name) ?? n.mapped ?? '';
          return (
            <tr key={n.name} data-unmapped={value === '' || undefined}>
              <th scope="row">{n.name}</th>
              <td>{n.rows}</td>
              <td>
                <select className="input" data-testid={`map-${what}-${n.name}`} value={value} aria-label={`${n.name} in the model`} onChange={(e) => onChoices({ ...choices, [n.name]: e.target.value })}>
                  <option value="">{unmapped}</option>
                  {entities.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                  <option value={ADD}>Add &quot;{n.name}&quot; to the model</option>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
