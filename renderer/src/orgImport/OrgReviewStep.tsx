import type { OrgBuilt } from '../../../simulation/orgImport/importSession';
import { IMPORTED_SERVICE_DEFAULTS } from '../../../simulation/orgImport/mergePlan';
import { PEOPLE_ROLES, peopleFixKey, type PeopleFixes, type PeopleRole } from '../../../simulation/orgImport/peopleCsv';

interface Props {
  built: OrgBuilt;
  fixes: PeopleFixes;
  onFixes(f: PeopleFixes): void;
  peopleFile: string | null;
}

/** Step 3: what will be added and changed (the preview), every problem by file and line with a fix field for people rows, and notes. */
export function OrgReviewStep({ built, fixes, onFixes, peopleFile }: Props) {
  const { plan, problems, org } = built;
  const adds = plan.changes.filter((c) => c.kind === 'add');
  const changes = plan.changes.filter((c) => c.kind === 'change');
  const d = IMPORTED_SERVICE_DEFAULTS;
  return (
    <div className="import-review" data-testid="org-import-review">
      <div className="import-summary" data-testid="org-import-summary">
        <p>
          <strong>{plan.addTeams.length}</strong> {plural(plan.addTeams.length, 'team')}, <strong>{plan.addPeople.length}</strong> {plan.addPeople.length === 1 ? 'person' : 'people'},{' '}
          <strong>{plan.addServices.length}</strong> {plural(plan.addServices.length, 'service')} and <strong>{plan.addSkills.length}</strong> {plural(plan.addSkills.length, 'skill')} will be added to the base
          scenario; <strong>{changes.length}</strong> {changes.length === 1 ? 'thing' : 'things'} in it change. <strong data-testid="org-problem-count">{problems.length}</strong> {plural(problems.length, 'problem')} left out.
        </p>
        {plan.addServices.length > 0 && (
          <p className="field-hint">
            New services get a starting workload ({d.incidentsPerHour} incidents and {d.workPerHour} work items per working hour, repair {d.repairMeanHours} h on average): set it on the Workload tab, or calibrate it from an
            incident log.
          </p>
        )}
      </div>
      {plan.changes.length > 0 && (
        <ul className="org-changes" data-testid="org-changes" aria-label="What the import adds and changes">
          {[...changes, ...adds].map((c, i) => (
            <li key={i} data-kind={c.kind}>
              {c.kind === 'add' ? 'Add' : 'Change'} {c.text}
            </li>
          ))}
        </ul>
      )}
      {org.notes.length > 0 && (
        <ul className="org-notes" data-testid="org-notes">
          {org.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {(problems.length > 0 || Object.keys(fixes).length > 0) && (
        <>
          <p className="field-hint">Each problem with its file and line. A people row with a field that cannot be read is left out; type a corrected value to import it.</p>
          <div className="bad-rows">
            <table className="data-table" data-testid="org-problems">
              <thead>
                <tr>
                  <th>File</th>
                  <th>Line</th>
                  <th>Field</th>
                  <th>Reason</th>
                  <th>Fix</th>
                </tr>
              </thead>
              <tbody>
                {[...problems, ...fixedRows(problems, fixes, peopleFile)].map((p, i) => {
                  const fixable = p.file === peopleFile && p.line !== null && (PEOPLE_ROLES as readonly string[]).includes(p.field ?? '');
                  const key = fixable ? peopleFixKey(p.line!, p.field as PeopleRole) : '';
                  return (
                    <tr key={`${p.file}:${p.line}:${p.field}:${i}`}>
                      <td>{p.file}</td>
                      <td>{p.line ?? ''}</td>
                      <td>{p.field ?? ''}</td>
                      <td>{p.reason}</td>
                      <td>
                        {fixable && (
                          <input
                            className="input fix-input"
                            aria-label={`Fix line ${p.line} ${p.field}`}
                            placeholder={p.value || 'value'}
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
        </>
      )}
    </div>
  );
}

/** Rows fixed already stay in the table (with their fix), so the field being typed in does not vanish once the value reads. */
function fixedRows(problems: OrgBuilt['problems'], fixes: PeopleFixes, peopleFile: string | null): OrgBuilt['problems'] {
  if (!peopleFile) return [];
  return Object.keys(fixes)
    .map((key) => {
      const [line, field] = key.split(':');
      return { file: peopleFile, line: Number(line), field, reason: 'fixed: imported with the value typed' };
    })
    .filter((f) => !problems.some((p) => p.file === f.file && p.line === f.line && p.field === f.field));
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
