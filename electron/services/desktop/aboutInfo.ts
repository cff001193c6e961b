import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { BundledLicenceSchema, type AboutInfo, type BundledLicence, type DesktopPlatform } from '../../../shared/desktopWire';
import type { AppLog } from './appLog';

/** What the window asks of the desktop around it: the About box, the log, the system's name. */
export interface DesktopContext {
  about(): Promise<AboutInfo>;
  /** The log main and the window write to; null where there is none (unit tests of other handlers). */
  log: AppLog | null;
  platform: DesktopPlatform;
}

/** process.versions as Electron fills it (electron and chrome are absent under plain Node). */
export interface RuntimeVersions {
  node: string;
  electron?: string;
  chrome?: string;
}

export function desktopPlatform(platform: string): DesktopPlatform {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux';
}

/**
 * The licences the build collected (build/licences.mjs: main's out/main/licences.json and the
 * window's out/renderer/licences.json), merged: a package in both is listed once. A missing file
 * (a build from before #23) lists nothing rather than failing the About box.
 */
export async function readBundledLicences(files: readonly string[]): Promise<BundledLicence[]> {
  const merged = new Map<string, BundledLicence>();
  for (const file of files) {
    let entries: BundledLicence[] = [];
    try {
      entries = z.array(BundledLicenceSchema).parse(JSON.parse(await fs.readFile(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const entry of entries) merged.set(`${entry.name}@${entry.version}`, entry);
  }
  return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

export function desktopContext(options: { appVersion: string; versions: RuntimeVersions; licenceFiles: readonly string[]; log: AppLog | null; platform: string }): DesktopContext {
  return {
    log: options.log,
    platform: desktopPlatform(options.platform),
    about: async () => ({
      appVersion: options.appVersion,
      electron: options.versions.electron ?? '',
      chromium: options.versions.chrome ?? '',
      node: options.versions.node,
      licences: await readBundledLicences(options.licenceFiles),
    }),
  };
}
