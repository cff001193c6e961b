import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathOutsideCorpusError, resolveInCorpus, toArticleId } from './corpusPaths';

let parent: string;
let root: string;
let outside: string;

beforeAll(async () => {
  parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-paths-')));
  root = path.join(parent, 'corpus');
  outside = path.join(parent, 'outside');
  await fs.mkdir(path.join(root, 'اخبار', 'ایران'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(root, 'اخبار', 'ایران', 'خبر ۱.txt'), 'متن');
  await fs.writeFile(path.join(root, '..نام عجیب.txt'), 'x');
  await fs.writeFile(path.join(outside, 'secret.txt'), 'secret');
  // Links that leave the corpus: to a file, to a folder, and a dangling one pointing outside.
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'));
  await fs.symlink(outside, path.join(root, 'escape-folder'));
  await fs.symlink(path.join(outside, 'not-yet.txt'), path.join(root, 'dangling.ann.json'));
  // Links that stay inside are fine.
  await fs.symlink(path.join(root, 'اخبار'), path.join(root, 'alias'));
  await fs.symlink(path.join(root, 'اخبار', 'ایران', 'خبر ۱.txt'), path.join(root, 'link-inside.txt'));
});
afterAll(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

function refusal(id: string): string {
  try {
    resolveInCorpus(root, id);
  } catch (error) {
    expect(error).toBeInstanceOf(PathOutsideCorpusError);
    return (error as Error).message;
  }
  throw new Error(`"${id}" was not refused`);
}

describe('resolveInCorpus', () => {
  it('resolves ids inside the corpus, Persian names and nested folders included', () => {
    expect(resolveInCorpus(root, 'اخبار/ایران/خبر ۱.txt')).toBe(path.join(root, 'اخبار', 'ایران', 'خبر ۱.txt'));
    // An annotation file that does not exist yet.
    expect(resolveInCorpus(root, 'اخبار/ایران/خبر ۱.ann.json')).toBe(path.join(root, 'اخبار', 'ایران', 'خبر ۱.ann.json'));
    // A file in a folder that does not exist yet.
    expect(resolveInCorpus(root, 'new/folder/a.txt')).toBe(path.join(root, 'new', 'folder', 'a.txt'));
    // A name that merely starts with two dots is not a parent reference.
    expect(resolveInCorpus(root, '..نام عجیب.txt')).toBe(path.join(root, '..نام عجیب.txt'));
  });

  it('refuses ".." segments, with forward and back slashes', () => {
    for (const id of ['..', '../outside/secret.txt', 'اخبار/../../outside/secret.txt', 'a/..', '..\\outside\\secret.txt', 'اخبار\\..\\..\\x']) {
      expect(refusal(id), id).toMatch(/"\.\." is not allowed/);
    }
  });

  it('refuses absolute POSIX and Windows paths, UNC paths and drive letters', () => {
    for (const id of ['/etc/passwd', path.join(outside, 'secret.txt'), '\\\\server\\share\\a.txt', '\\Windows\\win.ini', 'C:\\Windows\\win.ini', 'c:/x.txt', 'D:relative.txt']) {
      expect(refusal(id), id).toMatch(/absolute paths/);
    }
  });

  it('refuses a NUL character anywhere', () => {
    expect(refusal('a.txt\0.png')).toMatch(/NUL/);
    expect(refusal('\0')).toMatch(/NUL/);
  });

  it('refuses empty ids, empty segments and the root itself', () => {
    expect(refusal('')).toMatch(/empty path segment/);
    expect(refusal('a//b.txt')).toMatch(/empty path segment/);
    expect(refusal('اخبار/')).toMatch(/empty path segment/);
    expect(refusal('.')).toMatch(/outside the opened corpus/);
  });

  it('refuses symbolic links that escape the root: to a file, through a folder, and dangling', () => {
    expect(refusal('escape.txt')).toMatch(/outside the opened corpus/);
    expect(refusal('escape-folder/secret.txt')).toMatch(/outside the opened corpus/);
    // A file that does not exist yet behind an escaping folder link.
    expect(refusal('escape-folder/new.ann.json')).toMatch(/outside the opened corpus/);
    expect(refusal('escape-folder/deeper/new.ann.json')).toMatch(/outside the opened corpus/);
    expect(refusal('dangling.ann.json')).toMatch(/symbolic link whose target does not exist/);
  });

  it('allows symbolic links that stay inside the root', () => {
    expect(resolveInCorpus(root, 'alias/ایران/خبر ۱.txt')).toBe(path.join(root, 'alias', 'ایران', 'خبر ۱.txt'));
    expect(resolveInCorpus(root, 'link-inside.txt')).toBe(path.join(root, 'link-inside.txt'));
  });

  it('works when the root itself is reached through a symbolic link', async () => {
    const linkedRoot = path.join(parent, 'linked-root');
    await fs.symlink(root, linkedRoot);
    expect(resolveInCorpus(linkedRoot, 'اخبار/ایران/خبر ۱.txt')).toBe(path.join(root, 'اخبار', 'ایران', 'خبر ۱.txt'));
    expect(() => resolveInCorpus(linkedRoot, 'escape.txt')).toThrow(PathOutsideCorpusError);
  });
});

describe('toArticleId', () => {
  it('gives forward-slash ids relative to the root, and they resolve back', () => {
    const file = path.join(root, 'اخبار', 'ایران', 'خبر ۱.txt');
    const id = toArticleId(root, file);
    expect(id).toBe('اخبار/ایران/خبر ۱.txt');
    expect(resolveInCorpus(root, id)).toBe(file);
  });
});
