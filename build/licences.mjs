// Collects, at build time, the licences of everything the packaged app ships: the production
// dependencies of package.json (with their own dependencies, as found in node_modules) and
// Electron itself. electron.vite.config.ts emits the result as out/main/licences.json, which
// Help › About shows (electron/services/desktop/aboutInfo.ts); the packaging test finds it in app.asar.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const LICENCE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** The folder of package `name` as Node would resolve it from `fromFolder` (nested node_modules first). */
async function packageFolder(name, fromFolder, root) {
  let folder = fromFolder;
  for (;;) {
    const candidate = path.join(folder, 'node_modules', name);
    try {
      await readFile(path.join(candidate, 'package.json'));
      return candidate;
    } catch {
      if (folder === root || path.dirname(folder) === folder) return null;
      folder = path.dirname(folder);
      // Step out of a package folder into the node_modules above it.
      while (path.basename(folder) === 'node_modules' || path.basename(path.dirname(folder)) === 'node_modules' && path.basename(folder).startsWith('@')) folder = path.dirname(folder);
    }
  }
}

function licenceName(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license && typeof manifest.license.type === 'string') return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((entry) => entry.type ?? String(entry)).join(' OR ');
  return 'UNKNOWN';
}

async function licenceText(folder) {
  const names = (await readdir(folder)).filter((name) => LICENCE_FILE.test(name)).sort();
  return names.length === 0 ? '' : (await readFile(path.join(folder, names[0]), 'utf8')).trim();
}

async function describePackage(folder) {
  const manifest = await readJson(path.join(folder, 'package.json'));
  return { entry: { name: manifest.name, version: manifest.version, licence: licenceName(manifest), text: await licenceText(folder) }, manifest };
}

/**
 * Every package the app ships, sorted by name: the production dependency tree from
 * `root`/package.json, plus Electron (its runtime is the app's executable).
 */
export async function collectLicences(root) {
  const rootManifest = await readJson(path.join(root, 'package.json'));
  const found = new Map();
  const queue = Object.keys(rootManifest.dependencies ?? {}).map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    const folder = await packageFolder(name, from, root);
    if (!folder || found.has(folder)) continue;
    const { entry, manifest } = await describePackage(folder);
    found.set(folder, entry);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) queue.push({ name: dependency, from: folder });
  }
  const electron = await packageFolder('electron', root, root);
  if (electron) found.set(electron, (await describePackage(electron)).entry);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The package folder of a bundled module's file, or null for the project's own code. */
export function packageFolderOfModule(moduleId) {
  const file = moduleId.replace(/^\0/, '').split('?')[0];
  const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (at < 0) return null;
  const rest = file.slice(at + '/node_modules/'.length).split(path.sep);
  const nameParts = rest[0].startsWith('@') ? 2 : 1;
  return path.join(file.slice(0, at), 'node_modules', ...rest.slice(0, nameParts));
}

/** The packages whose code a bundle holds (the window's React, zustand, fonts...), sorted by name. */
export async function bundledLicences(moduleIds) {
  const folders = new Set(moduleIds.map(packageFolderOfModule).filter((folder) => folder !== null));
  const entries = await Promise.all([...folders].map(async (folder) => (await describePackage(folder)).entry));
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * A Vite (Rollup) plugin that emits licences.json with the build: for main, the production
 * dependency tree and Electron (`dependencies`); for the window, the packages bundled into it.
 */
export function licencesPlugin(root, kind) {
  return {
    name: 'hashiye-licences',
    async generateBundle() {
      const licences = kind === 'dependencies' ? await collectLicences(root) : await bundledLicences([...this.getModuleIds()]);
      this.emitFile({ type: 'asset', fileName: 'licences.json', source: `${JSON.stringify(licences)}\n` });
    },
  };
}
