import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../storage/atomicWrite';

/**
 * Staged exports: an export is written into a temporary folder on the destination's own file
 * system and moved into place only once every file is complete, so a failed export (disk full,
 * cancelled, crashed) leaves the previous export untouched and no partial files.
 *
 * Two ways of moving it into place:
 * - `swap` (a folder export): the staging folder is a sibling of the destination folder; the
 *   old folder is renamed aside, the new one renamed in, the old one removed. Files in the old
 *   folder that are not part of an export (not listed in its manifest and not replaced) are
 *   hard-linked into the new folder first, so nothing of the user's is lost.
 * - `files` (a one-file export, whose report and manifest go into a folder of other things; a
 *   destination folder that is neither empty nor an earlier export, which is not ours to rename;
 *   or a mount point, which cannot be renamed): the staging folder is inside the destination
 *   folder and each finished file is renamed over its target, manifest last.
 *
 * Staging names carry the writer's process id: `.NAME.hashiye-export-PID-RANDOM.partial` (and
 * `.previous` for an old folder renamed aside; inside a destination folder `NAME` is left out).
 * Leftovers of a crashed export are removed by the next export to the same place once their
 * process is gone; an old folder renamed aside whose replacement never arrived is put back.
 */

const STAGING_MARK = 'hashiye-export';
const IMPORT_STAGING_MARK = 'hashiye-import';
const STAGING_NAME = /^\.(?:(.+)\.)?hashiye-(?:export|import)-(\d+)-[0-9a-f]{8}\.(partial|previous)$/;

export interface StagedExport {
  /** Where to write the export's files, at their paths relative to the destination folder. */
  readonly folder: string;
  /** The destination folder the files end up in. */
  readonly destination: string;
  /** Moves the finished files into place. `lastPaths` (relative) are moved last, in that order (the manifest). */
  commit(files: readonly string[], lastPaths: readonly string[]): Promise<void>;
  /** Removes everything the export wrote; the destination is as it was. Never throws. */
  discard(): Promise<void>;
}

/** Whether `name` is a staging folder of some export (for cleaners and listings). */
export function isExportStagingName(name: string): boolean {
  return STAGING_NAME.test(name);
}

function stagingName(destinationBase: string | null, kind: 'partial' | 'previous', mark = STAGING_MARK): string {
  const prefix = destinationBase === null ? '.' : `.${destinationBase}.`;
  return `${prefix}${mark}-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`;
}

/** Staging folders of exports running in this process, which a cleaner must leave alone. */
const activeStaging = new Set<string>();

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function statOrNull(file: string, follow = true): Promise<Stats | null> {
  try {
    return follow ? await fs.stat(file) : await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * Removes staging leftovers in `folder` of exports whose process is gone. `destinationBase`:
 * only those of that destination (a sibling staging folder), or null for those inside a folder.
 * Puts back an old export renamed aside when the destination is missing (a crash between the renames).
 * Returns the names it removed or restored.
 */
export async function cleanStaleStaging(folder: string, destinationBase: string | null): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const cleaned: string[] = [];
  for (const name of names) {
    const match = STAGING_NAME.exec(name);
    const stale = path.join(folder, name);
    if (!match || (match[1] ?? null) !== destinationBase || processIsAlive(Number(match[2])) || activeStaging.has(stale)) continue;
    if (match[3] === 'previous' && destinationBase !== null && (await statOrNull(path.join(folder, destinationBase), false)) === null) {
      await fs.rename(stale, path.join(folder, destinationBase));
    } else {
      await fs.rm(stale, { recursive: true, force: true });
    }
    cleaned.push(name);
  }
  return cleaned;
}

/** Creates `folder` and its missing parents; returns the topmost one it created, or null. */
async function makeFolders(folder: string): Promise<string | null> {
  const created = await fs.mkdir(folder, { recursive: true });
  return created ?? null;
}

/** Removes the folders `makeFolders` created, as long as they are empty. */
async function removeCreatedFolders(deepest: string, topmost: string | null): Promise<void> {
  if (topmost === null) return;
  for (let folder = deepest; ; folder = path.dirname(folder)) {
    try {
      await fs.rmdir(folder);
    } catch {
      return;
    }
    if (folder === topmost || path.dirname(folder) === folder) return;
  }
}

/**
 * Prepares a staged export into `destination` (a folder). `oneFile`: the export is a single
 * main file with its report and manifest, written among other files of that folder.
 */
export async function beginStagedExport(destination: string, oneFile: boolean): Promise<StagedExport> {
  let target = path.resolve(destination);
  const existing = await statOrNull(target, false);
  if (existing?.isSymbolicLink()) target = await fs.realpath(target);
  const targetStats = await statOrNull(target);
  if (targetStats && !targetStats.isDirectory()) throw new Error(`${target} exists and is not a folder.`);
  const parent = path.dirname(target);
  const createdParents = targetStats ? null : await makeFolders(parent);
  const parentStats = await fs.stat(parent);
  // A mount point cannot be renamed, and a sibling would sit on another file system.
  const isMountPoint = targetStats !== null && (targetStats.dev !== parentStats.dev || parent === target);
  // A folder that is neither empty nor an earlier export (e.g. --out ~/Desktop) is never renamed
  // or rebuilt: the export's files are renamed into it one by one.
  const ours = targetStats === null || (await isEmptyOrEarlierExport(target));
  const strategy: 'swap' | 'files' = oneFile || isMountPoint || !ours ? 'files' : 'swap';

  if (strategy === 'files') {
    await makeFolders(target);
    // Staged inside the destination, its files renamed into it one by one.
    const commit = (folder: string, files: readonly string[], lastPaths: readonly string[]) => commitFileByFile(folder, target, files, lastPaths);
    const removeCreated = async () => {
      if (!targetStats) await removeCreatedFolders(target, createdParents ?? target);
    };
    return openStaging(target, null, STAGING_MARK, target, commit, removeCreated);
  }
  // Staged beside the destination, then swapped with it.
  const commit = (folder: string, files: readonly string[]) => commitBySwap(folder, target, files);
  return openStaging(parent, path.basename(target), STAGING_MARK, target, commit, () => removeCreatedFolders(parent, createdParents));
}

/**
 * Makes a staging folder in `home` (stale ones of earlier runs cleaned first, live ones of this
 * process protected from cleaners) and what ends it: `commitFrom` moves the finished files out
 * of it; `discard` removes it and then, with `removeCreated`, the folders made for it.
 */
async function openStaging<Args extends unknown[]>(
  home: string,
  base: string | null,
  mark: string,
  destination: string,
  commitFrom: (folder: string, ...args: Args) => Promise<void>,
  removeCreated: () => Promise<void>,
): Promise<{ folder: string; destination: string; commit(...args: Args): Promise<void>; discard(): Promise<void> }> {
  await cleanStaleStaging(home, base);
  const folder = path.join(home, stagingName(base, 'partial', mark));
  await fs.mkdir(folder);
  activeStaging.add(folder);
  return {
    folder,
    destination,
    commit: (...args) => commitFrom(folder, ...args).finally(() => activeStaging.delete(folder)),
    discard: async () => {
      activeStaging.delete(folder);
      await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
      await removeCreated();
    },
  };
}

/** Each file renamed over its target (atomic per file), `lastPaths` last; then the staging folder removed. */
async function commitFileByFile(folder: string, target: string, files: readonly string[], lastPaths: readonly string[]): Promise<void> {
  const last = new Set(lastPaths);
  const order = [...files.filter((file) => !last.has(file)), ...lastPaths.filter((file) => files.includes(file))];
  for (const relative of order) {
    const from = path.join(folder, relative);
    const to = path.join(target, relative);
    await fs.mkdir(path.dirname(to), { recursive: true });
    // A file replaced keeps its mode, as a save does.
    const previous = await statOrNull(to);
    if (previous?.isFile()) await fs.chmod(from, previous.mode & 0o7777);
    await fs.rename(from, to);
  }
  // The renames made durable: the folders that received a file, each flushed once.
  for (const touched of new Set(order.map((relative) => path.dirname(path.join(target, relative))))) await syncFolder(touched);
  await fs.rm(folder, { recursive: true, force: true });
}

/**
 * Flushes the entries of the staging folder and of every folder in it: each file was flushed
 * as it was written (exportCorpus.ts), and this makes their names durable too, before the
 * folder is swapped in.
 */
async function syncStagedTree(folder: string): Promise<void> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) if (entry.isDirectory()) await syncFolder(path.join(entry.parentPath, entry.name));
  await syncFolder(folder);
}

async function isEmptyOrEarlierExport(folder: string): Promise<boolean> {
  const entries = (await fs.readdir(folder)).filter((name) => !STAGING_NAME.test(name));
  if (entries.length === 0) return true;
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')) as { tool?: unknown };
    return manifest.tool === 'hashiye';
  } catch {
    return false;
  }
}

/** The paths (relative) an earlier export wrote, from its manifest: they are replaced, not carried over. */
async function previousExportPaths(target: string): Promise<Set<string>> {
  const owned = new Set<string>(['manifest.json', 'export-report.json']);
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(target, 'manifest.json'), 'utf8')) as { tool?: unknown; files?: unknown };
    if (manifest.tool === 'hashiye' && Array.isArray(manifest.files)) {
      for (const file of manifest.files as { path?: unknown }[]) if (typeof file.path === 'string') owned.add(file.path);
    }
  } catch {
    // No manifest of ours: every file that the new export does not replace is the user's.
  }
  return owned;
}

/**
 * Hard-links into the staging folder every entry of the old destination that is neither part
 * of the earlier export nor replaced by the new one (a copy where links are not supported).
 */
async function carryOverForeignEntries(target: string, folder: string, newFiles: ReadonlySet<string>): Promise<void> {
  const owned = await previousExportPaths(target);
  const ownedFolders = new Set<string>();
  for (const file of owned) for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) ownedFolders.add(dir);
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(target, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (newFiles.has(child) || owned.has(child)) continue;
      const from = path.join(target, child);
      const to = path.join(folder, child);
      if (entry.isDirectory()) {
        if (!ownedFolders.has(child)) await fs.mkdir(to, { recursive: true });
        await walk(child);
        continue;
      }
      await fs.mkdir(path.dirname(to), { recursive: true });
      try {
        await fs.link(from, to);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (!entry.isFile() || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK')) {
          throw new Error(`Cannot keep ${child} of the earlier export folder in the new one: ${(error as Error).message}`, { cause: error });
        }
        await fs.copyFile(from, to);
      }
    }
  };
  await walk('');
}

/** Old folder aside, new folder in, old folder removed; the new folder keeps the old one's mode. */
async function commitBySwap(folder: string, target: string, files: readonly string[]): Promise<void> {
  const previous = await statOrNull(target, false);
  // Once swapped in, the export is on the disk: its files and names are flushed before the swap, the swap after it.
  if (previous === null) {
    await syncStagedTree(folder);
    await fs.rename(folder, target);
    await syncFolder(path.dirname(target));
    return;
  }
  await carryOverForeignEntries(target, folder, new Set(files));
  await fs.chmod(folder, previous.mode & 0o7777);
  await syncStagedTree(folder);
  const aside = path.join(path.dirname(target), stagingName(path.basename(target), 'previous'));
  await fs.rename(target, aside);
  try {
    await fs.rename(folder, target);
  } catch (error) {
    await fs.rename(aside, target);
    throw error;
  }
  await syncFolder(path.dirname(target));
  // Best effort: a leftover `.previous` is removed by the next export here.
  await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

export interface StagedImport {
  /** Where the new corpus is written; it becomes `destination` on commit. */
  readonly folder: string;
  readonly destination: string;
  /** Moves the finished corpus into place (the destination must not exist, or be an empty folder). */
  commit(): Promise<void>;
  /** Removes everything written, and the folders created for it. Never throws. */
  discard(): Promise<void>;
}

/**
 * Prepares an import into the new corpus folder `destination` (missing or empty): the corpus is
 * written into `.NAME.hashiye-import-PID-RANDOM.partial` beside it and renamed into place when
 * complete, so a failed or cancelled import leaves no half corpus.
 */
export async function beginStagedImport(destination: string): Promise<StagedImport> {
  const target = path.resolve(destination);
  const parent = path.dirname(target);
  const createdParents = await makeFolders(parent);
  const existing = await statOrNull(target);
  // An empty mount point (a USB stick's folder) cannot be replaced by a rename from another file
  // system: the corpus is then staged inside it and its entries moved up when complete.
  const inside = existing !== null && existing.isDirectory() && (existing.dev !== (await fs.stat(parent)).dev || parent === target);
  const home = inside ? target : parent;
  const base = inside ? null : path.basename(target);
  const commitInside = async (folder: string): Promise<void> => {
    for (const name of await fs.readdir(folder)) await fs.rename(path.join(folder, name), path.join(target, name));
    await fs.rmdir(folder);
  };
  const commitBeside = async (folder: string): Promise<void> => {
    // The empty folder it replaces keeps its mode.
    if (existing) await fs.chmod(folder, existing.mode & 0o7777);
    try {
      await fs.rename(folder, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // POSIX renames over an empty folder; elsewhere the empty folder is removed first (rmdir refuses a non-empty one).
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw error;
      await fs.rmdir(target);
      await fs.rename(folder, target);
    }
  };
  return openStaging(home, base, IMPORT_STAGING_MARK, target, inside ? commitInside : commitBeside, () => removeCreatedFolders(parent, createdParents));
}
