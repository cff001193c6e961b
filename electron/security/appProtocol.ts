/**
 * The app's own origin: the renderer is served from `app://hashiye/…` instead of `file://`,
 * so a script that ran in the window could not read arbitrary files (Electron's checklist
 * item 18), and the Content-Security-Policy travels as a response header.
 *
 * This file holds the request-to-file resolution as a plain function, tested without Electron.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hashiye';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges Electron grants the scheme; registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Only what the built renderer contains; anything else is refused rather than guessed. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export type AppFileResolution =
  | { ok: true; file: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

function refused(status: 400 | 403 | 404 | 405, reason: string): AppFileResolution {
  return { ok: false, status, reason };
}

/** True when `url` is a page or resource of the app's own origin (parsed, never prefix-matched). */
export function isAppOriginUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}

/**
 * Maps a request URL of the app scheme to a file inside `rendererRoot`, or says why not.
 * Each path segment is decoded on its own, so an encoded `..`, `/`, `\` or NUL cannot smuggle
 * a traversal past the URL parser; the query and fragment never reach the file system.
 */
export function resolveAppRequest(rendererRoot: string, requestUrl: string, method = 'GET'): AppFileResolution {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, `${method} is not served`);
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused(400, 'not a URL');
  }
  if (!isAppOriginUrl(url.href)) return refused(403, `${url.protocol}//${url.host} is not the app's origin`);
  const rawSegments = url.pathname === '/' || url.pathname === '' ? ['index.html'] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refused(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return refused(403, 'empty, "." or ".." path segment');
    if (/[/\\\0:]/.test(segment)) return refused(403, 'a path segment holds a separator, a colon or NUL');
    segments.push(segment);
  }
  const root = path.resolve(rendererRoot);
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return refused(403, 'outside the renderer folder');
  const mimeType = MIME_TYPES[path.extname(file).toLowerCase()];
  if (!mimeType) return refused(404, 'not a file type the app serves');
  return { ok: true, file, mimeType };
}
