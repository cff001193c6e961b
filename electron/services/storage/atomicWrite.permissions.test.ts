import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadOnlyTargetError, writeFileAtomic } from './atomicWrite';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-atomic-perm-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const notRootReason = isRoot ? null : 'needs root (CI runs as root): giving a file to another owner and mounting are root-only';

async function modeOf(file: string): Promise<number> {
  return (await fs.stat(file)).mode & 0o7777;
}

/** Tries a command; null when it worked, else why not (for a visible skip). */
function attempt(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `\`${command} ${args.join(' ')}\` failed: ${((error as { stderr?: Buffer }).stderr ?? '').toString().trim() || (error as Error).message}`;
  }
}

describe('writeFileAtomic keeps permissions and ownership', () => {
  it('the new file and the .bak keep the target mode (0640, 0600, 0755)', async () => {
    for (const mode of [0o640, 0o600, 0o755]) {
      const target = path.join(folder, `a-${mode.toString(8)}.ann.json`);
      await fs.writeFile(target, 'v1');
      await fs.chmod(target, mode);
      await writeFileAtomic(target, 'v2', { backup: true });
      expect(await fs.readFile(target, 'utf8')).toBe('v2');
      expect(await modeOf(target)).toBe(mode);
      expect(await modeOf(`${target}.bak`)).toBe(mode);
    }
  });

  it('a 0444 file is never replaced: typed error with path and reason, nothing written, no temporary file', async () => {
    const target = path.join(folder, 'a.ann.json');
    await fs.writeFile(target, 'read only');
    await fs.chmod(target, 0o444);
    const before = await fs.stat(target);
    const error = await writeFileAtomic(target, 'replaced', { backup: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadOnlyTargetError);
    expect(error).toMatchObject({ path: target, reason: 'file-mode', code: 'READ_ONLY_TARGET' });
    expect(await fs.readFile(target, 'utf8')).toBe('read only');
    const after = await fs.stat(target);
    expect([after.ino, after.mode, after.uid, after.gid]).toEqual([before.ino, before.mode, before.uid, before.gid]);
    expect(await fs.readdir(folder)).toEqual(['a.ann.json']);
  });

  it('a new file in a folder without write bits is refused before writing', async () => {
    const sub = path.join(folder, 'locked');
    await fs.mkdir(sub, { mode: 0o555 });
    await fs.chmod(sub, 0o555);
    try {
      await expect(writeFileAtomic(path.join(sub, 'new.ann.json'), 'x', { backup: false })).rejects.toMatchObject({ name: 'ReadOnlyTargetError', reason: 'folder-mode' });
      expect(await fs.readdir(sub)).toEqual([]);
    } finally {
      await fs.chmod(sub, 0o755);
    }
  });

  it.skipIf(!isRoot)(`as root: a file of another user keeps its owner, group and mode, and so does its .bak${notRootReason ? ` (skipped: ${notRootReason})` : ''}`, async () => {
    const target = path.join(folder, 'a.ann.json');
    await fs.writeFile(target, 'v1');
    await fs.chown(target, 1234, 2345);
    await fs.chmod(target, 0o664);
    await writeFileAtomic(target, 'v2', { backup: true });
    for (const file of [target, `${target}.bak`]) {
      const stats = await fs.stat(file);
      expect([stats.uid, stats.gid, stats.mode & 0o7777]).toEqual([1234, 2345, 0o664]);
    }
    expect(await fs.readFile(target, 'utf8')).toBe('v2');
  });

  it.skipIf(!isRoot)(`as root: a root-owned 0444 file is refused although root could write it${notRootReason ? ` (skipped: ${notRootReason})` : ''}`, async () => {
    const target = path.join(folder, 'a.ann.json');
    await fs.writeFile(target, 'v1');
    await fs.chmod(target, 0o444);
    await expect(writeFileAtomic(target, 'v2', { backup: false })).rejects.toBeInstanceOf(ReadOnlyTargetError);
    const stats = await fs.stat(target);
    expect([stats.uid, stats.mode & 0o7777]).toEqual([0, 0o444]);
    expect(await fs.readFile(target, 'utf8')).toBe('v1');
  });

  it('an immutable file (chattr +i) is refused as immutable, or skipped with the reason', async (context) => {
    const target = path.join(folder, 'a.ann.json');
    await fs.writeFile(target, 'v1');
    const failed = attempt('chattr', ['+i', target]);
    if (failed) {
      context.skip(`chattr +i is not possible here: ${failed}`);
      return;
    }
    try {
      await expect(writeFileAtomic(target, 'v2', { backup: true })).rejects.toMatchObject({ name: 'ReadOnlyTargetError', reason: 'immutable' });
      expect(await fs.readFile(target, 'utf8')).toBe('v1');
      expect(await fs.readdir(folder)).toEqual(['a.ann.json']);
    } finally {
      attempt('chattr', ['-i', target]);
    }
  });

  it('a folder bind-mounted read-only: existing and new files refused as a read-only file system, or skipped with the reason', async (context) => {
    const mounted = path.join(folder, 'corpus');
    await fs.mkdir(mounted);
    const target = path.join(mounted, 'a.ann.json');
    await fs.writeFile(target, 'v1');
    const failed = isRoot ? (attempt('mount', ['--bind', mounted, mounted]) ?? attempt('mount', ['-o', 'remount,bind,ro', mounted])) : 'needs root to mount';
    if (failed) {
      attempt('umount', [mounted]);
      context.skip(`a read-only bind mount is not possible here: ${failed}`);
      return;
    }
    try {
      await expect(writeFileAtomic(target, 'v2', { backup: true })).rejects.toMatchObject({ name: 'ReadOnlyTargetError', reason: 'read-only-file-system', path: target });
      await expect(writeFileAtomic(path.join(mounted, 'b.ann.json'), 'new', { backup: false })).rejects.toMatchObject({ reason: 'read-only-file-system' });
      expect(await fs.readFile(target, 'utf8')).toBe('v1');
      expect(await fs.readdir(mounted)).toEqual(['a.ann.json']);
    } finally {
      expect(attempt('umount', [mounted])).toBeNull();
    }
  });
});
