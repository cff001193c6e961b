// Renders build/icon.svg to the PNG sizes electron-builder uses (build/icon.png for macOS and
// Windows, build/icons/NxN.png for Linux). Run by hand after editing the SVG, then commit the
// PNGs: packaging never needs a browser. Uses the system Chromium (CHROMIUM_PATH or
// /usr/bin/chromium), as Playwright's own browser download is not reachable everywhere.
import { chromium } from '@playwright/test';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = await readFile(path.join(root, 'build', 'icon.svg'), 'utf8');
const outputs = [
  { size: 1024, file: path.join(root, 'build', 'icon.png') },
  ...[512, 256, 128, 64, 48, 32, 16].map((size) => ({ size, file: path.join(root, 'build', 'icons', `${size}x${size}.png`) })),
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  await mkdir(path.join(root, 'build', 'icons'), { recursive: true });
  for (const { size, file } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`${path.relative(root, file)} ${size}x${size}`);
  }
} finally {
  await browser.close();
}
