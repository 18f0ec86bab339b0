import { fixKey, type RowFixes } from '../../../simulation/replay/importLog';
import type { ConvertedLog } from '../../../simulation/replay/importSession';

interface Props {
  converted: ConvertedLog;
  fixes: RowFixes;
  onFixes(f: RowFixes): void;
  logName: string;
  onLogName(name: string): void;
}

/** What will be imported and what skipped, and why; each bad row with its number and reason, and a field to fix it. */
export function ReviewStep({ converted, fixes, onFixes, logName, onLogName }: Props) {
  const reasons = Object.entries(converted.skippedBy).sort((a, b) => b[1] - a[1]);
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
        {converted.unmappedPeople.length > 0 && <p>Left out of the responders (not in the model): {converted.unmappedPeople.map((p) => `${p.name} (${p.rows} rows)`).join(', ')}.</p>}
        {converted.fileProblems.length > 0 && <p>In the file: {converted.fileProblems.slice(0, 5).map((p) => `row ${p.row} ${p.reason}`).join('; ')}.</p>}
      </div>
      {converted.badRowCount > 0 && (
        <>
          <p className="field-hint">Type a corrected value to import a row, or leave it to be skipped. Rows are numbered as in a spreadsheet (the header is row 1).</p>
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
                          <input
                            className="input fix-input"
                            aria-label={`Fix row ${b.row} ${b.field}`}
                            placeholder={b.value || 'value'}
                            value={fixes[key] ?? ''}
                            onChange={(e) => {
                              const next = { ...fixes };
                              if (e.target.value.trim()) next[key] = e.target.value;
                              else delete next[key];
                              onFixes(next);
                            }}
                          />
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
