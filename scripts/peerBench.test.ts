import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

interface RunResult {
  status: number | null;
  stderr?: string;
  error?: Error;
}
type Run = (command: string, args: string[], options: { cwd: string }) => RunResult;
interface Peer {
  name: string;
  label: string;
  packageName: string;
  script: string;
  style: string;
}
type PeerRequest = (Peer & { error?: undefined }) | { error: string };
interface Installed {
  folder: string;
  script: string;
  style: string | null;
  cleanup: () => void;
  error?: undefined;
}
interface PeerBenchScript {
  peerRequest(args: string[]): PeerRequest | null;
  installPeer(peer: PeerRequest | null, options: { run?: Run; tmpdir?: string; npm?: string }): Installed | { error: string };
}

// A plain .mjs script of the bench (no type declarations): typed here by what the tests use.
const { installPeer, peerRequest } = (await import(pathToFileURL(path.join(import.meta.dirname, 'peerBench.mjs')).href)) as PeerBenchScript;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scratch(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hashiye-peer-test-'));
  folders.push(folder);
  return folder;
}

/** An npm stand-in that lays the package out as npm would (no network). */
const fakeNpm: Run = (_command, args) => {
  const prefix = args[args.indexOf('--prefix') + 1];
  const packageFolder = path.join(prefix, 'node_modules', '@recogito', 'text-annotator', 'dist');
  mkdirSync(packageFolder, { recursive: true });
  writeFileSync(path.join(packageFolder, 'text-annotator.umd.js'), '/* umd */');
  writeFileSync(path.join(packageFolder, 'text-annotator.css'), '/* css */');
  return { status: 0, stderr: '' };
};

describe('peerRequest', () => {
  it('is null when no peer is asked', () => {
    expect(peerRequest(['--no-build', '--grep', 'open'])).toBeNull();
  });

  it('names the package of a known peer, given as --peer NAME or --peer=NAME', () => {
    expect(peerRequest(['--peer', 'recogito'])).toMatchObject({ name: 'recogito', packageName: '@recogito/text-annotator' });
    expect(peerRequest(['--no-build', '--peer=recogito'])).toMatchObject({ name: 'recogito' });
  });

  it('says in one line what is wrong with an unknown or missing name', () => {
    expect(peerRequest(['--peer', 'tagtog'])?.error).toMatch(/^bench: unknown peer "tagtog" \(known: recogito\)/);
    expect(peerRequest(['--peer'])?.error).toMatch(/^bench: --peer needs a name/);
    expect(peerRequest(['--peer', '--no-build'])?.error).toMatch(/^bench: --peer needs a name/);
  });
});

describe('installPeer', () => {
  it('installs into a new temporary folder with npm --prefix, no lock file and no scripts, and removes it on cleanup', () => {
    const tmpdir = scratch();
    const calls: string[][] = [];
    const installed = installPeer(peerRequest(['--peer', 'recogito']), {
      tmpdir,
      npm: 'npm',
      run: ((command, args, options) => {
        calls.push([command, ...args]);
        return fakeNpm(command, args, options);
      }) as Run,
    });
    if (installed.error !== undefined) throw new Error(installed.error);
    expect(path.dirname(installed.folder)).toBe(tmpdir);
    expect(calls[0]).toEqual(['npm', 'install', '--prefix', installed.folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '@recogito/text-annotator']);
    expect(existsSync(installed.script)).toBe(true);
    expect(installed.style).toMatch(/text-annotator\.css$/);
    installed.cleanup();
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it('reports a failed install in one line, leaving no folder behind', () => {
    const tmpdir = scratch();
    const offline: Run = () => ({ status: 1, stderr: 'npm error code ENOTFOUND\nnpm error network request failed: getaddrinfo ENOTFOUND registry.npmjs.org' });
    const failed = installPeer(peerRequest(['--peer', 'recogito']), { tmpdir, run: offline });
    expect(failed.error).toMatch(/^bench: Recogito's text annotator \(@recogito\/text-annotator\) could not be installed: npm error network request failed.*; the bench goes on without it\.$/);
    expect(failed.error).not.toContain('\n');
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it('reports npm missing altogether', () => {
    const tmpdir = scratch();
    const failed = installPeer(peerRequest(['--peer', 'recogito']), { tmpdir, run: () => ({ status: null, error: new Error('spawnSync npm ENOENT') }) });
    expect(failed.error).toMatch(/could not be installed: spawnSync npm ENOENT;/);
  });
});
