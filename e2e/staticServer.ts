import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../electron/contentSecurityPolicy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A response the caller serves itself at a path of its own (see `serveFolder`'s `extra`). */
export interface ExtraResponse {
  body: string;
  contentType: string;
}

/** What `serveFolder`'s `extra` is asked: the method, the path and, for a POST, the body as text. */
export interface ExtraRequest {
  method: string;
  pathname: string;
  body: string;
}

async function bodyOf(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer on 127.0.0.1 (ES modules cannot load from file:// in Chromium).
 * `extra` may answer some requests itself (the harness moves large IPC payloads this way).
 */
export async function serveFolder(root: string, extra?: (request: ExtraRequest) => ExtraResponse | null): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = request.method ?? 'GET';
      const own = extra ? extra({ method, pathname: url.pathname, body: method === 'POST' ? await bodyOf(request) : '' }) : null;
      if (own) {
        response.writeHead(200, { 'Content-Type': own.contentType, 'Cache-Control': 'no-store' });
        response.end(own.body);
        return;
      }
      const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = path.join(root, path.normalize(relative));
      if (!file.startsWith(root + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) throw new Error('not a file');
        response.writeHead(200, {
          'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Cache-Control': 'no-store',
        });
        createReadStream(file).pipe(response);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
