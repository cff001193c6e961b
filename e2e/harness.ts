/**
 * Launches the app for end-to-end tests. With Electron's binary installed, this is the real
 * app through Playwright's `_electron`. Without it, the built renderer is served on 127.0.0.1
 * to Chromium and `window.api` is connected, through `page.exposeBinding`, to the same
 * handler table main registers with ipcMain: same contract, same validation, real files
 * (large answers are then fetched from the local server, see the binding).
 */
import { _electron as electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventNames, windowChannelNames, type EventChannel, type EventPayloadOf } from '../shared/ipc';
import { createApi } from '../shared/createApi';
import { packCorpusListing } from '../shared/articleListWire';
import { recoverFromRendererGone } from '../electron/crashRecovery';
import { createDispatcher } from '../electron/ipc/dispatcher';
import { createHandlerTable } from '../electron/ipc/handlerTable';
import type { HostPlatform } from '../electron/ipc/hostPlatform';
import { CorpusSession } from '../electron/services/corpus/corpusSession';
import { SettingsStore } from '../electron/services/app/settingsStore';
import { desktopContext } from '../electron/services/desktop/aboutInfo';
import { openAppLog } from '../electron/services/desktop/appLog';
import { handOverLaunch, type HandOverHost, type HandOverOutcome } from '../electron/services/desktop/singleInstance';
import { CorpusSwitchRequests } from '../electron/services/app/corpusSwitchRequests';
import { electronBinary, projectRoot, systemChromium } from './browserLocation';
import { serveFolder } from './staticServer';

export type AppHost = 'electron' | 'chromium';

export interface LaunchOptions {
  corpus: string;
  /** Which host to run; by default real Electron when its binary exists, else Chromium. */
  host?: AppHost;
  /** What the native folder dialog answers, in the Chromium stand-in. */
  pickFolder?: () => string | null;
  /** What the save-file dialog (statistics CSV) answers, given the suggested name, in the Chromium stand-in. */
  pickSaveFile?: (suggestedName: string) => string | null;
  /**
   * The OS path of a file or folder dropped onto the window, by its name: Electron's preload
   * gets it from webUtils.getPathForFile, which a plain browser cannot.
   */
  droppedPath?: (name: string) => string;
  /** What the user answers when the page crashes and the app offers a reload (default: reload). */
  crashAnswer?: 'reload' | 'quit';
  /** The system locale the app sees (default fa-IR: the Persian UI). */
  locale?: string;
  /** A settings folder kept across launches (to test what the app remembers); by default a fresh one. */
  settingsFolder?: string;
  /** What File › Export's folder dialog answers, in the Chromium stand-in. */
  pickExportFolder?: () => string | null;
  /** What File › Import's source dialog answers (a file or a folder), in the Chromium stand-in. */
  pickImportSource?: (kind: 'file' | 'folder') => string | null;
  /** What File › Import's new-corpus dialog answers, in the Chromium stand-in. */
  pickImportTarget?: () => string | null;
  annotator?: string;
  viewport?: { width: number; height: number };
}

export interface LaunchedApp {
  page: Page;
  close: () => Promise<void>;
  host: AppHost;
  /**
   * Test-only hook (#23): a second launch of the app with `args` (what follows the app on its
   * command line), as Electron's `second-instance` event hands them to the running instance.
   * Electron: the app's own `second-instance` listener runs. Chromium stand-in: main's
   * `handOverLaunch` runs against a host wired as main.ts wires it (same switch requests, same events).
   */
  secondLaunch: (args: readonly string[], workingDirectory?: string) => Promise<HandOverOutcome | 'sent'>;
}

/** Requests and answers at least this long (in characters of JSON) go over HTTP rather than CDP. */
const LARGE_PAYLOAD_CHARACTERS = 64 * 1024;
const LARGE_REQUEST_PATH = '/__hashiye-large-request/';
const LARGE_ANSWER_PATH = '/__hashiye-large-answer/';
const ANSWER_WORKER_PATH = '/__hashiye-answer-worker.js';
/**
 * (#17, session 17) Large answers are fetched and parsed by a worker, which hands the window
 * the parsed value: the window's main thread then deserializes a structured clone, as it does
 * with what Electron's ipcRenderer.invoke receives (main serializes the answer with V8's
 * serializer, the renderer deserializes it on its main thread). Fetched and parsed on the
 * window's main thread instead, the article with 100,000 annotations' first answer (2.4 MB of
 * JSON text) cost two tasks of 53-84 ms of CPU at load 6 (the body's UTF-8 decoded, then
 * parsed), the open's two longest tasks in every traced open: work of the stand-in, which
 * Electron's window never does.
 */
const ANSWER_WORKER_SOURCE = `onmessage = (event) => {
  const { id, url } = event.data;
  fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error('The harness had no answer at ' + url + '.'))))
    .then((value) => postMessage({ id, value }), (error) => postMessage({ id, error: String(error && error.message ? error.message : error) }));
};`;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const binary = electronBinary();
  const host = options.host ?? ('path' in binary ? 'electron' : 'chromium');
  if (host === 'electron') {
    if (!('path' in binary)) throw new Error(`Cannot run the Electron host: ${binary.reason}`);
    return launchElectron(binary.path, options);
  }
  return launchChromiumStandIn(options);
}

async function temporarySettingsFolder(annotator: string | undefined): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-'));
  if (annotator) await fs.writeFile(path.join(folder, 'settings.json'), JSON.stringify({ annotator }));
  return folder;
}

async function launchElectron(executablePath: string, options: LaunchOptions): Promise<LaunchedApp> {
  const userData = await temporarySettingsFolder(options.annotator);
  const app: ElectronApplication = await electron.launch({
    executablePath,
    args: [`--lang=${options.locale ?? 'fa-IR'}`, projectRoot, options.corpus],
    env: { ...process.env, HASHIYE_USER_DATA: userData } as Record<string, string>,
  });
  const page = await app.firstWindow();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.waitForSelector('.app');
  return {
    page,
    host: 'electron',
    secondLaunch: async (args, workingDirectory = process.cwd()) => {
      await app.evaluate(({ app: electronApp }, [argv, cwd]) => electronApp.emit('second-instance', {}, argv, cwd), [[executablePath, projectRoot, ...args], workingDirectory] as const);
      return 'sent';
    },
    close: async () => {
      await app.close();
      await fs.rm(userData, { recursive: true, force: true });
    },
  };
}

async function launchChromiumStandIn(options: LaunchOptions): Promise<LaunchedApp> {
  const rendererFolder = path.join(projectRoot, 'out', 'renderer');
  try {
    await fs.access(path.join(rendererFolder, 'index.html'));
  } catch {
    throw new Error('The renderer is not built: run `npm run build` first.');
  }
  const userData = options.settingsFolder ?? (await temporarySettingsFolder(options.annotator));
  const settings = await SettingsStore.open(userData);
  const session = new CorpusSession({ watch: true, cacheFolder: path.join(userData, 'listing-cache'), statusesLater: true });
  await session.open(options.corpus);
  // Large payloads (an article with its annotations, a save of ten thousand annotations) do
  // not cross CDP: the page posts a large request to the local server and fetches a large
  // answer from it, each once, by an unguessable name (see the binding below).
  const largeRequests = new Map<string, string>();
  const largeAnswers = new Map<string, string>();
  const server = await serveFolder(rendererFolder, ({ method, pathname, body }) => {
    if (method === 'POST' && pathname.startsWith(LARGE_REQUEST_PATH)) {
      largeRequests.set(pathname.slice(LARGE_REQUEST_PATH.length), body);
      return { body: '', contentType: 'text/plain' };
    }
    if (method === 'GET' && pathname === ANSWER_WORKER_PATH) return { body: ANSWER_WORKER_SOURCE, contentType: 'text/javascript; charset=utf-8' };
    if (method !== 'GET' || !pathname.startsWith(LARGE_ANSWER_PATH)) return null;
    const token = pathname.slice(LARGE_ANSWER_PATH.length);
    const answer = largeAnswers.get(token);
    if (answer === undefined) return null;
    largeAnswers.delete(token);
    return { body: answer, contentType: 'application/json; charset=utf-8' };
  });
  const browser: Browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: options.locale ?? 'fa-IR' });
  // The window's page; replaced by a fresh one when the old one crashed and the user chose to reload.
  let page = await context.newPage();

  const hostPlatform: HostPlatform = {
    pickFolder: async () => options.pickFolder?.() ?? null,
    pickSaveFile: async (suggestedName) => options.pickSaveFile?.(suggestedName) ?? null,
    pickExportFolder: async () => options.pickExportFolder?.() ?? null,
    pickImportSource: async (kind) => options.pickImportSource?.(kind) ?? null,
    pickImportTarget: async () => options.pickImportTarget?.() ?? null,
    emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>) {
      void page.evaluate(([name, data]) => (window as unknown as { __hashiyeEmit: (n: string, d: unknown) => void }).__hashiyeEmit(name, data), [event, packCorpusListing(event, payload)] as const);
    },
  };
  // (#23) Help › About and the log as main has them: the build's licences, a log in the settings folder.
  const { version } = JSON.parse(await fs.readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const licenceFiles = [path.join(projectRoot, 'out', 'main', 'licences.json'), path.join(rendererFolder, 'licences.json')];
  const desktop = desktopContext({ appVersion: version, versions: process.versions, licenceFiles, log: await openAppLog(path.join(userData, 'logs')), platform: process.platform });
  const switchRequests = new CorpusSwitchRequests();
  const dispatch = createDispatcher(createHandlerTable({ session, settings, host: hostPlatform, development: false, systemLocale: options.locale ?? 'fa-IR', desktop, switchRequests }), session);
  // Wired as main.ts wires its hand-over host; only the window's focus is the browser's.
  const handOverHost: HandOverHost = {
    focusWindow: () => void page.bringToFront(),
    currentCorpus: () => session.rootPath,
    requestCorpusSwitch: (folder, articleId) => hostPlatform.emit('corpus.switchRequested', { token: switchRequests.request(folder), articleId }),
    requestArticle: (id) => hostPlatform.emit('corpus.articleRequested', { id }),
    refuse: (problem) => hostPlatform.emit('corpus.openRefused', problem),
  };

  // Context-wide, so a page opened after a crash is wired the same way.
  await context.exposeFunction('__hashiyeDropped', (name: string) => options.droppedPath?.(name) ?? name);
  // Requests and answers cross as JSON text: Playwright then moves one string over CDP instead
  // of walking every object of a 1 MB article's ten thousand annotations with its own
  // serializer (measured by npm run bench: about 0.7 s of the harness's 1 s transport). Large
  // ones do not cross CDP at all: a 2 MB CDP message still took about 0.25 s, and sending a
  // save of 10,000 annotations held the page's main thread for 60-170 ms. Electron's
  // structured clone carries the same plain data.
  await context.exposeBinding('__hashiyeInvoke', async (source, channel: string, request: string | { posted: string }) => {
    const url = source.frame.url();
    const trusted = source.page === page && source.frame === page.mainFrame() && url.startsWith(`${server.origin}/`);
    let requestJson: unknown = request;
    if (typeof request === 'object' && request !== null && typeof request.posted === 'string') {
      requestJson = largeRequests.get(request.posted);
      largeRequests.delete(request.posted);
      if (requestJson === undefined) throw new Error(`No posted request ${request.posted}.`);
    }
    const payload: unknown = typeof requestJson === 'string' ? JSON.parse(requestJson) : requestJson;
    // Packed as main.ts packs what it sends (shared/articleListWire.ts).
    const answer = packCorpusListing(channel, await dispatch(channel, payload, { trusted, description: url }));
    if (answer === undefined) return undefined;
    const json = JSON.stringify(answer);
    if (json.length < LARGE_PAYLOAD_CHARACTERS) return json;
    const token = randomUUID();
    largeAnswers.set(token, json);
    return { fetch: `${LARGE_ANSWER_PATH}${token}` };
  });
  // Stands in for the preload: the same createApi, over the binding instead of ipcRenderer.
  await context.addInitScript(
    `(() => {
      const listeners = new Map();
      window.__hashiyeEmit = (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); };
      const createApi = ${createApi.toString()};
      const send = async (channel, request) => {
        const json = JSON.stringify(request);
        if (json === undefined || json.length < ${LARGE_PAYLOAD_CHARACTERS}) return window.__hashiyeInvoke(channel, json);
        const posted = crypto.randomUUID();
        // Bytes, not the string: Chromium's fetch spent ~50 ms turning a 1.5 MB string body into UTF-8.
        const response = await fetch('${LARGE_REQUEST_PATH}' + posted, { method: 'POST', body: new TextEncoder().encode(json) });
        if (!response.ok) throw new Error('The harness did not take the request.');
        return window.__hashiyeInvoke(channel, { posted });
      };
      // A large answer: fetched and parsed by a worker, handed over as a structured clone (see ANSWER_WORKER_SOURCE).
      let answerWorker = null;
      const fetched = new Map();
      let fetches = 0;
      const fetchAnswer = (url) => {
        if (!answerWorker) {
          answerWorker = new Worker('${ANSWER_WORKER_PATH}');
          answerWorker.onmessage = (event) => {
            const { id, value, error } = event.data;
            const waiting = fetched.get(id);
            fetched.delete(id);
            if (waiting) error === undefined ? waiting.resolve(value) : waiting.reject(new Error(error));
          };
        }
        const id = ++fetches;
        return new Promise((resolve, reject) => {
          fetched.set(id, { resolve, reject });
          answerWorker.postMessage({ id, url });
        });
      };
      const invoke = (channel, request) =>
        send(channel, request).then((answer) =>
          answer === undefined ? undefined : typeof answer === 'string' ? JSON.parse(answer) : fetchAnswer(answer.fetch));
      window.dropTarget = { open: (file) => window.__hashiyeDropped(file.name).then((path) => invoke('corpus.openDropped', { path })) };
      window.api = createApi(${JSON.stringify(windowChannelNames)}, ${JSON.stringify(eventNames)},
        invoke,
        (event, listener) => {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event).add(listener);
          return () => listeners.get(event).delete(listener);
        });
    })();`,
  );
  const pageErrors: string[] = [];
  const appUrl = `${server.origin}/index.html`;
  const watch = (watched: Page) => {
    watched.on('pageerror', (error) => pageErrors.push(error.message));
    // The same recovery main runs when the renderer dies; the question is answered as the test says.
    // A crashed Chromium page cannot be reloaded in place: the reload is a fresh page on the same URL.
    watched.on('crash', () => {
      void recoverFromRendererGone(
        { reason: 'crashed' },
        {
          ask: async () => options.crashAnswer ?? 'reload',
          reload: async () => {
            // Let the dead renderer go first, so the fresh page gets a process of its own.
            await watched.close().catch(() => undefined);
            page = await context.newPage();
            watch(page);
            await page.goto(appUrl);
          },
          quit: () => undefined,
        },
      );
    });
  };
  watch(page);
  await page.goto(appUrl);
  try {
    await page.waitForSelector('.app', { timeout: 15_000 });
  } catch (error) {
    await browser.close();
    await server.close();
    throw new Error(`The app did not render: ${pageErrors.join('; ') || (error as Error).message}`);
  }
  return {
    page,
    host: 'chromium',
    // A development launch's argv: the Electron binary, the app folder, then the arguments.
    secondLaunch: (args, workingDirectory = process.cwd()) => handOverLaunch({ argv: ['electron', projectRoot, ...args], workingDirectory, packaged: false }, handOverHost),
    close: async () => {
      await session.close();
      await browser.close();
      await server.close();
      if (!options.settingsFolder) await fs.rm(userData, { recursive: true, force: true });
      if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
    },
  };
}
