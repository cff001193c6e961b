// Run before the end-to-end tests: makes sure a Chromium exists for the stand-in run, and
// tries once to fetch Electron's binary so the real Electron run happens where it can.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheFolder = path.join(root, 'node_modules', '.cache', 'hashiye');
mkdirSync(cacheFolder, { recursive: true });

function tryElectronDownload() {
  const electronFolder = path.join(root, 'node_modules', 'electron');
  if (existsSync(path.join(electronFolder, 'path.txt')) || process.env.ELECTRON_EXEC_PATH) return;
  const result = spawnSync(process.execPath, [path.join(electronFolder, 'install.js')], { cwd: electronFolder, encoding: 'utf8', timeout: 120_000 });
  const record = path.join(cacheFolder, 'electron-download.txt');
  if (result.status === 0 && existsSync(path.join(electronFolder, 'path.txt'))) {
    writeFileSync(record, 'downloaded\n');
    console.log('[e2e] Electron binary downloaded: the specs also run in real Electron.');
  } else {
    const reason = (result.stderr || result.stdout || String(result.error ?? 'unknown error')).split('\n').find((line) => /error|ENOTFOUND|fail/i.test(line)) ?? 'download failed';
    writeFileSync(record, `${reason.trim()}\n`);
    console.log(`[e2e] Electron binary unavailable (${reason.trim()}); the Electron run will be skipped and the specs run in Chromium against the real main-process handlers.`);
  }
}

function systemChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => candidate && existsSync(candidate));
}

async function ensureChromium() {
  if (systemChromium()) return;
  const { chromium } = await import('@playwright/test');
  if (existsSync(chromium.executablePath())) return;
  console.log('[e2e] No system Chromium: installing Playwright\'s Chromium (needs internet access).');
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'install', 'chromium'], { stdio: 'inherit' });
}

tryElectronDownload();
await ensureChromium();
