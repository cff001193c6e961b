// electron-builder afterPack hook: ships the plain-Node command line beside the app as
// resources/cli, a small self-contained Node package (package.json, bin/, out/main/ and the
// node_modules that code imports), with the `hashiye` (sh) and `hashiye.cmd` launchers from
// build/cli.
//
// Why a copy outside app.asar: the run-as-node fuse is off, so the app's Electron binary
// cannot be used as Node, and plain Node cannot read inside an asar archive. Unpacking
// out/main from the asar instead would take the main process's own code out of the asar
// integrity check. The copy is never loaded by the window.
import { builtinModules } from 'node:module';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const importSpecifierPatterns = [
  // static import / export ... from "x", and side-effect import "x": statements start a line in
  // the bundler's output; anywhere else the word may sit in a string ("choose what to import").
  /^[ \t]*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/gm,
  // dynamic import("x") and require("x")
  /\b(?:import|require)\(\s*["']([^"'\n]+)["']\s*\)/g,
];

/** Package names ("zod", "@scope/name") imported by bare specifiers in a module's source. */
export function importedPackageNames(source) {
  const names = new Set();
  for (const pattern of importSpecifierPatterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (builtinModules.includes(name) || name === 'electron') continue;
      names.add(name);
    }
  }
  return names;
}

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function javaScriptFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(?:c|m)?js$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// Node's lookup: the nearest node_modules/<name> from the importing package up to the project.
async function findPackageFolder(name, fromFolder, projectDir) {
  let folder = fromFolder;
  for (;;) {
    const candidate = path.join(folder, 'node_modules', name);
    if (await exists(path.join(candidate, 'package.json'))) return candidate;
    if (path.resolve(folder) === path.resolve(projectDir)) return null;
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/**
 * The installed package folders needed to run `entryNames` and their own dependencies
 * (dependencies and installed optionalDependencies), found as Node would find them.
 */
export async function dependencyClosure(entryNames, projectDir) {
  const found = new Map();
  const pending = [...entryNames].map((name) => ({ name, from: projectDir, required: true }));
  while (pending.length > 0) {
    const { name, from, required } = pending.pop();
    const folder = await findPackageFolder(name, from, projectDir);
    if (folder === null) {
      if (required) throw new Error(`The command line needs the package "${name}", which is not installed.`);
      continue;
    }
    if (found.has(folder)) continue;
    found.set(folder, name);
    const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) pending.push({ name: dependency, from: folder, required: true });
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) pending.push({ name: dependency, from: folder, required: false });
  }
  return [...found.keys()];
}

// Type declarations, TypeScript sources and source maps are never loaded by Node: leaving
// them out makes the copy about a third smaller.
function isRuntimeFile(source) {
  return !/\.(?:[cm]?ts|tsx|map)$/.test(source);
}

/** Writes the command-line package into `cliFolder` from the built project in `projectDir`. */
export async function writeCommandLinePackage(projectDir, cliFolder) {
  await rm(cliFolder, { recursive: true, force: true });
  await mkdir(cliFolder, { recursive: true });

  const manifest = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8'));
  const cliManifest = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    private: true,
    type: manifest.type,
    ...(manifest.bin === undefined ? {} : { bin: manifest.bin }),
  };
  await writeFile(path.join(cliFolder, 'package.json'), `${JSON.stringify(cliManifest, null, 2)}\n`);

  await cp(path.join(projectDir, 'build', 'cli'), cliFolder, { recursive: true });

  const binFolder = path.join(projectDir, 'bin');
  if (await exists(binFolder)) await cp(binFolder, path.join(cliFolder, 'bin'), { recursive: true });

  const builtMain = path.join(projectDir, 'out', 'main');
  const packageNames = new Set();
  for (const file of await javaScriptFiles(builtMain)) {
    const relative = path.relative(builtMain, file);
    const target = path.join(cliFolder, 'out', 'main', relative);
    await mkdir(path.dirname(target), { recursive: true });
    await cp(file, target);
    for (const name of importedPackageNames(await readFile(file, 'utf8'))) packageNames.add(name);
  }

  const projectModules = path.join(projectDir, 'node_modules');
  for (const folder of await dependencyClosure(packageNames, projectDir)) {
    await cp(folder, path.join(cliFolder, 'node_modules', path.relative(projectModules, folder)), { recursive: true, dereference: true, filter: isRuntimeFile });
  }
}

/** electron-builder calls this after copying the app and extra resources, before fuses and signing. */
export async function afterPack(context) {
  const resources = context.packager.getResourcesDir(context.appOutDir);
  await writeCommandLinePackage(context.packager.info.projectDir, path.join(resources, 'cli'));
}

export default afterPack;
