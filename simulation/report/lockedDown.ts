/**
 * The page as Chromium gets it: a policy that lets it run no script and load
 * nothing (inline styles and data: images and fonts only) comes first, right
 * after the doctype, whatever the page says itself. The hosts print HTML the
 * renderer sends (headless Chromium with JavaScript on, as printing needs
 * it; Electron with it off): a page with its own ideas must not run code or
 * reach the network or the files.
 */
export function lockedDown(html: string): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;
  const doctype = /^\s*<!doctype html>/i.exec(html);
  return doctype ? `${doctype[0]}${policy}${html.slice(doctype[0].length)}` : `<!doctype html>${policy}${html}`;
}
