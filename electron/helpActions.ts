// Electron side of Help › Open logs folder and Help › Report a problem (#23): native dialogs and
// the file manager around services/desktop/problemReport.ts, in the menu's language.
import { app, dialog, shell, type BrowserWindow } from 'electron';
import os from 'node:os';
import type { MenuLabelKey } from '../shared/i18n/menuCatalog';
import type { AppLog } from './services/desktop/appLog';
import { reportContentsText, writeProblemReport } from './services/desktop/problemReport';

export interface HelpActionContext {
  window: () => BrowserWindow | null;
  labels: () => Readonly<Record<MenuLabelKey, string>>;
  log: AppLog;
}

export function runtimeVersions(): Record<string, string> {
  return {
    hashiye: app.getVersion(),
    electron: process.versions.electron ?? '',
    chromium: process.versions.chrome ?? '',
    node: process.versions.node,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${process.arch}`,
    locale: app.getLocale(),
  };
}

export async function openLogsFolder({ log }: HelpActionContext): Promise<void> {
  const failure = await shell.openPath(log.folder);
  if (failure) log.write('warn', 'main', 'openLogsFolderFailed', { reason: failure });
}

export async function reportProblem({ window, labels, log }: HelpActionContext): Promise<void> {
  const text = labels();
  const parent = window();
  const options = { title: text.pickReportFolder, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;
  try {
    log.write('info', 'main', 'problemReport', {});
    const report = await writeProblemReport({ destination: picked.filePaths[0], logsFolder: log.folder, settingsFolder: app.getPath('userData'), versions: runtimeVersions() });
    const message = { type: 'info' as const, title: 'Hashiye', message: text.reportWritten, detail: reportContentsText(text.reportContents, report.folder), buttons: [text.showReport, text.ok], defaultId: 0, cancelId: 1 };
    const { response } = parent ? await dialog.showMessageBox(parent, message) : await dialog.showMessageBox(message);
    if (response === 0) shell.showItemInFolder(report.folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    log.write('error', 'main', 'problemReportFailed', { errno: code });
    dialog.showErrorBox(text.reportFailed, code);
  }
}
