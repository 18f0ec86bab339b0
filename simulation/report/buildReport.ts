/**
 * A run's report as one self-contained HTML file: inline CSS, charts as
 * inline SVG, no script to run and nothing fetched, so it reads the same
 * offline, in any browser and on paper (print styles for the PDF), and it
 * carries the scenario it was made from (see embed.ts).
 *
 * Pure: the same input gives the same text, so the app, the command line
 * and the tests make identical reports.
 */
import { serializeScenario } from '../scenario/serialize';
import { embedScenario } from './embed';
import { esc } from './html';
import { reportCss } from './reportCss';
import { analysesSection } from './sections/analysesSection';
import { assumptionsSection } from './sections/assumptionsSection';
import { changesSection } from './sections/changesSection';
import { limitsSection } from './sections/limitsSection';
import { modelSection } from './sections/modelSection';
import { replaySection } from './sections/replaySection';
import { transitionSection } from './sections/transitionSection';
import { formatUtc, reproducibilitySection } from './sections/reproducibilitySection';
import { chartsSection, headlineSection } from './sections/resultsSection';
import type { ReportInput } from './types';

export type { ReplayComparison, ReportAnalyses, ReportInput } from './types';

/** The sections every report has, and those it has when their analysis was run; ids are anchors and test hooks. */
export const REPORT_SECTIONS = [
  { id: 'question', title: 'The question' },
  { id: 'headline', title: 'The headline comparison' },
  { id: 'model', title: 'The model' },
  { id: 'changes', title: 'What changes', optional: true },
  { id: 'transition', title: 'The transition', optional: true },
  { id: 'assumptions', title: 'Assumptions and parameters' },
  { id: 'charts', title: 'The results in detail' },
  { id: 'analyses', title: 'Stress test and sensitivity', optional: true },
  { id: 'replay', title: 'Incident replay', optional: true },
  { id: 'limits', title: 'Limits of the model' },
  { id: 'reproducibility', title: 'Reproducing this report' },
] as const;

export function buildReportHtml(input: ReportInput): string {
  const { scenario, result } = input;
  const text = serializeScenario(scenario);
  const title = input.title.trim() || scenario.name;
  const date = formatUtc(input.createdAt);
  const analyses = input.analyses ? analysesSection(input.analyses, scenario.calendar) : '';
  const replay = input.replay ? replaySection(input.replay) : '';
  const changes = changesSection(scenario, input.variants);
  const transition = transitionSection(input.transitions ?? (input.analyses?.transition ? [input.analyses.transition] : undefined), scenario.calendar);
  const present = REPORT_SECTIONS.filter((s) => s.id !== 'question' && (s.id !== 'analyses' || analyses) && (s.id !== 'replay' || replay) && (s.id !== 'changes' || changes) && (s.id !== 'transition' || transition));
  const toc = `<nav class="toc" aria-label="Contents"><ol>${present.map((s) => `<li><a href="#${s.id}">${esc(s.id === 'replay' && input.replay ? `Replay of ${input.replay.logName}` : s.title)}</a></li>`).join('')}</ol></nav>`;
  const cover = `<header class="cover" id="question" data-section="question"><p class="kicker">Handoff report</p><h1>${esc(title)}</h1><p class="meta">${esc(scenario.name)} · ${esc(date)} · ${result.variants.length} structures compared, ${result.replications} replications each</p>${
    input.question.trim() ? `<p class="question" data-testid="report-question"><b>The question:</b> ${esc(input.question.trim())}</p>` : ''
  }${toc}</header>`;
  const body = [
    cover,
    headlineSection(result, scenario.calendar),
    modelSection(scenario),
    changes,
    transition,
    assumptionsSection(scenario, input.variants, result.replications, result.seed),
    chartsSection(result, scenario),
    analyses,
    replay,
    limitsSection(result),
    reproducibilitySection({ scenario, scenarioHash: input.scenarioHash, appVersion: input.appVersion, createdAt: input.createdAt, result, variants: input.variants }),
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere: no scripts, no network; styles and images are inline.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Handoff ${esc(input.appVersion)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${reportCss(title, `Handoff ${input.appVersion} · scenario ${input.scenarioHash.slice(0, 12)} · ${date}`)}</style>`,
    '</head>',
    '<body>',
    `<main>${body}<footer class="end">Made with Handoff ${esc(input.appVersion)} on ${esc(date)}. The scenario is embedded in this file.</footer></main>`,
    embedScenario(text, input.scenarioHash),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
