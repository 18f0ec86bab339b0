import { useState } from 'react';
import { MODEL_PERSON } from '../../../simulation/orgImport/history';
import type { OrgBuilt, OrgRead } from '../../../simulation/orgImport/importSession';
import { PEOPLE_ROLES, type PeopleMapping, type PeopleRole } from '../../../simulation/orgImport/peopleCsv';
import { SOURCE_LABELS } from '../../../simulation/orgImport/readSources';
import { ADD_PERSON, type OrgChoices } from '../../../simulation/orgImport/sources';
import type { Person, Service } from '../../../simulation/scenario/schema';

const ROLE_LABELS: Record<PeopleRole, string> = { name: 'Name *', team: 'Team', role: 'Role', skills: 'Skills (python:0.8; sql:0.6)', availability: 'Availability', email: 'Email' };

interface Props {
  read: OrgRead;
  mapping: PeopleMapping | null;
  onMapping(m: PeopleMapping): void;
  choices: OrgChoices;
  onChoices(c: OrgChoices): void;
  built: OrgBuilt | null;
  modelPeople: readonly Person[];
  modelServices: readonly Service[];
}

/** Step 2: the people file's columns, the repository's folders as services, the history's authors as people, and how fast knowledge fades. */
export function OrgMapStep({ read, mapping, onMapping, choices, onChoices, built, modelPeople, modelServices }: Props) {
  const [newFolder, setNewFolder] = useState('');
  const org = built?.org;
  const serviceNames = [...new Set([...(org?.services.map((s) => s.name) ?? []), ...modelServices.map((s) => s.name)])];
  // Authors can be anyone the other sources or the scenario name, never someone only the history added.
  const people = (org?.people ?? []).filter((p) => !p.source.endsWith('(author)') && p.source !== 'scenario');
  const modelOnly = modelPeople.filter((m) => !people.some((p) => p.name.toLowerCase() === m.name.toLowerCase()));
  return (
    <div className="import-mapping">
      <ul className="org-files" data-testid="org-import-files-read">
        {read.files.map((f) => (
          <li key={f.name}>
            <b>{f.name}</b>: {f.kind ? SOURCE_LABELS[f.kind] : 'not recognised, left out'}
            {f.kind === 'catalog' && read.catalog && ` (${read.catalog.groups} groups, ${read.catalog.users} users, ${read.catalog.services} components and systems in all catalog files)`}
            {f.kind === 'git' && read.git && ` (${read.git.commits} commits${read.git.merges ? `, ${read.git.merges} merges skipped` : ''})`}
            {f.kind === 'codeowners' && read.codeowners && ` (${read.codeowners.rules} rules)`}
            {f.kind === 'people' && read.people && ` (${read.people.rows} rows)`}
          </li>
        ))}
      </ul>
      {read.people && mapping && (
        <fieldset className="import-columns" data-testid="org-people-columns">
          <legend>Columns of {read.people.file}</legend>
          {PEOPLE_ROLES.map((r) => (
            <label key={r} className="field">
              <span className="field-label">{ROLE_LABELS[r]}</span>
              <select className="input" aria-label={`Column for ${r}`} value={mapping[r] ?? ''} onChange={(e) => onMapping({ ...mapping, [r]: e.target.value || null })}>
                <option value="">(none)</option>
                {read.people!.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {built && (
        <p className="import-tally" data-testid="org-import-tally">
          {org!.teams.length} teams, {org!.people.length} people, {org!.services.length} services; {built.problems.length} problem{built.problems.length === 1 ? '' : 's'}.
        </p>
      )}
      {read.git && (
          <div className="org-inline">
            <label className="field">
              <span className="field-label">Knowledge half-life (days)</span>
              <input
                className="input org-half-life"
                type="number"
                min={0}
                step={30}
                data-testid="org-half-life"
                value={choices.halfLifeDays}
                onChange={(e) => Number.isFinite(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && onChoices({ ...choices, halfLifeDays: e.target.valueAsNumber })}
              />
            </label>
            <p className="field-hint">
              Knowledge of a file is its degree of authorship (Fritz et al.; weights of Avelino et al. 2016), halved for every half-life since the person last changed it, up to the newest commit; a service&apos;s is the mean over its files. 0: no fading.
            </p>
          </div>
      )}
      {(read.git || read.codeowners) && (
        <>
          <div className="org-tables">
            <div className="org-table-wrap">
              <table className="data-table name-table" data-testid="org-folders">
                <caption>Folders of the repository, and the service each belongs to</caption>
                <thead>
                  <tr>
                    <th>Folder</th>
                    <th>Files</th>
                    <th>Service (empty: not a service)</th>
                  </tr>
                </thead>
                <tbody>
                  {choices.pathRules.map((r, i) => (
                    <tr key={r.prefix} data-unmapped={r.service === '' || undefined}>
                      <th scope="row">{r.prefix || '(root)'}</th>
                      <td>{read.history.filesPerFolder[r.prefix] ?? 0}</td>
                      <td>
                        <input
                          className="input"
                          list="org-service-names"
                          aria-label={`Service of ${r.prefix || 'the root'}`}
                          value={r.service}
                          onChange={(e) => onChoices({ ...choices, pathRules: choices.pathRules.map((x, k) => (k === i ? { ...x, service: e.target.value } : x)) })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <datalist id="org-service-names">
                {serviceNames.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
            </div>
            {read.git && (
            <div className="org-table-wrap">
              <table className="data-table name-table" data-testid="org-authors">
                <caption>Authors in the history, and who they are</caption>
                <thead>
                  <tr>
                    <th>Author</th>
                    <th>Commits</th>
                    <th>Person</th>
                  </tr>
                </thead>
                <tbody>
                  {read.history.identities.map((id) => {
                    const value = choices.authors[id.key] ?? id.suggestion;
                    return (
                      <tr key={id.key} data-unmapped={value === '' || undefined}>
                        <th scope="row">
                          {id.names.join(' / ')}
                          <span className="org-emails">{id.emails.join(', ')}</span>
                        </th>
                        <td>{id.commits}</td>
                        <td>
                          <select className="input" aria-label={`${id.names[0]} is`} value={value} onChange={(e) => onChoices({ ...choices, authors: { ...choices.authors, [id.key]: e.target.value } })}>
                            <option value="">Leave out{id.bot ? ' (a bot)' : ''}</option>
                            <option value={ADD_PERSON}>Add as a new person</option>
                            {people.map((p) => (
                              <option key={p.key} value={p.key}>
                                {p.name}
                              </option>
                            ))}
                            {modelOnly.map((p) => (
                              <option key={p.id} value={`${MODEL_PERSON}${p.id}`}>
                                {p.name} (in the scenario)
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            )}
          </div>
          <form
            className="org-inline"
            onSubmit={(e) => {
              e.preventDefault();
              const prefix = newFolder.trim().replace(/^\/+|\/+$/g, '');
              if (!prefix || choices.pathRules.some((r) => r.prefix === prefix)) return;
              onChoices({ ...choices, pathRules: [...choices.pathRules, { prefix, service: prefix.split('/').pop()! }] });
              setNewFolder('');
            }}
          >
            <label className="field">
              <span className="field-label">Another folder (a deeper one takes precedence)</span>
              <input className="input" placeholder="services/billing/worker" value={newFolder} onChange={(e) => setNewFolder(e.target.value)} />
            </label>
            <button type="submit" className="btn" disabled={!newFolder.trim()}>
              Add folder
            </button>
          </form>
        </>
      )}
    </div>
  );
}
