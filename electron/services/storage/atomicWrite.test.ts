import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';
import { makeFolderReadOnly, readOnlyFolderUnsupportedReason } from '../testing/readOnlyFolder';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-atomic-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function listFolder(): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

const versionOne = '{"v":1,"text":"می\u200cدهد 😀"}\n';
const versionTwo = '{"v":2,"text":"ایران\u00a0و سوریه"}\n';

describe('writeFileAtomic', () => {
  it('creates the file with exactly the contents and no backup when there was nothing before', async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, versionOne, { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe(versionOne);
    expect(await listFolder()).toEqual(['a.ann.json']);
  });

  it('keeps the previous version as .bak and leaves no temporary file', async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, versionOne, { backup: true });
    await writeFileAtomic(target, versionTwo, { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe(versionTwo);
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe(versionOne);
    await writeFileAtomic(target, versionOne, { backup: true });
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe(versionTwo);
    expect(await listFolder()).toEqual(['a.ann.json', 'a.ann.json.bak']);
  });

  it('writes no backup when asked not to', async () => {
    const target = path.join(folder, 'settings.json');
    await writeFileAtomic(target, versionOne, { backup: false });
    await writeFileAtomic(target, versionTwo, { backup: false });
    expect(await listFolder()).toEqual(['settings.json']);
  });

  it('writes bytes as given (a Uint8Array is not re-encoded)', async () => {
    const target = path.join(folder, 'bytes.bin');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xd9, 0x8a, 0x0d, 0x0a]);
    await writeFileAtomic(target, bytes, { backup: false });
    expect(new Uint8Array(await fs.readFile(target))).toEqual(bytes);
  });

  it('replaces a new file through a rename: the old inode is never written into', async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, versionOne, { backup: false });
    const before = await fs.stat(target);
    // A reader holding the old file keeps seeing the old version in full.
    const reader = await fs.open(target, 'r');
    await writeFileAtomic(target, versionTwo, { backup: false });
    expect((await reader.readFile()).toString('utf8')).toBe(versionOne);
    await reader.close();
    expect((await fs.stat(target)).ino).not.toBe(before.ino);
  });

  it('fails when the target is a folder, leaving it and its contents alone and no temporary file', async () => {
    const target = path.join(folder, 'a.ann.json');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomic(target, versionOne, { backup: true })).rejects.toThrow();
    await expect(writeFileAtomic(target, versionOne, { backup: false })).rejects.toThrow();
    expect(await fs.readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(await listFolder()).toEqual(['a.ann.json']);
  });

  it('fails when the backup cannot be written, leaving the target and the old backup intact', async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, versionOne, { backup: false });
    // A folder in the way of the backup makes the backup's rename fail after the new file is written.
    await fs.mkdir(`${target}.bak`);
    await expect(writeFileAtomic(target, versionTwo, { backup: true })).rejects.toThrow();
    expect(await fs.readFile(target, 'utf8')).toBe(versionOne);
    expect(await listFolder()).toEqual(['a.ann.json', 'a.ann.json.bak']);
  });

  it('fails in a folder that does not exist', async () => {
    await expect(writeFileAtomic(path.join(folder, 'missing', 'a.ann.json'), versionOne, { backup: true })).rejects.toMatchObject({ code: 'ENOENT' });
  });

  const readOnlyUnsupported = readOnlyFolderUnsupportedReason(os.tmpdir());
  it.skipIf(readOnlyUnsupported !== null)(`fails in a read-only folder and leaves the file and backup byte-identical${readOnlyUnsupported ? ` (skipped: ${readOnlyUnsupported})` : ''}`, async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, versionOne, { backup: false });
    await writeFileAtomic(target, versionTwo, { backup: true });
    const readOnly = makeFolderReadOnly(folder);
    if (!readOnly.ok) throw new Error(readOnly.reason);
    try {
      await expect(writeFileAtomic(target, '{"v":3}', { backup: true })).rejects.toThrow();
      expect(await fs.readFile(target, 'utf8')).toBe(versionTwo);
      expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe(versionOne);
      expect(await listFolder()).toEqual(['a.ann.json', 'a.ann.json.bak']);
    } finally {
      readOnly.restore();
    }
    // Once the folder is writable again the same save goes through.
    await writeFileAtomic(target, '{"v":3}', { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('{"v":3}');
  });

  it('writes an empty file and a 5 MB file', async () => {
    const target = path.join(folder, 'a.ann.json');
    await writeFileAtomic(target, '', { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('');
    const huge = 'خبر 😀 '.repeat(500_000);
    await writeFileAtomic(target, huge, { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe(huge);
  });
});
