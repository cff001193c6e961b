import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppOriginUrl, resolveAppRequest } from './appProtocol';

const root = path.resolve('/srv/hashiye/out/renderer');

function resolvedFile(url: string): string {
  const resolution = resolveAppRequest(root, url);
  if (!resolution.ok) throw new Error(`refused ${url}: ${resolution.reason}`);
  return path.relative(root, resolution.file);
}

function refusal(url: string, method = 'GET'): number {
  const resolution = resolveAppRequest(root, url, method);
  if (resolution.ok) throw new Error(`served ${url} as ${resolution.file}`);
  return resolution.status;
}

describe('resolveAppRequest', () => {
  it('serves the entry page for the origin root and the entry URL', () => {
    expect(resolvedFile('app://hashiye/')).toBe('index.html');
    expect(resolvedFile('app://hashiye')).toBe('index.html');
    expect(resolvedFile(APP_ENTRY_URL)).toBe('index.html');
  });

  it('serves files below the root with their MIME type, ignoring query and fragment', () => {
    expect(resolveAppRequest(root, 'app://hashiye/assets/index-3f2a.js?v=1#x')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-3f2a.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest(root, 'app://hashiye/assets/vazirmatn-arabic-400-normal.woff2')).toMatchObject({ ok: true, mimeType: 'font/woff2' });
    expect(resolveAppRequest(root, 'app://hashiye/assets/index.CSS')).toMatchObject({ ok: true, mimeType: 'text/css; charset=utf-8' });
    expect(resolvedFile('app://hashiye/index.html?file=../../../etc/passwd')).toBe('index.html');
  });

  it('decodes percent-encoded names once, keeping Persian file names and names starting with two dots', () => {
    expect(resolvedFile('app://hashiye/assets/%D9%81%D9%88%D9%86%D8%AA.woff2')).toBe(path.join('assets', 'فونت.woff2'));
    expect(resolvedFile('app://hashiye/..hidden.js')).toBe('..hidden.js');
    expect(resolvedFile('app://hashiye/assets/%252e%252e.js')).toBe(path.join('assets', '%2e%2e.js'));
  });

  it('keeps dot segments inside the root (the URL parser removes them before any file access)', () => {
    expect(resolvedFile('app://hashiye/../../etc/passwd.js')).toBe(path.join('etc', 'passwd.js'));
    expect(resolvedFile('app://hashiye/assets/%2e%2e/%2E%2E/%2e%2E/secret.js')).toBe('secret.js');
    expect(resolvedFile('app://hashiye/assets/.%2e/.%2E/x.css')).toBe('x.css');
  });

  it('refuses encoded separators, backslashes, NUL, colons and empty segments', () => {
    expect(refusal('app://hashiye/..%2f..%2fetc%2fpasswd.js')).toBe(403);
    expect(refusal('app://hashiye/assets/..%2F..%2F..%2Fsecret.js')).toBe(403);
    expect(refusal('app://hashiye/..%5c..%5csecret.js')).toBe(403);
    expect(refusal('app://hashiye/assets/%2e%2e%5csecret.js')).toBe(403);
    expect(refusal('app://hashiye/index.html%00.js')).toBe(403);
    expect(refusal('app://hashiye/C:%5CWindows%5Cwin.ini.js')).toBe(403);
    expect(refusal('app://hashiye/index.html:stream.js')).toBe(403);
    expect(refusal('app://hashiye//etc/passwd.js')).toBe(403);
    expect(refusal('app://hashiye/assets//index.js')).toBe(403);
  });

  it('refuses malformed percent-encoding', () => {
    expect(refusal('app://hashiye/%E0%A4%A.js')).toBe(400);
    expect(refusal('app://hashiye/%ZZ.js')).toBe(400);
  });

  it('refuses other origins, schemes, credentials and ports', () => {
    expect(refusal('app://evil/index.html')).toBe(403);
    expect(refusal('app://hashiye.evil.example/index.html')).toBe(403);
    expect(refusal('app://user:pass@hashiye/index.html')).toBe(403);
    expect(refusal('app://hashiye:8080/index.html')).toBe(403);
    expect(refusal('file:///srv/hashiye/out/renderer/index.html')).toBe(403);
    expect(refusal('https://hashiye/index.html')).toBe(403);
    expect(refusal('not a url')).toBe(400);
  });

  it('refuses file types the renderer does not ship, folders and methods other than GET and HEAD', () => {
    expect(refusal('app://hashiye/secret.txt')).toBe(404);
    expect(refusal('app://hashiye/corpus.ann.json.bak')).toBe(404);
    expect(refusal('app://hashiye/assets')).toBe(404);
    expect(refusal('app://hashiye/index.html', 'POST')).toBe(405);
    expect(resolveAppRequest(root, 'app://hashiye/index.html', 'HEAD')).toMatchObject({ ok: true });
  });
});

describe('isAppOriginUrl', () => {
  it('accepts only the app origin, parsed rather than prefix-matched', () => {
    expect(isAppOriginUrl('app://hashiye/index.html')).toBe(true);
    expect(isAppOriginUrl('app://hashiye/index.html#article')).toBe(true);
    expect(isAppOriginUrl('app://hashiye.evil.example/index.html')).toBe(false);
    expect(isAppOriginUrl('app://hashiye@evil/index.html')).toBe(false);
    expect(isAppOriginUrl('file:///home/user/out/renderer/index.html')).toBe(false);
    expect(isAppOriginUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isAppOriginUrl('')).toBe(false);
    expect(isAppOriginUrl('about:blank')).toBe(false);
  });
});
