import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLabelKey } from '../../../shared/i18n/menuCatalog';
import type { MenuCommand } from '../../../shared/ipc';

/** What the menu's items do; main wires each to Electron, the tests to a recorder. */
export interface MenuActions {
  openFolder(): void;
  openRecent(root: string): void;
  /** A command the window carries out (undo, find, the shortcut sheet, the user guide, About...). */
  command(command: MenuCommand): void;
  openLogsFolder(): void;
  reportProblem(): void;
}

export interface MenuSpec {
  /** The labels in the UI language (shared/i18n/menuCatalog.ts): the menu follows a language switch. */
  labels: Readonly<Record<MenuLabelKey, string>>;
  /** process.platform: macOS has the app menu, and About and Quit live there. */
  platform: string;
  recent: readonly string[];
  development: boolean;
  actions: MenuActions;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

/** macOS's first menu, named after the app, with About, Services, Hide and Quit where Mac users look for them. */
function macAppMenu({ labels, actions }: MenuSpec): Item {
  return {
    role: 'appMenu',
    label: 'Hashiye',
    submenu: [
      { label: labels.about, click: () => actions.command('about') },
      separator,
      { role: 'services', label: labels.services },
      separator,
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      separator,
      { role: 'quit', label: labels.quit },
    ],
  };
}

function fileMenu({ labels, actions, recent, platform }: MenuSpec): Item {
  const recentItems: Item[] = recent.length === 0 ? [{ label: labels.noRecent, enabled: false }] : recent.map((root) => ({ label: root, click: () => actions.openRecent(root) }));
  return {
    label: labels.file,
    submenu: [
      { label: labels.openFolder, accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: labels.openRecent, submenu: recentItems },
      separator,
      { label: labels.import, click: () => actions.command('import') },
      { label: labels.export, click: () => actions.command('export') },
      ...(platform === 'darwin' ? [] : [separator, { role: 'quit', label: labels.quit } as Item]),
    ],
  };
}

/**
 * Undo and Redo are the article's (the window's own history); Cut, Copy, Paste and Select All are
 * the system's roles, which text fields need (on macOS they work only through the menu).
 * CmdOrCtrl shows ⌘ on macOS and Ctrl elsewhere.
 */
function editMenu({ labels, actions }: MenuSpec): Item {
  return {
    label: labels.edit,
    submenu: [
      { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: () => actions.command('undo') },
      { label: labels.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => actions.command('redo') },
      separator,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };
}

function viewMenu({ labels, actions, development }: MenuSpec): Item {
  return {
    label: labels.view,
    submenu: [
      { label: labels.find, accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
      { label: labels.nextArticle, accelerator: 'Alt+Down', click: () => actions.command('next-article') },
      { label: labels.previousArticle, accelerator: 'Alt+Up', click: () => actions.command('previous-article') },
      separator,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      ...(development ? [separator, { role: 'toggleDevTools', label: labels.developerTools } as Item] : []),
    ],
  };
}

/** role 'help': macOS adds its search field; elsewhere the menu is last, as users expect. */
function helpMenu({ labels, actions, platform }: MenuSpec): Item {
  return {
    role: 'help',
    label: labels.help,
    submenu: [
      { label: labels.shortcuts, accelerator: 'F1', click: () => actions.command('shortcuts') },
      { label: labels.userGuide, click: () => actions.command('guide') },
      separator,
      { label: labels.openLogsFolder, click: () => actions.openLogsFolder() },
      { label: labels.reportProblem, click: () => actions.reportProblem() },
      ...(platform === 'darwin' ? [] : [separator, { label: labels.about, click: () => actions.command('about') } as Item]),
    ],
  };
}

/** The native menu's template, for Menu.buildFromTemplate. */
export function applicationMenuTemplate(spec: MenuSpec): Item[] {
  return [...(spec.platform === 'darwin' ? [macAppMenu(spec)] : []), fileMenu(spec), editMenu(spec), viewMenu(spec), helpMenu(spec)];
}
