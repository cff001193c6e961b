import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy';
import { createAppProtocolHandler, type AppRequestHandler } from './appProtocolHandler';

let workspace: string;
let renderer: string;
let handle: AppRequestHandler;

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-protocol-'));
  renderer = path.join(workspace, 'out', 'renderer');
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>حاشیه</title>');
  await fs.writeFile(path.join(renderer, 'assets', 'index.js'), 'console.log("ok")');
  await fs.writeFile(path.join(workspace, 'secret.js'), 'outside the renderer');
  handle = createAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
});

afterEach(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('createAppProtocolHandler', () => {
  it('serves the entry page with the Content-Security-Policy and nosniff headers', async () => {
    const response = await handle(new Request('app://hashiye/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>حاشیه</title>');
  });

  it('serves scripts as JavaScript and answers HEAD without a body', async () => {
    const script = await handle(new Request('app://hashiye/assets/index.js?x=1'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("ok")');
    const head = await handle(new Request('app://hashiye/assets/index.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses traversal, with the policy header on the refusal too', async () => {
    for (const url of ['app://hashiye/..%2fsecret.js', 'app://hashiye/assets/..%2F..%2F..%2Fsecret.js', 'app://hashiye/..%5csecret.js']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('refuses a symbolic link inside the renderer folder that leads out of it', async () => {
    await fs.symlink(path.join(workspace, 'secret.js'), path.join(renderer, 'assets', 'leak.js'));
    await fs.symlink(workspace, path.join(renderer, 'up'));
    expect((await handle(new Request('app://hashiye/assets/leak.js'))).status).toBe(403);
    expect((await handle(new Request('app://hashiye/up/secret.js'))).status).toBe(403);
  });

  it('follows a symbolic link that stays inside the renderer folder', async () => {
    await fs.symlink(path.join(renderer, 'assets', 'index.js'), path.join(renderer, 'alias.js'));
    const response = await handle(new Request('app://hashiye/alias.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("ok")');
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await handle(new Request('app://hashiye/missing.js'))).status).toBe(404);
    await fs.mkdir(path.join(renderer, 'folder.js'));
    expect((await handle(new Request('app://hashiye/folder.js'))).status).toBe(404);
    expect((await handle(new Request('app://hashiye/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
