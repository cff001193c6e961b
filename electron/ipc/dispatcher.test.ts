/**
 * The dispatcher's three checks, for every channel: the sender, the schema, and the article ids
 * confined to the opened corpus. The channels that name articles are found from the contract
 * (articleRefsByChannel), so a channel added later is covered here without being listed.
 * Handlers are spies: a refused request must never reach one.
 */
import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArticleRefSchema } from '../../shared/articleId';
import { channelNames, ipcContract, type Channel } from '../../shared/ipc';
import { decodeProblem } from '../../shared/userProblem';
import type { ConfinedArticle } from '../services/corpus/corpusPaths';
import { articleRefPaths, articleRefsByChannel, confineArticleRefs } from './articleRefs';
import { createDispatcher, type OpenedCorpus } from './dispatcher';
import type { HandlerTable } from './handlerTypes';
import { electronSender } from './senderCheck';
import { sampleRequest, withArticleIdAt } from './testing/requestSamples';

const trusted = { trusted: true, description: 'test window' };

let workspace: string;
let corpus: string;
let opened: { rootPath: string | null };
let calls: { channel: Channel; request: unknown }[];
let dispatch: ReturnType<typeof createDispatcher>;

/** Every channel answers with a spy that records the request; the response check is not what these tests are about. */
function spyTable(): HandlerTable {
  return Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async (request: unknown) => {
        calls.push({ channel, request });
        throw new Error('spy handler ran');
      },
    ]),
  ) as unknown as HandlerTable;
}

async function outcome(channel: string, payload: unknown, sender = trusted): Promise<Error | 'ran'> {
  try {
    await dispatch(channel, payload, sender);
  } catch (error) {
    if ((error as Error).message.startsWith('spy handler ran')) return 'ran';
    return error as Error;
  }
  return 'ran';
}

beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-dispatcher-'));
  corpus = path.join(workspace, 'corpus');
  await fs.mkdir(path.join(corpus, 'sub'), { recursive: true });
  await fs.mkdir(path.join(workspace, 'outside'));
  await fs.writeFile(path.join(corpus, 'a.txt'), 'متن');
  await fs.writeFile(path.join(workspace, 'outside', 'secret.txt'), 'outside the corpus');
  await fs.symlink(path.join(workspace, 'outside', 'secret.txt'), path.join(corpus, 'link.txt'));
  await fs.symlink(path.join(workspace, 'outside'), path.join(corpus, 'outdir'));
  await fs.symlink(path.join(workspace, 'outside', 'missing.txt'), path.join(corpus, 'dangling.txt'));
});

afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

beforeEach(() => {
  calls = [];
  opened = { rootPath: corpus };
  dispatch = createDispatcher(spyTable(), opened as OpenedCorpus);
});

const hostileIds = () => [
  '../outside/secret.txt',
  'sub/../../outside/secret.txt',
  '..\\outside\\secret.txt',
  path.join(workspace, 'outside', 'secret.txt'),
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'link.txt',
  'outdir/secret.txt',
  'dangling.txt',
  '..',
];

describe('article ids are confined by the dispatcher, for every channel that names articles', () => {
  it('finds the channels from the contract', () => {
    // The contract names articles in these; a new one joins the list by using ArticleRefSchema.
    expect([...articleRefsByChannel.keys()]).toEqual(expect.arrayContaining(['article.load', 'annotations.save', 'annotators.assign', 'curation.decide', 'export.run', 'session.remember']));
    for (const [channel, paths] of articleRefsByChannel) {
      for (const refPath of paths) expect(ipcContract[channel].request.safeParse(withArticleIdAt(sampleRequest(channel, 'a.txt'), refPath, 'sub/b.txt')).success, `${channel} ${refPath}`).toBe(true);
    }
  });

  for (const [channel, paths] of articleRefsByChannel) {
    for (const refPath of paths) {
      it(`${channel} (${refPath}): ../, absolute paths and links out of the corpus are refused; the handler never runs`, async () => {
        for (const id of hostileIds()) {
          const request = withArticleIdAt(sampleRequest(channel, 'a.txt'), refPath, id);
          expect(ipcContract[channel].request.safeParse(request).success, `${id} passes the schema, so the confinement is what refuses it`).toBe(true);
          const result = await outcome(channel, request);
          expect(result, `${channel} ${refPath} = ${id}`).toBeInstanceOf(Error);
          expect(decodeProblem((result as Error).message)).toMatchObject({ code: 'badArticleId' });
        }
        expect(calls).toEqual([]);
      });

      it(`${channel} (${refPath}): an id inside the corpus reaches the handler confined, with its path`, async () => {
        expect(await outcome(channel, withArticleIdAt(sampleRequest(channel, 'a.txt'), refPath, 'sub/new.txt'))).toBe('ran');
        const confined = JSON.stringify(calls[0].request);
        expect(confined).toContain(JSON.stringify(path.join(realpathSync(corpus), 'sub', 'new.txt')));
        expect(confined).toContain(JSON.stringify(corpus));
      });

      it(`${channel} (${refPath}): refused while no corpus is open`, async () => {
        opened.rootPath = null;
        const result = await outcome(channel, sampleRequest(channel, 'a.txt'));
        expect(decodeProblem((result as Error).message)).toEqual({ code: 'noCorpus' });
        expect(calls).toEqual([]);
      });
    }
  }

  it('a request without article ids (session.remember of none) needs no corpus and reaches its handler as sent', async () => {
    opened.rootPath = null;
    expect(await outcome('session.remember', { articleId: null })).toBe('ran');
    expect(calls[0].request).toEqual({ articleId: null });
  });
});

describe('the sender check', () => {
  it('refuses an untrusted sender on every channel, before the schema, and no handler runs', async () => {
    for (const channel of channelNames) {
      const result = await outcome(channel, sampleRequest(channel, 'a.txt'), { trusted: false, description: 'https://evil.example' });
      expect(decodeProblem((result as Error).message)).toEqual({ code: 'refusedSender', channel });
    }
    expect(calls).toEqual([]);
  });

  it('trusts only our window’s own web contents, in its top frame, showing the app’s page', () => {
    const webContents = { id: 1 };
    const window = { webContents };
    const isAppUrl = (url: string) => url.startsWith('app://hashiye/');
    const top = { url: 'app://hashiye/index.html', parent: null };
    expect(electronSender({ sender: webContents, senderFrame: top }, window, isAppUrl)).toEqual({ trusted: true, description: top.url });
    const refused = [
      electronSender({ sender: { id: 2 }, senderFrame: top }, window, isAppUrl),
      electronSender({ sender: webContents, senderFrame: { url: top.url, parent: top } }, window, isAppUrl),
      electronSender({ sender: webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, window, isAppUrl),
      electronSender({ sender: webContents, senderFrame: null }, window, isAppUrl),
      electronSender({ sender: webContents, senderFrame: top }, null, isAppUrl),
    ];
    expect(refused.map((sender) => sender.trusted)).toEqual([false, false, false, false, false]);
  });
});

describe('the schema check', () => {
  it('refuses a malformed request on every channel and no handler runs', async () => {
    for (const channel of channelNames) {
      const result = await outcome(channel, { unknownField: 1 });
      expect(decodeProblem((result as Error).message)).toMatchObject({ code: 'invalidRequest', channel });
    }
    expect(calls).toEqual([]);
  });
});

describe('finding article ids in a schema', () => {
  it('walks objects, arrays, wrappers and only the union option the value was parsed by', () => {
    const schema = z.object({
      one: ArticleRefSchema,
      many: z.array(ArticleRefSchema).optional(),
      choice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('ref'), id: ArticleRefSchema }), z.object({ kind: z.literal('text'), id: z.string() })]),
    });
    expect(articleRefPaths(schema)).toEqual(['one', 'many[]', 'choice.id']);
    const confine = (id: string) => ({ confined: id }) as unknown as ConfinedArticle;
    expect(confineArticleRefs(schema, { one: 'a', many: ['b'], choice: { kind: 'ref', id: 'c' } }, confine)).toEqual({ one: { confined: 'a' }, many: [{ confined: 'b' }], choice: { kind: 'ref', id: { confined: 'c' } } });
    expect(confineArticleRefs(schema, { one: 'a', choice: { kind: 'text', id: '../free text' } }, confine)).toEqual({ one: { confined: 'a' }, choice: { kind: 'text', id: '../free text' } });
  });

  it('refuses to derive from a schema that would hide an id from the confinement', () => {
    expect(() => articleRefPaths(z.object({ byName: z.record(z.string(), ArticleRefSchema) }))).toThrow(/cannot confine article ids inside a zod record/);
    expect(() => articleRefPaths(z.object({ id: ArticleRefSchema.transform((id) => id.trim()) }))).toThrow(/cannot confine/);
    expect(articleRefPaths(z.object({ name: z.string().transform((name) => name.trim()) }))).toEqual([]);
  });
});
