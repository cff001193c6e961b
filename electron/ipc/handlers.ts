import { encodeProblem, ipcContract, type Channel, type UserProblem } from '../../shared/ipc';
import type { CorpusSession } from '../services/corpus/corpusSession';
import type { SettingsStore } from '../services/app/settingsStore';
import { CorpusSwitchRequests } from '../services/app/corpusSwitchRequests';
import { createLeadHandlers } from './leadHandlers';
import { TransferBusyError, TransferJobs } from '../services/transfer/transferJobs';
import { problemOfError } from '../services/problems/userProblems';
import { resolveDroppedPath } from './droppedPath';
import type { HandlerTable } from './handlerTable';
import type { HostPlatform } from './hostPlatform';
import { IpcRefusedError } from './ipcRefusedError';

export interface SenderInfo {
  /** True when the call comes from the app's own window showing the app's own page. */
  trusted: boolean;
  description: string;
}

export interface HandlerDependencies {
  session: CorpusSession;
  settings: SettingsStore;
  host: HostPlatform;
  development: boolean;
  /** The operating system's locale (Electron's app.getLocale()), for the default UI language. */
  systemLocale?: string;
  /** Export and import jobs; one per window. */
  transfers?: TransferJobs;
  /** Folders main's menus asked to open, waiting for the window's consent. */
  switchRequests?: CorpusSwitchRequests;
}

export function createHandlerTable({ session, settings, host, development, systemLocale = 'en', transfers = new TransferJobs(), switchRequests = new CorpusSwitchRequests() }: HandlerDependencies): HandlerTable {
  const hostCannot = (what: string, action: UnavailableAction): never => {
    throw new IpcRefusedError(`This window cannot ${what}.`, { code: 'unavailable', action });
  };
  const rememberCorpus = async (root: string) => {
    await settings.rememberCorpus(root);
    host.corpusOpened?.(root);
  };
  session.onEvent((event) => {
    if (event.kind === 'articleChangedOnDisk') host.emit('article.changedOnDisk', { id: event.id });
    else if (event.kind === 'annotationsChangedOnDisk') host.emit('annotations.changedOnDisk', { id: event.id });
    else host.emit('corpus.listChanged', event.corpus);
  });
  return {
    'app.init': async () => {
      const root = session.rootPath;
      return {
        corpus: root ? await session.describe() : null,
        annotator: settings.annotator(),
        uiLanguage: settings.uiLanguage(systemLocale),
        theme: settings.current.theme,
        fontSize: settings.current.fontSize,
        lastArticleId: root ? (settings.current.lastArticleByCorpus[root] ?? null) : null,
        lastArticleOffset: root ? (settings.current.lastOffsetByCorpus[root] ?? null) : null,
        development,
      };
    },
    'corpus.openDialog': async () => {
      const folder = await host.pickFolder();
      if (folder === null) return null;
      const corpus = await session.open(folder);
      await rememberCorpus(corpus.displayPath);
      return corpus;
    },
    'corpus.confirmSwitch': async ({ token }) => {
      const folder = switchRequests.take(token);
      if (folder === null) return null;
      const corpus = await session.open(folder);
      await rememberCorpus(corpus.displayPath);
      return corpus;
    },
    'corpus.refresh': async () => (session.rootPath ? session.describe() : null),
    'article.load': async ({ id, encoding }) => session.loadArticle(id, encoding),
    'article.annotationPage': async ({ id, revision, from }) => session.annotationPage(id, revision, from),
    'annotations.save': async ({ id, sha256, ...request }) => session.saveAnnotations(id, sha256, request),
    'annotations.saveChanges': async ({ id, sha256, base, remove, insert, count, ...request }) => session.saveAnnotationChanges(id, sha256, base, { remove, insert, count }, request),
    'settings.setPreferences': async (preferences) => {
      await settings.update(preferences);
      return { ok: true } as const;
    },
    'corpus.search': async ({ query, wholeWords }) => session.searchCorpus(query, wholeWords),
    'corpus.tagAll': async ({ query, wholeWords, type }) => {
      const result = await session.tagAllInCorpus(query, wholeWords, type, settings.annotator());
      host.emit('corpus.listChanged', await session.describe());
      return result;
    },
    'corpus.undoTagAll': async ({ batchId }) => {
      const result = await session.undoTagAll(batchId);
      host.emit('corpus.listChanged', await session.describe());
      return result;
    },
    'article.suggestions': async ({ id }) => ({ suggestions: await session.suggestions(id) }),
    'tagset.preview': async ({ changes }) => session.previewTypeChanges(changes),
    'tagset.save': async ({ types, changes }) => {
      const plan = await session.saveTagSet(types, changes);
      return { plan, corpus: await session.describe() };
    },
    'annotations.previewDelete': async ({ id, annotationId }) => ({ lines: await session.previewDelete(id, annotationId) }),
    'annotations.moveAside': async ({ id }) => ({ movedTo: await session.moveAsideAnnotationFile(id) }),
    'session.remember': async ({ articleId, offset }) => {
      const root = session.rootPath;
      if (root && articleId) {
        await settings.update({
          lastArticleByCorpus: { ...settings.current.lastArticleByCorpus, [root]: articleId },
          lastOffsetByCorpus: { ...settings.current.lastOffsetByCorpus, [root]: offset ?? 0 },
        });
      }
      return { ok: true } as const;
    },
    'corpus.openDropped': async ({ path: droppedPath }) => {
      const target = await resolveDroppedPath(droppedPath);
      const corpus = await session.open(target.folder);
      await rememberCorpus(corpus.displayPath);
      return { corpus, articleId: target.articleName };
    },
    ...createLeadHandlers({ session, settings, host }),
    'export.run': async (request) => {
      const root = session.rootPath ?? hostCannot('export: no corpus is open', 'export');
      // Refused before the dialog: a second export would only be refused after the user chose a folder.
      if (transfers.exportRunning) throw new TransferBusyError('export');
      const folder = host.pickExportFolder ? await host.pickExportFolder() : hostCannot('choose an export folder', 'pickExportFolder');
      if (folder === null) return { outcome: 'dismissed' } as const;
      return transfers.runExport(root, request, folder, (progress) => host.emit('export.progress', progress));
    },
    'export.cancel': async () => ({ cancelled: transfers.cancelExport() }),
    'import.run': async (request) => {
      if (transfers.importRunning) throw new TransferBusyError('import');
      const kind = request.from === 'brat' ? 'folder' : (request.sourceKind ?? 'file');
      const source = host.pickImportSource ? await host.pickImportSource(kind, request.from) : hostCannot('choose what to import', 'pickImportSource');
      if (source === null) return { outcome: 'dismissed' } as const;
      const target = host.pickImportTarget ? await host.pickImportTarget() : hostCannot('choose a folder for the new corpus', 'pickImportTarget');
      if (target === null) return { outcome: 'dismissed' } as const;
      return transfers.runImport(source, target, request, (progress) => host.emit('import.progress', progress));
    },
    'import.cancel': async () => ({ cancelled: transfers.cancelImport() }),
    'import.openResult': async () => {
      const folder = transfers.lastImportedCorpus ?? hostCannot('open an imported corpus: nothing has been imported yet', 'openImported');
      const corpus = await session.open(folder);
      await rememberCorpus(corpus.displayPath);
      host.emit('corpus.changed', corpus);
      return { opened: true, name: corpus.name } as const;
    },
  };
}

type UnavailableAction = Extract<UserProblem, { code: 'unavailable' }>['action'];

/**
 * The one entry point for every call from the window: checks the sender, validates the
 * request against the contract, runs the handler and validates its response. Whatever is
 * thrown leaves as a coded problem (shared/ipc.ts encodeProblem), never as English text for
 * the window to parse.
 */
export function createDispatcher(table: HandlerTable) {
  return async function dispatch(channel: string, payload: unknown, sender: SenderInfo): Promise<unknown> {
    try {
      return await dispatchUncoded(table, channel, payload, sender);
    } catch (error) {
      throw withCodedMessage(error);
    }
  };
}

/**
 * The error with the coded problem appended to its message: it keeps its type and English words
 * (main's log, the tests). An error whose message cannot be replaced travels as a new Error
 * with it as the cause.
 */
function withCodedMessage(error: unknown): Error {
  const message = encodeProblem(problemOfError(error), error instanceof Error ? error.message : String(error));
  if (error instanceof Error) {
    try {
      error.message = message;
    } catch {
      // A read-only message (a getter, a frozen error): a new Error carries it below.
    }
    if (error.message === message) return error;
  }
  return new Error(message, { cause: error });
}

async function dispatchUncoded(table: HandlerTable, channel: string, payload: unknown, sender: SenderInfo): Promise<unknown> {
  const shownChannel = channel.slice(0, 200);
  if (!sender.trusted) throw new IpcRefusedError(`Refused ${channel} from an untrusted sender (${sender.description}).`, { code: 'refusedSender', channel: shownChannel });
  if (!Object.hasOwn(ipcContract, channel)) throw new IpcRefusedError(`Unknown channel ${JSON.stringify(channel)}.`, { code: 'invalidRequest', channel: shownChannel, field: '' });
  const name = channel as Channel;
  const contract = ipcContract[name];
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new IpcRefusedError(`Invalid request for ${name}: ${field || 'request'}: ${issue.message}`, { code: 'invalidRequest', channel: name, field: field.slice(0, 400) });
  }
  const handler = table[name] as (request: unknown) => Promise<unknown>;
  const response = await handler(parsed.data);
  return contract.response.parse(response);
}

export type Dispatch = ReturnType<typeof createDispatcher>;
