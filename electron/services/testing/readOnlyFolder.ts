import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type ReadOnlyFolder = { ok: true; restore: () => void } | { ok: false; reason: string };

function refusesNewFiles(folder: string): boolean {
  const probe = path.join(folder, '.write-probe');
  try {
    writeFileSync(probe, 'x');
  } catch {
    return true;
  }
  rmSync(probe, { force: true });
  return false;
}

/**
 * Makes a real folder refuse writes, for save-failure tests. chmod 0o555 does that for a
 * normal user; root ignores it, so as root the folder is marked immutable with `chattr +i`
 * (ext4 and similar). When neither works, says why, so the test is skipped visibly.
 */
export function makeFolderReadOnly(folder: string): ReadOnlyFolder {
  chmodSync(folder, 0o555);
  if (refusesNewFiles(folder)) return { ok: true, restore: () => chmodSync(folder, 0o755) };
  chmodSync(folder, 0o755);
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'running as root, where chmod 0o555 does not stop writes, and `chattr +i` is unavailable' };
  }
  const restore = (): void => {
    execFileSync('chattr', ['-i', folder], { stdio: 'ignore' });
  };
  if (refusesNewFiles(folder)) return { ok: true, restore };
  restore();
  return { ok: false, reason: 'neither chmod 0o555 nor `chattr +i` makes the folder refuse writes here' };
}

/** Why read-only-folder tests cannot run on this machine, or null when they can (checked on a scratch folder). */
export function readOnlyFolderUnsupportedReason(scratchParent: string): string | null {
  const scratch = mkdtempSync(path.join(scratchParent, 'hashiye-readonly-probe-'));
  try {
    const attempt = makeFolderReadOnly(scratch);
    if (!attempt.ok) return attempt.reason;
    attempt.restore();
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
