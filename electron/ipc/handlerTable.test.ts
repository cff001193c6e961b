/**
 * Each channel of shared/ipc.ts has exactly one handler, in the handler file of its domain, and
 * no handler file imports another. The compiler already refuses a missing or extra handler
 * (the @ts-expect-error lines below fail the typecheck if it stops doing so); the runtime
 * checks say which channel when a table is built by other means.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/ipc';
import { CorpusSwitchRequests } from '../services/app/corpusSwitchRequests';
import { SettingsStore } from '../services/app/settingsStore';
import { TransferJobs } from '../services/transfer/transferJobs';
import { desktopContext } from '../services/desktop/aboutInfo';
import { CorpusSession } from '../services/corpus/corpusSession';
import { createHandlerTable } from './handlerTable';
import { tagsetHandlers } from './handlers/tagset';
import { domainOfNamespace, type DomainHandlers, type HandlerContext, type HandlerTable } from './handlerTypes';

let workspace: string;
let context: HandlerContext;

beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-handler-table-'));
  const settings = await SettingsStore.open(path.join(workspace, 'settings'));
  const host = { pickFolder: async () => null, emit: () => undefined };
  context = { session: new CorpusSession(), settings, host, development: false, systemLocale: 'en', transfers: new TransferJobs(), switchRequests: new CorpusSwitchRequests(),
    desktop: desktopContext({ appVersion: '0.1.0', versions: process.versions, licenceFiles: [], log: null, platform: process.platform }),
  };
});

afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('the handler table', () => {
  it('has one handler for every channel of the contract, and nothing else', async () => {
    const settings = await SettingsStore.open(path.join(workspace, 'settings'));
    const table = createHandlerTable({ session: new CorpusSession(), settings, host: { pickFolder: async () => null, emit: () => undefined }, development: false });
    expect(Object.keys(table).sort()).toEqual([...channelNames].sort());
    for (const channel of channelNames) expect(typeof table[channel], channel).toBe('function');
  });

  it('gives each namespace of the contract to one domain', () => {
    const namespaces = new Set(channelNames.map((channel) => channel.split('.')[0]));
    expect(Object.keys(domainOfNamespace).sort()).toEqual([...namespaces].sort());
  });

  it('refuses, at compile time, a table missing a channel or a domain file answering another domain’s channel', () => {
    const tagset = tagsetHandlers(context);
    // @ts-expect-error tagset.save is missing
    const missing: DomainHandlers<'tagset'> = { 'tagset.preview': tagset['tagset.preview'] };
    // @ts-expect-error article.load belongs to the article domain, not tagset
    const extra: DomainHandlers<'tagset'> = { ...tagset, 'article.load': async () => undefined };
    const { 'tagset.save': _removed, ...withoutSave } = { ...tagset } as unknown as HandlerTable;
    // @ts-expect-error a table without tagset.save is not a HandlerTable
    const incomplete: HandlerTable = withoutSave;
    expect([missing, extra, incomplete].length).toBe(3);
  });

  it('no handler file imports another', async () => {
    const folder = path.join(import.meta.dirname, 'handlers');
    const files = (await fs.readdir(folder)).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = await fs.readFile(path.join(folder, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports.filter((specifier) => specifier.startsWith('./') || specifier.includes('/handlers/')), file).toEqual([]);
    }
  });
});
