import { promises as fs } from 'node:fs';
import path from 'node:path';
import { folderArgument } from '../app/startupFolder';

/** What the single-instance lock needs of Electron's `app`. */
export interface SingleInstanceHost {
  /** app.setPath('userData', folder). */
  setSettingsFolder(folder: string): void;
  /** app.requestSingleInstanceLock(): false when another instance holds it. */
  requestSingleInstanceLock(): boolean;
}

/**
 * Takes the single-instance lock of a settings folder. Electron's lock lives in the userData
 * folder, so the folder is set first: two profiles (HASHIYE_USER_DATA, as the tests use) run side
 * by side, while a second launch on the same profile hands over to the first and quits.
 */
export function claimSingleInstance(host: SingleInstanceHost, settingsFolder: string | undefined): boolean {
  if (settingsFolder) host.setSettingsFolder(settingsFolder);
  return host.requestSingleInstanceLock();
}

async function statOf(target: string): Promise<'folder' | 'file' | null> {
  try {
    const stats = await fs.stat(target);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** Corpora are rarely deeper than this below their hashiye.json. */
const MARKER_SEARCH_DEPTH = 8;

async function nearestMarkedFolder(start: string): Promise<string | null> {
  let folder = start;
  for (let depth = 0; depth < MARKER_SEARCH_DEPTH; depth += 1) {
    for (const marker of ['hashiye.json', 'annotation.conf']) if ((await statOf(path.join(folder, marker))) === 'file') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
  return null;
}

/**
 * The corpus folder a path given by the OS opens: a folder is itself; a corpus's `hashiye.json`
 * is its folder; an article or its `.ann.json` (also an annotator's file in `NAME.annotators/`)
 * opens the nearest folder above it holding `hashiye.json` or `annotation.conf`, else its own
 * folder. Null for a path that does not exist or is something else.
 */
export async function corpusFolderForPath(target: string): Promise<string | null> {
  const kind = await statOf(target);
  if (kind === 'folder') return target;
  if (kind !== 'file') return null;
  const name = path.basename(target);
  if (name === 'hashiye.json') return path.dirname(target);
  if (!/\.(?:ann\.json|txt|ann)$/i.test(name)) return null;
  let folder = path.dirname(target);
  if (folder.endsWith('.annotators')) folder = path.dirname(folder);
  return (await nearestMarkedFolder(folder)) ?? folder;
}

/** What a second launch asks of the running window. */
export interface HandOverHost {
  /** Restores the window if minimized and brings it to the front. */
  focusWindow(): void;
  /** The corpus open in the window, if any. */
  currentCorpus(): string | null;
  /**
   * Asks the window to switch to another corpus: it saves its edits first, and offers to stay
   * when some cannot be saved (corpus.switchRequested → corpus.confirmSwitch).
   */
  requestCorpusSwitch(folder: string): void;
}

export type HandOverOutcome = 'focused' | 'already-open' | 'switch-requested';

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A second launch (app `second-instance`: its argv and working folder) or a path opened from the
 * OS (macOS `open-file`): the running window comes to the front and opens what was asked.
 */
export async function handOverLaunch(request: { argv: readonly string[]; workingDirectory: string; packaged: boolean } | { path: string }, host: HandOverHost): Promise<HandOverOutcome> {
  host.focusWindow();
  const target = 'path' in request ? request.path : folderArgument(request.argv, request.packaged, request.workingDirectory);
  const folder = target ? await corpusFolderForPath(target) : null;
  if (!folder) return 'focused';
  const current = host.currentCorpus();
  if (current && isInside(folder, current)) return 'already-open';
  host.requestCorpusSwitch(folder);
  return 'switch-requested';
}
