import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * (#24) A reference tagger on 127.0.0.1 for the tests: it speaks the protocol of
 * docs/pretagging.md, tagging every occurrence of the given words, and can misbehave on demand
 * (answer late, answer bad JSON, send spans past the end, answer an HTTP error).
 */
export type ReferenceTaggerMode = 'codepoint' | 'utf16' | 'no-unit' | 'slow' | 'bad-json' | 'past-end' | 'http-500';

export interface ReferenceTagger {
  url: string;
  /** Every request body received, parsed. */
  requests: { text: string; language: string }[];
  setMode(mode: ReferenceTaggerMode): void;
  close(): Promise<void>;
}

/** The spans of every occurrence of each word, in UTF-16 units or code points. */
function spansOf(text: string, words: Readonly<Record<string, string>>, unit: 'utf16' | 'codepoint'): { start: number; end: number; type: string; score: number }[] {
  const spans: { start: number; end: number; type: string; score: number }[] = [];
  const toUnit = (index: number) => (unit === 'utf16' ? index : Array.from(text.slice(0, index)).length);
  for (const [word, type] of Object.entries(words)) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) spans.push({ start: toUnit(at), end: toUnit(at + word.length), type, score: 0.5 });
  }
  return spans;
}

function answer(mode: ReferenceTaggerMode, text: string, words: Readonly<Record<string, string>>, response: http.ServerResponse): void {
  const send = (status: number, body: string): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  };
  if (mode === 'http-500') return send(500, '{"error":"model not loaded"}');
  if (mode === 'bad-json') return send(200, '{"spans": [ oops');
  if (mode === 'slow') {
    const timer = setTimeout(() => send(200, '{"spans": []}'), 5000);
    response.on('close', () => clearTimeout(timer));
    return;
  }
  const unit = mode === 'utf16' ? 'utf16' : 'codepoint';
  const spans = spansOf(text, words, unit);
  if (mode === 'past-end') spans.push({ start: Array.from(text).length - 2, end: Array.from(text).length + 5, type: 'LOC', score: 1 });
  send(200, JSON.stringify(mode === 'no-unit' ? { spans } : { spans, unit }));
}

export async function startReferenceTagger(words: Readonly<Record<string, string>>, initialMode: ReferenceTaggerMode = 'codepoint'): Promise<ReferenceTagger> {
  let mode = initialMode;
  const requests: { text: string; language: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string; language: string };
      requests.push(body);
      answer(mode, body.text, words, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tag`,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port taken and released). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tag`;
}
