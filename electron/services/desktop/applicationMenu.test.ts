import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuLabels, type MenuLanguage } from '../../../shared/i18n/menuCatalog';
import { applicationMenuTemplate, type MenuActions } from './applicationMenu';

type Item = MenuItemConstructorOptions;

function recorder(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openFolder: () => calls.push('openFolder'),
    openRecent: (root) => calls.push(`openRecent ${root}`),
    command: (command) => calls.push(`command ${command}`),
    openLogsFolder: () => calls.push('openLogsFolder'),
    reportProblem: () => calls.push('reportProblem'),
  };
}

function menu(language: MenuLanguage, platform = 'linux', actions = recorder()): Item[] {
  return applicationMenuTemplate({ labels: menuLabels[language], platform, recent: ['/corpora/news'], development: false, actions });
}

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [];
}

function find(items: Item[], label: string): Item {
  const found = items.find((item) => item.label === label);
  if (!found) throw new Error(`no item ${label} in ${items.map((item) => item.label).join(', ')}`);
  return found;
}

function click(item: Item): void {
  (item.click as unknown as () => void)();
}

describe('the application menu', () => {
  for (const language of ['fa', 'en'] as const) {
    it(`speaks ${language}: every menu and item is labelled from the catalog`, () => {
      const labels = menuLabels[language];
      const template = menu(language);
      expect(template.map((item) => item.label)).toEqual([labels.file, labels.edit, labels.view, labels.help]);
      const walk = (items: Item[]): void => {
        for (const item of items) {
          if (item.type === 'separator') continue;
          expect(typeof item.label, JSON.stringify(item.role ?? item.accelerator)).toBe('string');
          walk(submenu(item));
        }
      };
      walk(template);
      expect(submenu(template[3]).map((item) => item.label).filter(Boolean)).toEqual([labels.shortcuts, labels.userGuide, labels.openLogsFolder, labels.reportProblem, labels.about]);
    });
  }

  it('Persian and English labels differ (the menu follows the UI language)', () => {
    expect(menu('fa')[0].label).toBe('پرونده');
    expect(menu('en')[0].label).toBe('File');
    expect(find(submenu(menu('fa')[1]), 'چسباندن').role).toBe('paste');
  });

  it('Edit has Undo, Redo, Cut, Copy, Paste and Select All', () => {
    const labels = menuLabels.en;
    const edit = submenu(menu('en')[1]).filter((item) => item.type !== 'separator');
    expect(edit.map((item) => item.label)).toEqual([labels.undo, labels.redo, labels.cut, labels.copy, labels.paste, labels.selectAll]);
    expect(edit.slice(2).map((item) => item.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(edit.slice(0, 2).map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
  });

  it('the Help menu has role help, and its items reach the window and main', () => {
    const actions = recorder();
    const help = menu('en', 'linux', actions)[3];
    expect(help.role).toBe('help');
    for (const label of ['Keyboard Shortcuts', 'User Guide', 'Open Logs Folder', 'Report a Problem…', 'About Hashiye']) click(find(submenu(help), label));
    click(find(submenu(find(submenu(menu('en', 'linux', actions)[0]), 'Open Recent')), '/corpora/news'));
    expect(actions.calls).toEqual(['command shortcuts', 'command guide', 'openLogsFolder', 'reportProblem', 'command about', 'openRecent /corpora/news']);
  });

  it('on macOS: an app menu first with About and Quit, Cmd accelerators, no Quit or About elsewhere', () => {
    const template = menu('fa', 'darwin');
    expect(template[0].role).toBe('appMenu');
    const appItems = submenu(template[0]);
    expect(appItems[0].label).toBe(menuLabels.fa.about);
    expect(appItems.at(-1)?.role).toBe('quit');
    expect(submenu(template[1]).some((item) => item.role === 'quit')).toBe(false);
    expect(submenu(template[4]).some((item) => item.label === menuLabels.fa.about)).toBe(false);
    // CmdOrCtrl is shown as ⌘ by macOS.
    expect(submenu(template[1])[0].accelerator).toBe('CmdOrCtrl+O');
  });
});
