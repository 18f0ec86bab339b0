/** The origin the Electron host serves the renderer from (a custom, privileged scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'handoff';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when an IPC message or a navigation comes from the app's own page:
 * the exact app origin, nothing else (not file://, not a lookalike host,
 * not a page that merely contains the origin in its path).
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
