import { GIT_LOG_COMMAND } from '../../../simulation/orgImport/gitLog';

/** Step 1: which files, and how to make the git history export. */
export function OrgFileStep({ onFiles }: { onFiles(files: File[]): void }) {
  return (
    <div className="import-file org-file-step">
      <p>Choose any of these, together (hold Ctrl or Shift to pick several). Each file is recognised by its name and content, read on your machine, and never leaves it.</p>
      <ul className="org-sources">
        <li>
          <b>People</b> (CSV, any column names): name, team, role, skills such as <code>python:0.8; sql:0.6</code>, availability (<code>0.6</code>, <code>60%</code> or <code>3/5</code>), email.
        </li>
        <li>
          <b>Backstage catalog</b> (<code>catalog-info.yaml</code>, several documents per file and several files): Groups become teams (<code>spec.type</code> names the Team Topologies type where it
          is one), Users people, Components and Systems services with their owners.
        </li>
        <li>
          <b>CODEOWNERS</b>: who owns which folder (the last matching pattern wins, as on GitHub).
        </li>
        <li>
          <b>Git history</b>, for who knows which service. In the repository, run:
          <pre className="org-command" data-testid="org-git-command">{GIT_LOG_COMMAND}</pre>
        </li>
      </ul>
      <label className="field">
        <span className="field-label">Files</span>
        <input className="input" type="file" multiple data-testid="org-import-files" onChange={(e) => e.target.files?.length && onFiles([...e.target.files])} />
      </label>
    </div>
  );
}
