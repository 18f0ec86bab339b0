import type { HostApi, SavedFile } from '../../../electron/api/contract';
import { buildReportHtml, type ReportInput } from '../../../simulation/report/buildReport';
import { csvTables } from '../../../simulation/report/csvTables';
import { fileStem } from '../../../simulation/report/sections/reproducibilitySection';
import { replayFor } from '../incidents/incidentsStore';
import { analysesFor } from '../state/analysisStore';
import type { RunMeta } from '../state/runStore';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { ReplayComparison } from '../../../simulation/replay/replayComparison';

export type ReportFormat = 'html' | 'pdf' | 'csv';

export interface ReportRequest {
  format: ReportFormat;
  title: string;
  question: string;
}

/**
 * The report of the last run: its own scenario (as run), its result, and the
 * analyses and replay that ran on that same scenario. `replay`: the replay
 * the user chose (null: none); by default the last one of that scenario.
 */
export function reportInputFor(meta: RunMeta, result: RunResult, request: Omit<ReportRequest, 'format'>, appVersion: string, now = new Date(), replay: ReplayComparison | null | undefined = replayFor(meta.scenarioHash)): ReportInput {
  const analyses = analysesFor(meta.scenarioHash);
  return {
    title: request.title.trim() || meta.scenario.name,
    question: request.question,
    createdAt: now.toISOString(),
    appVersion,
    scenario: meta.scenario,
    scenarioHash: meta.scenarioHash,
    variants: meta.variants,
    result,
    ...(Object.keys(analyses).length ? { analyses } : {}),
    ...(replay ? { replay } : {}),
  };
}

/**
 * Writes the report in the chosen format through the host: one HTML file,
 * one PDF (printed by the host), or one CSV file per table in a new folder.
 * Returns the files written (none if the user cancelled the dialog).
 */
export async function exportReport(host: HostApi, input: ReportInput, format: ReportFormat): Promise<SavedFile[]> {
  const stem = fileStem(input.title);
  const saved: (SavedFile | null)[] = [];
  if (format === 'csv') {
    // One file per table (spreadsheet programs open one table per CSV file, and the CLI writes the same files), all in one new folder.
    const files = Object.entries(csvTables(input.result)).map(([name, text]) => ({ name: `${stem} ${name}`, content: text, encoding: 'utf8' as const }));
    const written = await host.exportFolder({ folderName: `${stem} tables`, files });
    if (written) saved.push(...written.files);
  } else {
    const html = buildReportHtml(input);
    saved.push(
      format === 'html'
        ? await host.exportFile({ suggestedName: `${stem} report.html`, content: html, encoding: 'utf8' })
        : await host.exportFile({ suggestedName: `${stem} report.pdf`, content: await host.printReportPdf(html), encoding: 'base64' }),
    );
  }
  return saved.filter((f): f is SavedFile => f !== null);
}
