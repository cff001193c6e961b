import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAsideBrokenFile } from './brokenAnnotationFile';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-broken-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const brokenBytes = Buffer.from('{"format":"hashiye-annotations","version":1,"annotations":[{"id":"a1",', 'utf8');

describe('moveAsideBrokenFile', () => {
  it('renames NAME.ann.json to NAME.ann.json.broken-<timestamp> with its bytes intact', async () => {
    const article = path.join(folder, 'خبر ۱.txt');
    await fs.writeFile(article, 'متن');
    await fs.writeFile(path.join(folder, 'خبر ۱.ann.json'), brokenBytes);
    const moved = await moveAsideBrokenFile(article, new Date('2026-11-29T14:57:23.123Z'));
    expect(moved).toBe(path.join(folder, 'خبر ۱.ann.json.broken-2026-11-29T14-57-23-123Z'));
    expect((await fs.readFile(moved)).equals(brokenBytes)).toBe(true);
    expect((await fs.readdir(folder)).sort()).toEqual(['خبر ۱.ann.json.broken-2026-11-29T14-57-23-123Z', 'خبر ۱.txt'].sort());
    // The article itself is untouched.
    expect(await fs.readFile(article, 'utf8')).toBe('متن');
  });

  it('never overwrites an earlier moved-aside file, even with the same timestamp', async () => {
    const article = path.join(folder, 'a.txt');
    const now = new Date('2026-01-02T03:04:05.006Z');
    await fs.writeFile(path.join(folder, 'a.ann.json'), 'first');
    const first = await moveAsideBrokenFile(article, now);
    await fs.writeFile(path.join(folder, 'a.ann.json'), 'second');
    const second = await moveAsideBrokenFile(article, now);
    await fs.writeFile(path.join(folder, 'a.ann.json'), 'third');
    const third = await moveAsideBrokenFile(article, now);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second).toBe(`${first}-2`);
    expect(third).toBe(`${first}-3`);
    expect(await fs.readFile(first, 'utf8')).toBe('first');
    expect(await fs.readFile(second, 'utf8')).toBe('second');
    expect(await fs.readFile(third, 'utf8')).toBe('third');
  });

  it('produces a name without colons (legal on Windows)', async () => {
    await fs.writeFile(path.join(folder, 'a.ann.json'), '{');
    const moved = await moveAsideBrokenFile(path.join(folder, 'a.txt'));
    expect(path.basename(moved)).toMatch(/^a\.ann\.json\.broken-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
  });

  it('says so when there is no annotation file to move', async () => {
    await expect(moveAsideBrokenFile(path.join(folder, 'a.txt'))).rejects.toThrow(/does not exist/);
  });

  it('leaves the .bak of the last good version where it is', async () => {
    await fs.writeFile(path.join(folder, 'a.ann.json'), '{');
    await fs.writeFile(path.join(folder, 'a.ann.json.bak'), '{"good":true}');
    await moveAsideBrokenFile(path.join(folder, 'a.txt'));
    expect(await fs.readFile(path.join(folder, 'a.ann.json.bak'), 'utf8')).toBe('{"good":true}');
  });
});
