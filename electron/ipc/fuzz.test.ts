/**
 * Every IPC channel, reached the way the renderer reaches it (the nested `window.api` built by
 * createApi), is called with random malformed payloads: each call must be refused with an
 * Error, main must keep answering, and nothing may be written — the corpus, the folder beside
 * it and the settings folder are listed and hashed before and after every call.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, eventNames, ipcContract, type Channel } from '../../shared/ipc';
import { createApi } from '../../shared/createApi';
import { CorpusSession } from '../services/corpus/corpusSession';
import { SettingsStore } from '../services/app/settingsStore';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlerTable';
import { IpcRefusedError } from './ipcRefusedError';

const ARTICLE = 'خبرگزاری ایرنا 😀 گزارش داد\r\nکه «می‌دهد» و\u00a0NASA';
const ANNOTATED = 'سازمان ملل متحد در نیویورک';
const trusted = { trusted: true, description: 'test window' };
const RUNS = Number(process.env.HASHIYE_FUZZ_RUNS ?? 150);

let workspace: string;
let corpus: string;
let settingsFolder: string;
let dispatch: Dispatch;
let api: Record<string, unknown>;
let articleSha: string;

type Snapshot = Record<string, string>;

/** Every entry below `folder`, never following links: files by content hash, links by target. */
async function snapshot(folder: string): Promise<Snapshot> {
  const result: Snapshot = {};
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const key = path.relative(workspace, full);
      if (entry.isSymbolicLink()) result[key] = `link → ${await fs.readlink(full)}`;
      else if (entry.isDirectory()) {
        result[key] = 'folder';
        await walk(full);
      } else result[key] = createHash('sha256').update(await fs.readFile(full)).digest('hex');
    }
  };
  await walk(folder);
  return result;
}

function apiMethod(channel: Channel): (request: unknown) => Promise<unknown> {
  const [namespace, verb] = channel.split('.');
  const group = api[namespace] as Record<string, (request: unknown) => Promise<unknown>>;
  return group[verb];
}

/** What createApi sends for a payload (it turns a missing request into `{}`). */
function isValidRequest(channel: Channel, payload: unknown): boolean {
  return ipcContract[channel].request.safeParse(payload === undefined ? {} : payload).success;
}

async function expectRefusedWithoutWrites(call: () => Promise<unknown>, before: Snapshot, kind: 'schema' | 'any'): Promise<void> {
  let outcome: { resolved: unknown } | { rejected: unknown };
  try {
    outcome = { resolved: await call() };
  } catch (error) {
    outcome = { rejected: error };
  }
  if (kind === 'schema') {
    expect('rejected' in outcome, `resolved with ${JSON.stringify('resolved' in outcome ? outcome.resolved : null)}`).toBe(true);
    expect((outcome as { rejected: unknown }).rejected).toBeInstanceOf(IpcRefusedError);
  } else if ('rejected' in outcome) {
    expect(outcome.rejected).toBeInstanceOf(Error);
    expect((outcome.rejected as Error).message.length).toBeGreaterThan(0);
  } else {
    // A well-formed but hostile save is answered, not thrown: it must say it did not save.
    expect(outcome.resolved).toMatchObject({ ok: false });
  }
  expect(await snapshot(workspace)).toEqual(before);
}

beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-fuzz-'));
  corpus = path.join(workspace, 'corpus');
  settingsFolder = path.join(workspace, 'settings');
  await fs.mkdir(path.join(corpus, 'sub'), { recursive: true });
  await fs.mkdir(path.join(workspace, 'outside'));
  await fs.writeFile(path.join(corpus, 'a.txt'), ARTICLE);
  await fs.writeFile(path.join(corpus, 'sub', 'b.txt'), ANNOTATED);
  await fs.writeFile(
    path.join(corpus, 'sub', 'b.ann.json'),
    JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', status: 'in-progress', annotations: [], relations: [], labels: [] }),
  );
  await fs.writeFile(path.join(workspace, 'outside', 'secret.txt'), 'outside the corpus');
  await fs.symlink(path.join(workspace, 'outside', 'secret.txt'), path.join(corpus, 'link.txt'));
  await fs.symlink(path.join(workspace, 'outside'), path.join(corpus, 'outdir'));
  await fs.mkdir(settingsFolder);
  await fs.writeFile(path.join(settingsFolder, 'settings.json'), JSON.stringify({ annotator: 'fuzzer' }));
  const session = new CorpusSession();
  await session.open(corpus);
  const settings = await SettingsStore.open(settingsFolder);
  dispatch = createDispatcher(
    createHandlerTable({ session, settings, host: { pickFolder: async () => null, emit: () => {} }, development: false }),
    session,
  );
  api = createApi(channelNames, eventNames, (channel, request) => dispatch(channel, request, trusted), () => () => {});
  articleSha = ((await dispatch('article.load', { id: 'a.txt' }, trusted)) as { sha256: string }).sha256;
});

afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

/** Any JavaScript value the structured clone of IPC could carry, and then some. */
const anyValue = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withUnicodeString: true,
});

/** Article ids that pass the contract's string check but name something outside the corpus. */
const hostileIds = fc.constantFrom(
  '../outside/secret.txt',
  '..',
  '.',
  'sub/../../outside/secret.txt',
  '..\\outside\\secret.txt',
  'sub\\..\\..\\outside\\secret.txt',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'c:secret.txt',
  '\\\\server\\share\\a.txt',
  'link.txt',
  'outdir/secret.txt',
  'outdir',
  '%2e%2e/outside/secret.txt',
  'sub//b.txt',
  'sub/',
  '\u202Etxt.exe',
  'a.txt\u202E',
  'missing.txt',
  'sub',
  'x'.repeat(4096),
);

describe('every channel refuses malformed payloads, keeps answering and writes nothing', () => {
  for (const channel of channelNames) {
    it(`${channel}: random payloads that break its schema`, async () => {
      await fc.assert(
        fc.asyncProperty(anyValue, async (payload) => {
          fc.pre(!isValidRequest(channel, payload));
          const before = await snapshot(workspace);
          await expectRefusedWithoutWrites(() => apiMethod(channel)(payload), before, 'schema');
        }),
        { numRuns: RUNS },
      );
      // Main still answers a well-formed call after all that.
      await expect(apiMethod('corpus.refresh')({})).resolves.toMatchObject({ name: 'corpus' });
    });
  }

  it('near-valid requests: each field replaced by junk, or an extra key added', async () => {
    // A channel added later without an example here is still fuzzed above, and here from `{}`.
    const valid: Partial<Record<Channel, Record<string, unknown>>> = {
      'app.init': {},
      'corpus.openDialog': {},
      'corpus.refresh': {},
      'article.load': { id: 'a.txt' },
      'annotations.save': { id: 'a.txt', sha256: 'f'.repeat(64), status: 'in-progress', annotations: [], relations: [], labels: [] },
      'annotations.moveAside': { id: 'a.txt' },
      'session.remember': { articleId: 'a.txt' },
    };
    const mutated = fc
      .tuple(fc.constantFrom(...channelNames), fc.string({ maxLength: 12 }), anyValue, fc.boolean())
      .map(([channel, key, junk, replaceExisting]) => {
        const request = { ...(valid[channel] ?? {}) };
        const keys = Object.keys(request);
        const target = replaceExisting && keys.length > 0 ? keys[key.length % keys.length] : `extra${key}`;
        request[target] = junk;
        return { channel, request };
      });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ channel, request }) => {
        fc.pre(!isValidRequest(channel, request));
        const before = await snapshot(workspace);
        await expectRefusedWithoutWrites(() => apiMethod(channel)(request), before, 'schema');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('well-formed ids that leave the corpus, or name no article, are refused for load, save and move-aside', async () => {
    await fc.assert(
      fc.asyncProperty(hostileIds, fc.boolean(), async (id, correctSha) => {
        const before = await snapshot(workspace);
        await expectRefusedWithoutWrites(() => apiMethod('article.load')({ id }), before, 'any');
        const save = { id, sha256: correctSha ? articleSha : '0'.repeat(64), status: 'done', annotations: [], relations: [], labels: [] };
        await expectRefusedWithoutWrites(() => apiMethod('annotations.save')(save), before, 'any');
        if (channelNames.includes('annotations.moveAside')) {
          await expectRefusedWithoutWrites(() => apiMethod('annotations.moveAside')({ id }), before, 'any');
        }
      }),
      { numRuns: RUNS },
    );
    await expect(apiMethod('article.load')({ id: 'link.txt' })).rejects.toThrow(/outside the opened corpus/);
    await expect(apiMethod('article.load')({ id: 'outdir/secret.txt' })).rejects.toThrow(/outside the opened corpus/);
    await expect(apiMethod('article.load')({ id: path.join(workspace, 'outside', 'secret.txt') })).rejects.toThrow(/absolute/);
  });

  it('saves of annotations that do not fit the article are answered with ok: false and write nothing', async () => {
    const length = Array.from(ARTICLE.replace('\r\n', '\n')).length;
    const badAnnotation = fc
      .record({
        id: fc.string({ minLength: 1, maxLength: 8 }),
        type: fc.constantFrom('PER', 'ORG', 'LOC', 'نامعلوم'),
        start: fc.nat({ max: length + 10 }),
        width: fc.integer({ min: -3, max: 12 }),
        text: fc.oneof(fc.string({ maxLength: 8, unit: 'grapheme' }), fc.constantFrom('😀', 'ایرنا', '\u200c', '')),
        fragments: fc.option(fc.array(fc.record({ start: fc.nat({ max: length + 10 }), end: fc.nat({ max: length + 10 }) }), { maxLength: 3 }), { nil: undefined }),
      })
      .map(({ width, fragments, ...annotation }) => ({
        ...annotation,
        end: Math.max(0, annotation.start + width),
        ...(fragments ? { fragments } : {}),
      }));
    await fc.assert(
      fc.asyncProperty(fc.array(badAnnotation, { minLength: 1, maxLength: 4 }), async (annotations) => {
        const text = Array.from(ARTICLE.replace('\r\n', '\n'));
        // A save that fits the article is a legitimate write: this property is about the ones that do not.
        fc.pre(annotations.some((annotation) => annotation.end > text.length || annotation.start > annotation.end || text.slice(annotation.start, annotation.end).join('') !== annotation.text));
        const before = await snapshot(workspace);
        const request = { id: 'a.txt', sha256: articleSha, status: 'in-progress', annotations, relations: [], labels: [] };
        await expectRefusedWithoutWrites(() => apiMethod('annotations.save')(request), before, 'any');
      }),
      { numRuns: RUNS },
    );
  });

  it('unknown channels and untrusted senders are refused whatever the payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), anyValue, async (channel, payload) => {
        fc.pre(!Object.hasOwn(ipcContract, channel));
        await expect(dispatch(channel, payload, trusted)).rejects.toBeInstanceOf(IpcRefusedError);
      }),
      { numRuns: RUNS },
    );
    for (const channel of [...channelNames, '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      await expect(dispatch(channel, {}, { trusted: false, description: 'https://evil.example' })).rejects.toBeInstanceOf(IpcRefusedError);
    }
    await expect(dispatch('constructor', {}, trusted)).rejects.toThrow(/Unknown channel/);
  });

  it('hostile shapes: prototype pollution, deep nesting, huge strings and arrays', async () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 20_000; level += 1) deep = { id: deep };
    const hostile: [Channel, unknown][] = [
      ['article.load', JSON.parse('{"__proto__": {"polluted": true}, "id": "a.txt"}')],
      ['session.remember', JSON.parse('{"articleId": null, "__proto__": {"polluted": true}}')],
      ['article.load', deep],
      ['article.load', { id: deep }],
      ['article.load', { id: 'a'.repeat(5_000_000) }],
      ['annotations.save', { id: 'a.txt', sha256: articleSha, status: 'done', annotations: new Array(100_000).fill(0), relations: [], labels: [] }],
      ['annotations.save', { id: 'a.txt', sha256: articleSha, status: 'done', annotations: [{ id: 'x', type: 'PER', start: 0, end: 1, text: 'خ', fragments: deep }], relations: [], labels: [] }],
      ['annotations.save', { id: 'a.txt', sha256: articleSha, status: 'done', annotations: [{ id: 'x', type: 'PER', start: 0, end: 1, text: 'خ', attributes: { deep } }], relations: [], labels: [] }],
      ['session.remember', { articleId: { toString: () => 'a.txt' } }],
      ['app.init', Object.create({ inherited: true })],
    ];
    for (const [channel, payload] of hostile) {
      const before = await snapshot(workspace);
      await expectRefusedWithoutWrites(() => apiMethod(channel)(payload), before, 'schema');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expect(apiMethod('app.init')({})).resolves.toMatchObject({ annotator: 'fuzzer' });
  });
});
