// (#25) The bench's optional run of a peer annotator on the same 1 MB article
// (`npm run bench -- --peer recogito`). The peer is installed from npm into a temporary folder
// only when asked, and never becomes a dependency of the project; when it cannot be installed,
// the bench says so in one line and goes on without it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The peers the bench knows: the npm package, and the file the page loads (a self-contained UMD build). */
export const PEERS = {
  recogito: { label: "Recogito's text annotator", packageName: '@recogito/text-annotator', script: 'dist/text-annotator.umd.js', style: 'dist/text-annotator.css' },
};

/**
 * The peer named by `--peer NAME` (or `--peer=NAME`) in the bench's arguments: null when none is
 * asked; `{ error }` for an unknown name or a missing one, said in one line.
 */
export function peerRequest(args) {
  let name = null;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--peer') {
      name = args[index + 1] ?? '';
      if (name.startsWith('--')) name = '';
    } else if (arg.startsWith('--peer=')) name = arg.slice('--peer='.length);
  }
  if (name === null) return null;
  const known = Object.keys(PEERS);
  if (name === '') return { error: `bench: --peer needs a name (${known.join(', ')}).` };
  if (!Object.hasOwn(PEERS, name)) return { error: `bench: unknown peer "${name}" (known: ${known.join(', ')}); the bench goes on without it.` };
  return { name, ...PEERS[name] };
}

function defaultRun(command, args, options) {
  return spawnSync(command, args, { ...options, encoding: 'utf8' });
}

/**
 * Installs the peer's package into a new temporary folder (`npm install --prefix`, no lock file,
 * no scripts). Returns `{ folder, script, style, cleanup }`, or `{ error }`: one line saying why.
 * `run` is spawnSync's shape, replaced in tests (no network there).
 */
export function installPeer(peer, { run = defaultRun, tmpdir = os.tmpdir(), npm = process.platform === 'win32' ? 'npm.cmd' : 'npm' } = {}) {
  const folder = mkdtempSync(path.join(tmpdir, 'hashiye-bench-peer-'));
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  const args = ['install', '--prefix', folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', peer.packageName];
  const result = run(npm, args, { cwd: folder, timeout: 5 * 60_000 });
  const packageFolder = path.join(folder, 'node_modules', ...peer.packageName.split('/'));
  const script = path.join(packageFolder, peer.script);
  const style = path.join(packageFolder, peer.style);
  if (result.error || result.status !== 0 || !existsSync(script)) {
    cleanup();
    const why = result.error?.message ?? (`${result.stderr ?? ''}`.trim().split('\n').pop() || (result.status === 0 ? `${peer.script} is missing from the package` : `npm exited with ${result.status}`));
    return { error: `bench: ${peer.label} (${peer.packageName}) could not be installed: ${why}; the bench goes on without it.` };
  }
  return { folder, script, style: existsSync(style) ? style : null, cleanup };
}
