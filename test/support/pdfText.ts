import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF (or of pages `first`..`last`) as `pdftotext` extracts it, with every run of whitespace made one
 * space. Extractors differ by version and fonts in how they space glyphs ("1 / 9" on one machine, "1/9" on
 * another), so tests compare this, or {@link glyphs}, never the raw layout.
 */
export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The text with all whitespace removed: for assertions on the order of glyphs only, such as a page number "3/9". */
export function glyphs(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Asserts nothing itself: returns true when page `page` of `pages` prints its number as "page / pages" in any spacing. */
export function pageNumbered(file: string, page: number, pages: number): boolean {
  return glyphs(pdfText(file, { first: page, last: page })).includes(`${page}/${pages}`);
}
