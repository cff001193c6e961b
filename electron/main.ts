// Thin wiring only: windows, menus, dialogs and IPC. All behaviour lives in services.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session as electronSession, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNames, eventWireName, type MenuCommand } from '../shared/ipc';
import { packCorpusListing } from '../shared/articleListWire';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlerTable } from './ipc/handlerTable';
import { electronSender } from './ipc/senderCheck';
import { menuLabels, type MenuLabelKey } from '../shared/i18n/menuCatalog';
import type { HostPlatform } from './ipc/hostPlatform';
import { CorpusSession } from './services/corpus/corpusSession';
import { CorpusSwitchRequests } from './services/app/corpusSwitchRequests';
import { SettingsStore } from './services/app/settingsStore';
import { chooseStartupFolder, ensureSampleCorpusCopy, folderArgument } from './services/app/startupFolder';
import { desktopContext } from './services/desktop/aboutInfo';
import { openAppLog, type AppLog } from './services/desktop/appLog';
import { applicationMenuTemplate } from './services/desktop/applicationMenu';
import { RecentDocuments } from './services/desktop/recentDocuments';
import { articleIdIn, launchTargetForPath } from './services/desktop/launchTarget';
import { claimSingleInstance, handOverLaunch, type HandOverHost } from './services/desktop/singleInstance';
import { WindowStateStore } from './services/desktop/windowState';
import { openLogsFolder, reportProblem, runtimeVersions, type HelpActionContext } from './helpActions';
import { currentDisplays, keepWindowPlace } from './windowPlacement';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { recoverFromRendererGone } from './crashRecovery';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppOriginUrl } from './security/appProtocol';
import { createAppProtocolHandler } from './security/appProtocolHandler';
import { denyAllPermissions, lockDownWebContents } from './security/windowGuards';

const here = path.dirname(fileURLToPath(import.meta.url));
const development = !app.isPackaged;
// One app per settings folder (#23). Tests and portable setups point the settings at a folder of
// their own (HASHIYE_USER_DATA), set before the lock, so two profiles still run side by side.
const firstInstance = claimSingleInstance(
  { setSettingsFolder: (folder) => app.setPath('userData', folder), requestSingleInstanceLock: () => app.requestSingleInstanceLock() },
  process.env.HASHIYE_USER_DATA,
);
let mainWindow: BrowserWindow | null = null;
let appLog: AppLog | null = null;
/** Set once the window can take a hand-over; until then second launches and opened files wait here. */
let handOverHost: HandOverHost | null = null;
const waitingHandOvers: Parameters<typeof handOverLaunch>[0][] = [];

function bundledSampleCorpus(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'sample-corpus') : path.join(app.getAppPath(), 'sample-corpus');
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(eventWireName('menu.command'), { command });
}

function logError(code: string, error: unknown): void {
  appLog?.write('error', 'main', code, { error: error instanceof Error ? error.message : String(error) });
}

/** A second launch, or a folder or file opened from the OS: the running window opens it. */
function handOver(request: Parameters<typeof handOverLaunch>[0]): void {
  if (!handOverHost) waitingHandOvers.push(request);
  else handOverLaunch(request, handOverHost).catch((error: unknown) => logError('handOverFailed', error));
}

/** A native open dialog over the window: the chosen path, or null when dismissed. */
async function pickPath(options: OpenDialogOptions): Promise<string | null> {
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/** What the handlers ask of the desktop: native dialogs (titled in the user's language) and events to the window. */
function electronHost(menuText: () => Record<MenuLabelKey, string>, recent: RecentDocuments, corpusOpened: () => void): HostPlatform {
  return {
    pickFolder: () => pickPath({ properties: ['openDirectory'] }),
    async pickSaveFile(suggestedName) {
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    pickExportFolder: () => pickPath({ title: menuText().pickExportFolder, properties: ['openDirectory', 'createDirectory'] }),
    pickImportSource: (kind, format) =>
      // The format's Latin name is isolated (FSI…PDI) so it keeps its place in a Persian title.
      pickPath({ title: `${menuText().pickImportSource} \u2068${format}\u2069`, properties: kind === 'folder' ? ['openDirectory'] : ['openFile'] }),
    async pickImportTarget() {
      // A save dialog lets the user name a new folder; the importer creates it (or takes an empty one).
      const options = { title: menuText().pickImportTarget, buttonLabel: menuText().importButton, properties: ['createDirectory' as const] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    emit(event, payload) {
      mainWindow?.webContents.send(eventWireName(event), packCorpusListing(event, payload));
    },
    corpusOpened: (root) => {
      recent.corpusOpened(root);
      corpusOpened();
    },
    articleOpened: (root, articleId) => recent.articleOpened(root, articleId),
  };
}

/** No permission is ever granted, pages come from the app protocol, and every response carries the content security policy. */
function secureSession(): void {
  const logRefusal = development ? (what: string) => console.warn(`Refused ${what}`) : undefined;
  denyAllPermissions(electronSession.defaultSession, logRefusal);
  electronSession.defaultSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(here, '../renderer'), CONTENT_SECURITY_POLICY));
  // The development server is not served by the app protocol: give its pages the same policy.
  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * The corpus to open first, and the article in it: a path the OS opened the app with, else the
 * command line's. A path that opens nothing falls back to the last corpus.
 */
async function startupArgument(): Promise<{ folder: string | null; articleFile: string | null }> {
  const opened = waitingHandOvers.splice(0).find((request): request is { path: string } => 'path' in request);
  const argument = opened?.path ?? folderArgument(process.argv, app.isPackaged, process.env.INIT_CWD ?? process.cwd());
  const target = argument ? await launchTargetForPath(argument) : null;
  return target && !('refused' in target) ? target : { folder: null, articleFile: null };
}

function registerIpc(dispatch: ReturnType<typeof createDispatcher>, log: AppLog): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, payload, electronSender(event, mainWindow, isAppUrl)).then((answer) => packCorpusListing(channel, answer), (error: unknown) => {
        log.write('warn', 'main', 'requestRefused', { channel, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }),
    );
  }
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const log = await openAppLog(path.join(userData, 'logs'), { console: development });
  appLog = log;
  log.write('info', 'main', 'started', runtimeVersions());
  const settings = await SettingsStore.open(userData);
  const menuText = () => menuLabels[settings.uiLanguage(app.getLocale())];
  const corpusSession = new CorpusSession({ watch: true, cacheFolder: path.join(userData, 'listing-cache'), statusesLater: true });
  const recent = new RecentDocuments({ addRecentDocument: (file) => app.addRecentDocument(file) });
  const host = electronHost(menuText, recent, () => refreshMenu());
  const switchRequests = new CorpusSwitchRequests();
  const licenceFiles = [path.join(here, 'licences.json'), path.join(here, '../renderer/licences.json')];
  const desktop = desktopContext({ appVersion: app.getVersion(), versions: process.versions, licenceFiles, log, platform: process.platform });
  registerIpc(createDispatcher(createHandlerTable({ session: corpusSession, settings, host, development, systemLocale: app.getLocale(), switchRequests, desktop }), corpusSession), log);

  const asked = await startupArgument();
  const startupFolder = await chooseStartupFolder({
    argument: asked.folder,
    lastCorpus: settings.current.lastCorpus,
    sampleCorpus: () => ensureSampleCorpusCopy(bundledSampleCorpus(), userData),
  });
  await corpusSession.open(startupFolder);
  await settings.rememberCorpus(startupFolder);
  // An article the app was launched with opens first: the window resumes at the corpus's last article.
  const askedArticle = startupFolder === asked.folder && asked.articleFile ? articleIdIn(startupFolder, asked.articleFile) : null;
  if (askedArticle) await settings.resumeAtArticle(startupFolder, askedArticle);
  recent.corpusOpened(startupFolder);

  // The window saves its edits (or asks about those it cannot save) before the corpus changes under it: it confirms with corpus.confirmSwitch.
  const requestSwitch = (folder: string, articleId: string | null = null) => host.emit('corpus.switchRequested', { token: switchRequests.request(folder), articleId });
  const help: HelpActionContext = { window: () => mainWindow, labels: menuText, log };
  function refreshMenu(): void {
    const actions = {
      openFolder: () => void host.pickFolder().then((folder) => (folder ? requestSwitch(folder) : undefined)),
      openRecent: (folder: string) => requestSwitch(folder),
      command: sendMenuCommand,
      openLogsFolder: () => void openLogsFolder(help),
      reportProblem: () => void reportProblem(help),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ labels: menuText(), platform: process.platform, recent: settings.current.recentCorpora, development, actions })));
  }
  refreshMenu();
  // A language switch in the window is saved to the settings: the menu is rebuilt in that language.
  settings.onLanguageChange(() => refreshMenu());

  secureSession();
  createWindow(await WindowStateStore.open(userData));
  handOverHost = {
    focusWindow,
    currentCorpus: () => corpusSession.rootPath,
    requestCorpusSwitch: requestSwitch,
    requestArticle: (id) => host.emit('corpus.articleRequested', { id }),
    refuse: (problem) => host.emit('corpus.openRefused', problem),
  };
  for (const request of waitingHandOvers.splice(0)) handOver(request);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function isAppUrl(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (development && devServer && url.startsWith(devServer)) return true;
  return isAppOriginUrl(url);
}

function watchForCrash(window: BrowserWindow): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    appLog?.write('error', 'main', 'rendererGone', { reason: details.reason, exitCode: details.exitCode });
    void recoverFromRendererGone(details, {
      ask: async (message, detail) => {
        const { response } = await dialog.showMessageBox(window, {
          type: 'error',
          title: 'Hashiye',
          message,
          detail,
          buttons: ['Reload — بارگذاری دوباره', 'Quit — خروج'],
          defaultId: 0,
          cancelId: 1,
        });
        return response === 0 ? 'reload' : 'quit';
      },
      reload: () => window.webContents.reload(),
      quit: () => app.quit(),
    });
  });
}

function createWindow(windowState: WindowStateStore): void {
  const initial = windowState.initialState(currentDisplays());
  const window = new BrowserWindow({
    ...initial.bounds,
    title: 'Hashiye — حاشیه',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle-click on a link would otherwise ask for a new window (denied anyway by the guards).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = window;
  keepWindowPlace(window, initial, windowState, (error) => logError('windowStateNotSaved', error));
  window.once('ready-to-show', () => window.show());
  watchForCrash(window);
  window.on('closed', () => {
    mainWindow = null;
  });
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (development && devServer) void window.loadURL(devServer);
  else void window.loadURL(APP_ENTRY_URL);
}

if (!firstInstance) {
  // Another Hashiye runs on this settings folder: it received our arguments (second-instance) and comes to the front.
  app.quit();
} else {
  // Must happen before `ready`: the renderer is served from app://hashiye, never from file://.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.on('second-instance', (_event, argv, workingDirectory) => handOver({ argv, workingDirectory, packaged: app.isPackaged }));
  // macOS: a corpus's hashiye.json or an .ann.json opened from the Finder (file associations, electron-builder.yml).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    handOver({ path: file });
  });
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, (what) => {
      appLog?.write('warn', 'main', 'refused', { what });
      if (development) console.warn(`Refused ${what}`);
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    logError('startFailed', error);
    dialog.showErrorBox('Hashiye could not start — حاشیه باز نشد', String(error));
    app.quit();
  });
}
