// Thin wiring only: windows, menus, dialogs and IPC. All behaviour lives in services.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session as electronSession, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNames, eventWireName, type MenuCommand } from '../shared/ipc';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlerTable } from './ipc/handlerTable';
import { electronSender } from './ipc/senderCheck';
import { menuLabels, type MenuLabelKey } from '../shared/i18n/menuCatalog';
import type { HostPlatform } from './ipc/hostPlatform';
import { CorpusSession } from './services/corpus/corpusSession';
import { CorpusSwitchRequests } from './services/app/corpusSwitchRequests';
import { SettingsStore } from './services/app/settingsStore';
import { chooseStartupFolder, ensureSampleCorpusCopy, folderArgument } from './services/app/startupFolder';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { recoverFromRendererGone } from './crashRecovery';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppOriginUrl } from './security/appProtocol';
import { createAppProtocolHandler } from './security/appProtocolHandler';
import { denyAllPermissions, lockDownWebContents } from './security/windowGuards';

const here = path.dirname(fileURLToPath(import.meta.url));
const development = !app.isPackaged;
// Tests and portable setups point the settings at a folder of their own.
if (process.env.HASHIYE_USER_DATA) app.setPath('userData', process.env.HASHIYE_USER_DATA);
let mainWindow: BrowserWindow | null = null;
// Must happen before `ready`: the renderer is served from app://hashiye, never from file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function bundledSampleCorpus(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'sample-corpus') : path.join(app.getAppPath(), 'sample-corpus');
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(eventWireName('menu.command'), { command });
}

/** A native open dialog over the window: the chosen path, or null when dismissed. */
async function pickPath(options: OpenDialogOptions): Promise<string | null> {
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

interface MenuActions {
  openFolder: () => Promise<void>;
  openRecent: (root: string) => Promise<void>;
  recent: readonly string[];
  /** The menu speaks the UI language, from the same catalog as the window (shared/i18n/menuCatalog.ts). */
  labels: Record<MenuLabelKey, string>;
}

function buildMenu({ openFolder, openRecent, recent, labels }: MenuActions): Menu {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0 ? [{ label: labels.noRecent, enabled: false }] : recent.map((root) => ({ label: root, click: () => void openRecent(root) }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: labels.file,
      submenu: [
        { label: labels.openFolder, accelerator: 'CmdOrCtrl+O', click: () => void openFolder() },
        { label: labels.openRecent, submenu: recentItems },
        { type: 'separator' },
        { label: labels.import, click: () => sendMenuCommand('import') },
        { label: labels.export, click: () => sendMenuCommand('export') },
        { type: 'separator' },
        { role: 'quit', label: labels.quit },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: () => sendMenuCommand('undo') },
        { label: labels.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => sendMenuCommand('redo') },
        { type: 'separator' },
        { role: 'copy', label: labels.copy },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { label: labels.find, accelerator: 'CmdOrCtrl+F', click: () => sendMenuCommand('find') },
        { label: labels.nextArticle, accelerator: 'Alt+Down', click: () => sendMenuCommand('next-article') },
        { label: labels.previousArticle, accelerator: 'Alt+Up', click: () => sendMenuCommand('previous-article') },
        { label: labels.shortcuts, accelerator: 'F1', click: () => sendMenuCommand('shortcuts') },
        { type: 'separator' },
        { role: 'resetZoom', label: labels.resetZoom },
        { role: 'zoomIn', label: labels.zoomIn },
        { role: 'zoomOut', label: labels.zoomOut },
        ...(development ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: labels.developerTools }] as MenuItemConstructorOptions[]) : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/** What the handlers ask of the desktop: native dialogs (titled in the user's language) and events to the window. */
function electronHost(menuText: () => Record<MenuLabelKey, string>, corpusOpened: () => void): HostPlatform {
  return {
    async pickFolder() {
      const options = { properties: ['openDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
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
      mainWindow?.webContents.send(eventWireName(event), payload);
    },
    corpusOpened,
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

async function start(): Promise<void> {
  const settings = await SettingsStore.open(app.getPath('userData'));
  const menuText = () => menuLabels[settings.uiLanguage(app.getLocale())];
  const corpusSession = new CorpusSession({ watch: true, cacheFolder: path.join(app.getPath('userData'), 'listing-cache') });

  const host = electronHost(menuText, () => refreshMenu());
  const switchRequests = new CorpusSwitchRequests();
  const dispatch = createDispatcher(createHandlerTable({ session: corpusSession, settings, host, development, systemLocale: app.getLocale(), switchRequests }), corpusSession);

  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, electronSender(event, mainWindow, isAppUrl)));
  }

  const startupFolder = await chooseStartupFolder({
    argument: folderArgument(process.argv, app.isPackaged, process.env.INIT_CWD ?? process.cwd()),
    lastCorpus: settings.current.lastCorpus,
    sampleCorpus: () => ensureSampleCorpusCopy(bundledSampleCorpus(), app.getPath('userData')),
  });
  await corpusSession.open(startupFolder);
  await settings.rememberCorpus(startupFolder);

  // The window saves its edits (or asks about those it cannot save) before the corpus changes under it: it confirms with corpus.confirmSwitch.
  const openCorpus = async (folder: string) => {
    host.emit('corpus.switchRequested', { token: switchRequests.request(folder) });
  };
  const openFolder = async () => {
    const folder = await host.pickFolder();
    if (folder) await openCorpus(folder);
  };
  function refreshMenu(): void {
    Menu.setApplicationMenu(buildMenu({ openFolder, openRecent: openCorpus, recent: settings.current.recentCorpora, labels: menuText() }));
  }
  refreshMenu();
  // A language switch in the window is saved to the settings: the menu is rebuilt in that language.
  settings.onLanguageChange(() => refreshMenu());

  secureSession();
  createWindow();
}

function isAppUrl(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (development && devServer && url.startsWith(devServer)) return true;
  return isAppOriginUrl(url);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
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
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    const window = mainWindow;
    if (!window) return;
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
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (development && devServer) void mainWindow.loadURL(devServer);
  else void mainWindow.loadURL(APP_ENTRY_URL);
}

app.on('web-contents-created', (_event, contents) => {
  lockDownWebContents(contents, development ? (what) => console.warn(`Refused ${what}`) : undefined);
});
app.on('window-all-closed', () => app.quit());
app.whenReady().then(start, (error: unknown) => {
  dialog.showErrorBox('Hashiye could not start', String(error));
  app.quit();
});
