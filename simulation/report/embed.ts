/**
 * The scenario inside a report: its canonical text in a
 * `<script type="application/json" id="handoff-scenario">` element, which
 * browsers never run, with every `<` written as `\u003c` (the same character
 * to JSON) so that no text in the scenario can end the element early.
 * Opening the report in Handoff reads it back, byte for byte.
 */

export const SCENARIO_ELEMENT_ID = 'handoff-scenario';

/** The element that carries the scenario's text. */
export function embedScenario(text: string, sha256: string): string {
  return `<script type="application/json" id="${SCENARIO_ELEMENT_ID}" data-sha256="${sha256}">${text.replace(/</g, '\\u003c')}</script>`;
}

export type ExtractedScenario = { ok: true; text: string; sha256: string | null } | { ok: false; error: string };

const ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The scenario text embedded in a report's HTML, exactly as it was written
 * (so its SHA-256 is the one the report prints), or why there is none.
 */
export function extractScenarioFromReport(html: string, fileName = 'the file'): ExtractedScenario {
  for (const m of html.matchAll(ELEMENT)) {
    const attributes = m[1]!;
    if (!new RegExp(`\\bid\\s*=\\s*["']?${SCENARIO_ELEMENT_ID}["'\\s>]`).test(`${attributes}>`)) continue;
    const hash = /\bdata-sha256\s*=\s*"([0-9a-f]{64})"/.exec(attributes)?.[1] ?? null;
    // Undo only the escape written above: a \u003c preceded by an even number of backslashes (an odd one is a literal "\u003c" in a string).
    const text = m[2]!.replace(/(?<!\\)((?:\\\\)*)\\u003c/g, '$1<');
    if (text.trim() === '') return { ok: false, error: `${fileName}: the report's embedded scenario is empty` };
    return { ok: true, text, sha256: hash };
  }
  return {
    ok: false,
    error: `${fileName} is not a Handoff report with a scenario in it (no <script id="${SCENARIO_ELEMENT_ID}"> element was found). Open a .handoff.json scenario, or a report exported by Handoff.`,
  };
}

/** SHA-256 of text (UTF-8) as 64 hex digits, with the platform's Web Crypto (browsers, workers, Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
