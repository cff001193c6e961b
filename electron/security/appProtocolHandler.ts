/**
 * Answers requests of the app scheme from the built renderer folder. Plain Node (global
 * Request/Response), so it is tested without Electron; main passes it to `protocol.handle`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveAppRequest } from './appProtocol';

export type AppRequestHandler = (request: Request) => Promise<Response>;

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * Every answer carries the Content-Security-Policy as a header (a meta tag alone cannot hold
 * `frame-ancestors`, and is applied only once the parser reaches it) and `nosniff`, so a
 * file is never reinterpreted as another type.
 */
export function createAppProtocolHandler(rendererRoot: string, contentSecurityPolicy: string): AppRequestHandler {
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const failure = (status: number, reason: string) =>
    new Response(reason, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    const resolution = resolveAppRequest(rendererRoot, request.url, request.method);
    if (!resolution.ok) return failure(resolution.status, resolution.reason);
    try {
      // A symbolic link inside the renderer folder must not lead out of it.
      const [rootReal, fileReal] = await Promise.all([fs.realpath(rendererRoot), fs.realpath(resolution.file)]);
      if (!isInside(rootReal, fileReal)) return failure(403, 'outside the renderer folder');
      const stat = await fs.stat(fileReal);
      if (!stat.isFile()) return failure(404, 'not a file');
      const body = request.method === 'HEAD' ? null : await fs.readFile(fileReal);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': resolution.mimeType, 'Content-Length': String(stat.size) },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return failure(404, 'no such file');
      return failure(500, 'the file could not be read');
    }
  };
}
