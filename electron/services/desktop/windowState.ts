import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomicWrite';

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
export type Rect = z.infer<typeof RectSchema>;

const SavedWindowStateSchema = z.object({ bounds: RectSchema, maximized: z.boolean(), fullScreen: z.boolean() });
export type SavedWindowState = z.infer<typeof SavedWindowStateSchema>;

const WindowStateFileSchema = z.object({
  /** Each display set-up's last window, by displaySetupKey. */
  bySetup: z.record(z.string(), SavedWindowStateSchema).default({}),
  /** The set-up last written, for a set-up seen for the first time. */
  lastSetup: z.string().nullable().default(null),
});
type WindowStateFile = z.infer<typeof WindowStateFileSchema>;

/** A display as Electron's screen module describes it (only what placing a window needs). */
export interface DisplayArea {
  bounds: Rect;
  /** The bounds less the task bar, dock and menu bar. */
  workArea: Rect;
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 } as const;
/** A window counts as reachable when this much of its top edge (where the title bar is) is on a display. */
const REACHABLE_TITLE_WIDTH = 120;
const REACHABLE_TITLE_HEIGHT = 32;

/**
 * Names a display set-up (laptop alone, laptop with the office monitor...): the displays'
 * bounds, sorted, so the same monitors in the same arrangement give the same key.
 */
export function displaySetupKey(displays: readonly DisplayArea[]): string {
  return displays
    .map(({ bounds }) => `${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`)
    .sort()
    .join('|');
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Whether the user can reach the window's title bar on one of the displays. */
export function isReachable(bounds: Rect, displays: readonly DisplayArea[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: REACHABLE_TITLE_HEIGHT };
  return displays.some(({ workArea }) => {
    const shared = overlap(titleBar, workArea);
    return shared.width >= Math.min(REACHABLE_TITLE_WIDTH, bounds.width) && shared.height >= Math.min(REACHABLE_TITLE_HEIGHT, bounds.height);
  });
}

/** The bounds shrunk to fit the work area and centred on it. */
function centredOn(size: { width: number; height: number }, workArea: Rect): Rect {
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  return { x: workArea.x + Math.round((workArea.width - width) / 2), y: workArea.y + Math.round((workArea.height - height) / 2), width, height };
}

/**
 * Where the window opens: where it was left, or, when its monitor is gone (or it would open off
 * every screen), at the same size centred on the primary display (`displays[0]`).
 */
export function placeWindow(saved: SavedWindowState | null, displays: readonly DisplayArea[]): SavedWindowState {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved) return { bounds: centredOn(DEFAULT_WINDOW_SIZE, primary), maximized: false, fullScreen: false };
  if (isReachable(saved.bounds, displays)) return saved;
  return { ...saved, bounds: centredOn(saved.bounds, primary) };
}

/** The window's size, place, maximized and full-screen state, per display set-up, in windowState.json of the settings folder. */
export class WindowStateStore {
  private constructor(private readonly file: string, private state: WindowStateFile) {}

  static async open(settingsFolder: string): Promise<WindowStateStore> {
    const file = path.join(settingsFolder, 'windowState.json');
    let state = WindowStateFileSchema.parse({});
    try {
      const parsed = WindowStateFileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (parsed.success) state = parsed.data;
    } catch {
      // First run, or a damaged file: the window opens at its default size, and the file is rewritten on close.
    }
    return new WindowStateStore(file, state);
  }

  /** Where to open the window on these displays: this set-up's last place, else the last set-up's, made reachable. */
  initialState(displays: readonly DisplayArea[]): SavedWindowState {
    const key = displaySetupKey(displays);
    const saved = this.state.bySetup[key] ?? (this.state.lastSetup ? this.state.bySetup[this.state.lastSetup] : undefined) ?? null;
    return placeWindow(saved, displays);
  }

  async remember(displays: readonly DisplayArea[], state: SavedWindowState): Promise<void> {
    const key = displaySetupKey(displays);
    this.state = { bySetup: { ...this.state.bySetup, [key]: SavedWindowStateSchema.parse(state) }, lastSetup: key };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 2)}\n`, { backup: false });
  }
}
