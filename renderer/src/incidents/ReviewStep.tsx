import { useState } from 'react';
import { fixKey, type BadRow, type RowFixes } from '../../../simulation/replay/importLog';
import type { ConvertedLog } from '../../../simulation/replay/importSession';
import { FixInput } from './FixInput';

interface Props {
  converted: ConvertedLog;
  fixes: RowFixes;
  onFixes(f: RowFixes): void;
  logName: string;
  onLogName(name: string): void;
  dropBadAcks: boolean;
  onDropBadAcks(drop: boolean): void;
}

/** What will be imported and what skipped, and why; each bad row with its number and reason, and a field to fix it. */
export function ReviewStep({ converted, fixes, onFixes, logName, onLogName, dropBadAcks, onDropBadAcks }: Props) {
  const reasons = Object.entries(converted.skippedBy).sort((a, b) => b[1] - a[1]);
  // Rows the user fixed stay listed (with what was there and what they typed), so a fix can be reviewed and undone.
  const [fixedRows, setFixedRows] = useState<Record<string, BadRow>>({});
  const setFix = (b: BadRow, key: string, value: string | null) => {
    const next = { ...fixes };
    if (value === null) delete next[key];
    else next[key] = value;
    onFixes(next);
    setFixedRows((rows) => {
      const r = { ...rows };
      if (value === null) delete r[key];
      else r[key] = b;
      return r;
    });
  };
  const badAcks = converted.skippedBy['acknowledged outside the incident'] ?? 0;
  return (
    <div className="import-review" data-testid="import-review">
      <label className="field">
        <span className="field-label">Name of the log</span>
        <input className="input" data-testid="import-name" value={logName} onChange={(e) => onLogName(e.target.value)} />
      </label>
      <div className="import-summary" data-testid="import-summary">
        <p>
          <strong data-testid="import-count">{converted.imported.toLocaleString('en')}</strong> incidents will be imported from {converted.rowsRead.toLocaleString('en')} rows;{' '}
          <strong data-testid="skip-count">{converted.skipped.toLocaleString('en')}</strong> rows skipped{reasons.length ? ':' : '.'}
        </p>
        {reasons.length > 0 && (
          <ul>
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                {n} {reason}
              </li>
            ))}
          </ul>
        )}
        {(badAcks > 0 || dropBadAcks) && (
          <label className="check">
            <input type="checkbox" data-testid="drop-bad-acks" checked={dropBadAcks} onChange={(e) => onDropBadAcks(e.target.checked)} />
            Import rows whose acknowledgement is outside the incident without it
            {converted.acknowledgementsDropped > 0 ? ` (${converted.acknowledgementsDropped} rows)` : badAcks > 0 ? ` (${badAcks} rows)` : ''}
          </label>
        )}
        {converted.unmappedPeople.length > 0 && <p>Left out of the responders (not in the model): {converted.unmappedPeople.map((p) => `${p.name} (${p.rows} rows)`).join(', ')}.</p>}
        {converted.fileProblems.length > 0 && <p>In the file: {converted.fileProblems.slice(0, 5).map((p) => `row ${p.row} ${p.reason}`).join('; ')}.</p>}
      </div>
      {Object.keys(fixedRows).length > 0 && (
        <div className="bad-rows">
          <table className="data-table" data-testid="fixed-rows">
            <caption>Fixed by you ({Object.keys(fixedRows).length})</caption>
            <thead>
              <tr>
                <th>Row</th>
                <th>Field</th>
                <th>Was</th>
                <th>Now</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {Object.entries(fixedRows).map(([key, b]) => (
                <tr key={key} data-testid={`fixed-row-${b.row}`}>
                  <td>{b.row}</td>
                  <td>{b.field}</td>
                  <td>{b.value || '(empty)'}</td>
                  <td>{fixes[key] === '' ? '(left out)' : fixes[key]}</td>
                  <td>
                    <button type="button" className="btn btn-ghost" onClick={() => setFix(b, key, null)}>
                      Undo
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {converted.badRowCount > 0 && (
        <>
          <p className="field-hint">Type a corrected value and press Enter to import a row, or leave it to be skipped. Rows are numbered as in a spreadsheet (the header is row 1).</p>
          <div className="bad-rows">
            <table className="data-table" data-testid="bad-rows">
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Field</th>
                  <th>Reason</th>
                  <th>Fix</th>
                </tr>
              </thead>
              <tbody>
                {converted.badRows.map((b) => {
                  const key = fixKey(b.row, b.column ?? b.field);
                  return (
                    <tr key={`${key}:${b.category}`} data-testid={`bad-row-${b.row}`}>
                      <td>{b.row}</td>
                      <td>
                        {b.field}
                        {b.column && <span className="field-hint"> ({b.column})</span>}
                      </td>
                      <td>{b.reason}</td>
                      <td>
                        {b.field === 'service' || !b.column ? (
                          <span className="field-hint">map it in step 2</span>
                        ) : (
                          <span className="fix-cell">
                            <FixInput label={`Fix row ${b.row} ${b.field}`} placeholder={b.value || 'value'} value={fixes[key] ?? ''} onCommit={(v) => setFix(b, key, v.trim() ? v : null)} />
                            {b.category === 'acknowledged outside the incident' && (
                              <button type="button" className="btn btn-ghost" data-testid={`drop-ack-${b.row}`} onClick={() => setFix(b, key, '')}>
                                Without it
                              </button>
                            )}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {converted.badRowCount > converted.badRows.length && (
            <p className="field-hint">
              The first {converted.badRows.length} of {converted.badRowCount.toLocaleString('en')} problems are listed.
            </p>
          )}
        </>
      )}
    </div>
  );
}
