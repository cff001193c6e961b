// `npm start`: builds the app and opens its window with Electron. When Electron's binary is not
// installed (it is downloaded from GitHub the first time, which an offline machine cannot do),
// it says so in one paragraph and stops, instead of the electron package's own advice
// ("Electron failed to install correctly… run npx install-electron --no"), which needs the
// internet too. It never asks the electron package for its path: that starts the download.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable npm installed, or why there is none. */
export function findElectronBinary(electronFolder, env = process.env) {
  const pathFile = path.join(electronFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distFolder = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronFolder, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return { missing: 'the electron package has not downloaded its binary (node_modules/electron/path.txt is absent)' };
  const executable = path.join(distFolder, relative || 'electron');
  return existsSync(executable) ? { path: executable } : { missing: `Electron's executable is not at ${executable}` };
}

export function missingElectronParagraph(reason) {
  return [
    `Hashiye cannot open its window: Electron's binary is missing (${reason}).`,
    'npm installs the electron package without it and downloads it from GitHub the first time it is needed, which needs internet access this machine does not have.',
    'Everything else works without it: `npm run build`, the command line (`node bin/hashiye.js --help`: export, import, validate, stats, agree) and the tests (`npm test`; the end-to-end tests run in Chromium instead of Electron).',
    'To open the window, run `npm start` again on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding Electron 45.',
  ].join(' ');
}

function main() {
  const binary = findElectronBinary(path.join(root, 'node_modules', 'electron'));
  if (!('path' in binary)) {
    console.error(missingElectronParagraph(binary.missing));
    process.exit(1);
  }
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawnSync(binary.path, ['.', '--', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(app.status ?? 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
