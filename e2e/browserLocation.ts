import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium (or CHROMIUM_PATH); undefined means Playwright's own Chromium. */
export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
}

/** The Electron binary if it is installed, else the reason it cannot be used. */
export function electronBinary(): { path: string } | { reason: string } {
  if (process.env.ELECTRON_EXEC_PATH) {
    return existsSync(process.env.ELECTRON_EXEC_PATH) ? { path: process.env.ELECTRON_EXEC_PATH } : { reason: `ELECTRON_EXEC_PATH=${process.env.ELECTRON_EXEC_PATH} does not exist` };
  }
  const electronFolder = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    const attempt = path.join(projectRoot, 'node_modules', '.cache', 'hashiye', 'electron-download.txt');
    const detail = existsSync(attempt) ? ` — the download attempt before the tests said: ${readFileSync(attempt, 'utf8').trim().slice(0, 300)}` : '';
    return { reason: `the Electron binary is not installed (node_modules/electron/path.txt is missing; electron downloads it on first use, which needs internet access to GitHub)${detail}` };
  }
  const executable = path.join(electronFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { reason: `the Electron binary named in path.txt (${executable}) is missing` };
  return { path: executable };
}
