import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
// @ts-expect-error: js-yaml (electron-builder's own YAML reader) ships no type declarations.
import jsYaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packages the app the way `npm run dist` does, with electron-builder and electron-builder.yml,
 * but offline: `--linux dir` against a stand-in Electron folder (the real Electron zip comes
 * from GitHub, unreachable here). The stand-in executable carries Electron's fuse wire, so
 * the fuses electron-builder flips are checked too. Then the packaged app is inspected:
 * what app.asar holds, the extra resources beside it, and the command line in resources/cli.
 */
const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

// @electron/fuses' marker: the fuse wire follows it as version byte, length byte, one byte a fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ENABLED = '1'.charCodeAt(0);
const FUSE_DISABLED = '0'.charCodeAt(0);
// Electron's own defaults, in wire order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const ELECTRON_DEFAULT_WIRE = '10110001';

interface PackagedApp {
  appFolder: string;
  resources: string;
  asarPath: string;
  asarEntries: string[];
}

let workFolder = '';
let packaged: PackagedApp;
let packagingSeconds = 0;

async function writeStandInElectron(folder: string): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]);
  const script = Buffer.concat([Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary in the packaging test; carries the fuse wire:\n# '), wire, Buffer.from('\nexit 1\n')]);
  await fs.writeFile(path.join(folder, 'electron'), script, { mode: 0o755 });
}

function fuseWire(executable: Buffer): string {
  const at = executable.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse wire in the packaged executable');
  const start = at + FUSE_SENTINEL.length;
  const length = executable[start + 1];
  return executable.subarray(start + 2, start + 2 + length).toString('latin1');
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
}

function bareImportedPackages(source: string): string[] {
  const names = new Set<string>();
  const patterns = [/^[ \t]*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/gm, /\b(?:import|require)\(\s*["']([^"'\n]+)["']\s*\)/g];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      if (/^(?:\.|\/|node:)/.test(specifier) || specifier === 'electron') continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...names];
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(async () => {
  const started = performance.now();
  // `npm test` runs Vitest before `npm run build`: build what is packaged, from the current sources.
  await run(bin('electron-vite'), ['build'], { cwd: root });

  workFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-packaging-'));
  const standIn = path.join(workFolder, 'electron-dist');
  const output = path.join(workFolder, 'release');
  await writeStandInElectron(standIn);
  await run(bin('electron-builder'), ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`], {
    cwd: root,
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: path.join(workFolder, 'cache') },
  });

  const appFolder = path.join(output, 'linux-unpacked');
  const resources = path.join(appFolder, 'resources');
  const asarPath = path.join(resources, 'app.asar');
  packaged = { appFolder, resources, asarPath, asarEntries: listPackage(asarPath, { isPack: false }).map((entry) => entry.split(path.sep).join('/')) };
  packagingSeconds = (performance.now() - started) / 1000;
  console.log(`[packaging] electron-vite build + electron-builder --linux dir: ${packagingSeconds.toFixed(1)} s; app.asar holds ${packaged.asarEntries.length} entries`);
}, 300_000); // a build and a packaging: about 20 s idle, over 60 s at a load average of 20

afterAll(async () => {
  if (workFolder) await fs.rm(workFolder, { recursive: true, force: true });
});

describe('packaged app.asar', () => {
  it('holds the built app: main, preload, renderer and package.json', () => {
    for (const entry of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(packaged.asarEntries).toContain(entry);
    }
    expect(packaged.asarEntries.some((entry) => /^\/out\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    const manifest = JSON.parse(extractFile(packaged.asarPath, 'package.json').toString('utf8')) as { main: string; name: string };
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.name).toBe('hashiye');
  });

  it('holds no sources, tests, benchmarks or development files', () => {
    const own = packaged.asarEntries.filter((entry) => entry !== '/node_modules' && !entry.startsWith('/node_modules/'));
    const topLevel = new Set(own.map((entry) => entry.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['out', 'package.json']);
    const forbiddenTopLevel = ['electron', 'renderer', 'shared', 'e2e', 'scripts', 'docs', 'bin', 'build', 'test-results', 'playwright-report', 'sample-corpus', 'dist', '.ci', '.git', 'bench', 'benchmarks'];
    for (const folder of forbiddenTopLevel) expect(topLevel.has(folder), folder).toBe(false);
    expect(own.filter((entry) => /\.(?:ts|tsx|map)$/.test(entry))).toEqual([]);
    expect(own.filter((entry) => /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(entry))).toEqual([]);
    expect(own.filter((entry) => /(?:^|\/)(?:tsconfig[^/]*\.json|vitest\.config\.[jt]s|playwright\.config\.[jt]s|electron\.vite\.config\.[jt]s|eslint\.config\.js|electron-builder\.yml|package-lock\.json|README\.md)$/.test(entry))).toEqual([]);
  });

  it('holds only runtime dependencies: no devDependencies', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const bundledPackages = new Set(
      packaged.asarEntries
        .map((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    for (const name of Object.keys(manifest.dependencies)) expect(bundledPackages.has(name), `dependency ${name}`).toBe(true);
    // A devDependency could in principle also be needed at run time by a dependency; none is today.
    for (const name of Object.keys(manifest.devDependencies)) expect(bundledPackages.has(name), `devDependency ${name}`).toBe(false);
    for (const name of ['vitest', '@playwright/test', 'playwright-core', 'electron', 'electron-builder', 'typescript', 'vite', 'eslint']) {
      expect(packaged.asarEntries.some((entry) => entry.startsWith(`/node_modules/${name}/`)), name).toBe(false);
    }
  });
});

describe('packaged resources beside app.asar', () => {
  it('ship the sample corpus as resources/sample-corpus, file for file', async () => {
    const shipped = await filesUnder(path.join(packaged.resources, 'sample-corpus'));
    expect(shipped).toEqual(await filesUnder(path.join(root, 'sample-corpus')));
    expect(shipped.some((file) => file.endsWith('.txt'))).toBe(true);
  });

  it('flip the Electron fuses: no run-as-node, cookie encryption, asar only and validated', async () => {
    const executable = await fs.readFile(path.join(packaged.appFolder, 'hashiye-app'));
    const wire = fuseWire(executable);
    expect(wire).toHaveLength(ELECTRON_DEFAULT_WIRE.length);
    const [runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, asarIntegrity, onlyFromAsar] = [...wire].map((fuse) => fuse.charCodeAt(0));
    expect(runAsNode).toBe(FUSE_DISABLED);
    expect(cookieEncryption).toBe(FUSE_ENABLED);
    expect(nodeOptions).toBe(FUSE_DISABLED);
    expect(nodeCliInspect).toBe(FUSE_DISABLED);
    expect(asarIntegrity).toBe(FUSE_ENABLED);
    expect(onlyFromAsar).toBe(FUSE_ENABLED);
    // The renderer comes from the app:// protocol: file:// keeps no extra privileges.
    const grantFileProtocolExtraPrivileges = wire.charCodeAt(7);
    expect(grantFileProtocolExtraPrivileges).toBe(FUSE_DISABLED);
  });

  it('ship the command line as a Node package whose imports all resolve from resources/cli', async () => {
    const cli = path.join(packaged.resources, 'cli');
    const manifest = JSON.parse(await fs.readFile(path.join(cli, 'package.json'), 'utf8')) as { type: string; devDependencies?: unknown };
    expect(manifest.type).toBe('module');
    expect(manifest.devDependencies).toBeUndefined();
    const builtMain = await filesUnder(path.join(root, 'out', 'main'));
    const shippedMain = await filesUnder(path.join(cli, 'out', 'main'));
    expect(shippedMain).toEqual(builtMain.filter((file) => /\.[cm]?js$/.test(file)));

    const packages = new Set<string>();
    for (const file of shippedMain) for (const name of bareImportedPackages(await fs.readFile(path.join(cli, 'out', 'main', file), 'utf8'))) packages.add(name);
    expect(packages.size).toBeGreaterThan(0);
    // Plain Node, run from inside the packaged folder (in the temporary folder, far from the
    // project's node_modules), must find every package the built code imports.
    const probe = path.join(cli, 'out', 'main', 'resolve-probe.mjs');
    await fs.writeFile(probe, `for (const name of ${JSON.stringify([...packages])}) await import(name);\nconsole.log('resolved');\n`);
    try {
      const { stdout } = await run(process.execPath, [probe], { cwd: workFolder });
      expect(stdout.trim()).toBe('resolved');
    } finally {
      await fs.rm(probe);
    }
  });

  it('ship the command-line launchers: an executable sh script and a .cmd', async () => {
    const cli = path.join(packaged.resources, 'cli');
    const launcher = path.join(cli, 'hashiye');
    expect((await fs.stat(launcher)).mode & 0o111).not.toBe(0);
    await run('sh', ['-n', launcher]);
    expect(await fs.readFile(path.join(cli, 'hashiye.cmd'), 'utf8')).toContain('bin\\hashiye.js');
  });

  const cliEntry = path.join(root, 'bin', 'hashiye.js');
  it.skipIf(!existsSync(cliEntry))(`runs the packaged command line with plain Node${existsSync(cliEntry) ? '' : ' (skipped: bin/hashiye.js is not in the project yet)'}`, async () => {
    const { stdout } = await run(path.join(packaged.resources, 'cli', 'hashiye'), ['--help'], { cwd: workFolder });
    expect(stdout).toMatch(/export/);
  });
});

describe('packaging resources in build/', () => {
  it('finds the packages the built code imports, not the word import inside a string', async () => {
    const afterPack = (await import(pathToFileURL(path.join(root, 'build', 'afterPack.mjs')).href)) as { importedPackageNames(source: string): Set<string> };
    const built = 'import { z } from "zod";\nimport "iconv-lite";\nconst a = await import("jschardet");\nhostCannot("choose what to import", "pickImportSource");\nconst b = "export", c = \'x\';\n';
    expect([...afterPack.importedPackageNames(built)].sort()).toEqual(['iconv-lite', 'jschardet', 'zod']);
    expect(bareImportedPackages(built).sort()).toEqual(['iconv-lite', 'jschardet', 'zod']);
  });

  it('has the icon at the sizes electron-builder uses', async () => {
    expect(pngSize(await fs.readFile(path.join(root, 'build', 'icon.png')))).toEqual({ width: 1024, height: 1024 });
    for (const size of [512, 256, 128, 64, 48, 32, 16]) {
      expect(pngSize(await fs.readFile(path.join(root, 'build', 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('has the deb /usr/bin/hashiye wrapper: executable sh that runs the packaged launcher', async () => {
    const wrapper = path.join(root, 'build', 'linux', 'hashiye');
    expect((await fs.stat(wrapper)).mode & 0o111).not.toBe(0);
    // electron-builder installs the deb's app folder as /opt/<productName>.
    expect(await fs.readFile(wrapper, 'utf8')).toContain('exec /opt/Hashiye/resources/cli/hashiye "$@"');
    await run('sh', ['-n', wrapper]);
  });
});

describe('file associations (#23)', () => {
  interface FileAssociation { ext: string; name: string; mimeType?: string; role?: string; rank?: string }
  interface PlatformConfig { fileAssociations?: FileAssociation[]; mimeTypes?: string[] }
  const yaml = jsYaml as { load(text: string): unknown };
  const config = async () => yaml.load(await fs.readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as { fileAssociations?: unknown; linux: PlatformConfig; mac: PlatformConfig; win: PlatformConfig };

  it('Linux: .ann.json has a mime type of its own, and Hashiye is listed for hashiye.json (application/json) without owning it', async () => {
    const { linux, fileAssociations } = await config();
    expect(fileAssociations).toBeUndefined();
    expect(linux.fileAssociations).toEqual([expect.objectContaining({ ext: 'ann.json', mimeType: 'application/x-hashiye-annotations+json' })]);
    expect(linux.mimeTypes).toEqual(['application/json']);
  });

  it('macOS: annotation files are Hashiye’s, a corpus’s hashiye.json opens with it as an alternative', async () => {
    const { mac } = await config();
    expect(mac.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'ann.json', role: 'Editor', rank: 'Owner' }),
      expect.objectContaining({ ext: 'json', role: 'Viewer', rank: 'Alternate' }),
    ]);
  });

  it('Windows: no association that would make Hashiye the default for every .json file', async () => {
    expect((await config()).win.fileAssociations).toBeUndefined();
  });

  it('the packaged main process handles what the OS opens: open-file and second-instance', async () => {
    const main = extractFile(packaged.asarPath, 'out/main/index.js').toString('utf8');
    expect(main).toContain('"open-file"');
    expect(main).toContain('"second-instance"');
    expect(main).toContain('requestSingleInstanceLock');
  });

  it('ships the licences the About box shows, for main and the window', () => {
    expect(packaged.asarEntries).toContain('/out/main/licences.json');
    expect(packaged.asarEntries).toContain('/out/renderer/licences.json');
    const licences = JSON.parse(extractFile(packaged.asarPath, 'out/main/licences.json').toString('utf8')) as { name: string }[];
    expect(licences.map((entry) => entry.name)).toContain('electron-log');
  });
});
