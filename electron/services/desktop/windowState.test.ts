import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, WindowStateStore, displaySetupKey, isReachable, type DisplayArea } from './windowState';

const laptop: DisplayArea = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const officeMonitor: DisplayArea = { bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

async function settingsFolder(): Promise<string> {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-window-'));
  return folder;
}

describe('window state', () => {
  it('opens at the default size, centred, the first time', async () => {
    const store = await WindowStateStore.open(await settingsFolder());
    const state = store.initialState([laptop]);
    expect(state.maximized).toBe(false);
    expect(state.bounds.width).toBeLessThanOrEqual(DEFAULT_WINDOW_SIZE.width);
    expect(isReachable(state.bounds, [laptop])).toBe(true);
  });

  it('remembers size, place, maximized and full screen per display set-up, across restarts', async () => {
    const settings = await settingsFolder();
    let store = await WindowStateStore.open(settings);
    await store.remember([laptop], { bounds: { x: 40, y: 60, width: 1000, height: 700 }, maximized: false, fullScreen: true });
    await store.remember([laptop, officeMonitor], { bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: true, fullScreen: false });

    store = await WindowStateStore.open(settings);
    expect(store.initialState([laptop])).toEqual({ bounds: { x: 40, y: 60, width: 1000, height: 700 }, maximized: false, fullScreen: true });
    // The same monitors listed in another order are the same set-up.
    expect(store.initialState([officeMonitor, laptop])).toEqual({ bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: true, fullScreen: false });
    expect(displaySetupKey([officeMonitor, laptop])).toBe(displaySetupKey([laptop, officeMonitor]));
  });

  it('brings a window whose monitor is gone back onto a visible display, keeping its size where it fits', async () => {
    const settings = await settingsFolder();
    const store = await WindowStateStore.open(settings);
    // Left on the office monitor, then the laptop is started alone at home: a set-up never seen,
    // so the last set-up's place is taken, and it lies off every screen there is.
    await store.remember([laptop, officeMonitor], { bounds: { x: 2000, y: 200, width: 1200, height: 800 }, maximized: false, fullScreen: false });
    const reopened = (await WindowStateStore.open(settings)).initialState([laptop]);
    expect(isReachable(reopened.bounds, [laptop])).toBe(true);
    expect(reopened.bounds).toEqual({ x: 120, y: 63, width: 1200, height: 800 });

    // Too large for the only display left: shrunk to its work area.
    await store.remember([officeMonitor], { bounds: { x: 1500, y: 20, width: 2400, height: 1300 }, maximized: true, fullScreen: false });
    const shrunk = (await WindowStateStore.open(settings)).initialState([{ bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 0, y: 0, width: 1280, height: 760 } }]);
    expect(shrunk).toEqual({ bounds: { x: 0, y: 0, width: 1280, height: 760 }, maximized: true, fullScreen: false });
  });

  it('takes a window with only its title bar on screen as reachable, and one above the top edge as not', () => {
    expect(isReachable({ x: 1300, y: 800, width: 1000, height: 700 }, [laptop])).toBe(true);
    expect(isReachable({ x: 100, y: -500, width: 1000, height: 400 }, [laptop])).toBe(false);
    expect(isReachable({ x: -990, y: 100, width: 1000, height: 700 }, [laptop])).toBe(false);
  });

  it('starts afresh from a damaged state file', async () => {
    const settings = await settingsFolder();
    await fs.writeFile(path.join(settings, 'windowState.json'), '{"bySetup": 12');
    expect(isReachable((await WindowStateStore.open(settings)).initialState([laptop]).bounds, [laptop])).toBe(true);
  });
});
