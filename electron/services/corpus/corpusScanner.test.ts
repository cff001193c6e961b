import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanCorpus } from './corpusScanner';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-scan-'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('scanCorpus', () => {
  it('reports unreadable articles in problem, leaves readable ones in any encoding alone', async () => {
    const folder = path.join(root, 'mixed');
    await fs.mkdir(path.join(folder, 'sub'), { recursive: true });
    await fs.writeFile(path.join(folder, 'utf8.txt'), 'خبر 😀\r\n');
    await fs.writeFile(path.join(folder, 'utf16.txt'), iconv.encode('خبر', 'utf-16le', { addBOM: true }));
    await fs.writeFile(path.join(folder, 'legacy.txt'), iconv.encode('علي', 'windows-1256'));
    await fs.writeFile(path.join(folder, 'empty.txt'), '');
    await fs.writeFile(path.join(folder, 'sub', 'scan.txt'), Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1'));
    await fs.writeFile(path.join(folder, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    await fs.writeFile(path.join(folder, 'bad-bom.txt'), Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xff]));
    // Unreadable article and broken annotation file: the article's problem is the one shown.
    await fs.writeFile(path.join(folder, 'binary.ann.json'), '{');
    await fs.writeFile(path.join(folder, 'utf8.ann.json'), '{"format":');
    const entries = await scanCorpus(folder);
    const problems = Object.fromEntries(entries.map((entry) => [entry.id, entry.problem]));
    expect(problems['utf8.txt']).toMatch(/^Annotation file: Not valid JSON/);
    expect(problems['utf16.txt']).toBeNull();
    expect(problems['legacy.txt']).toBeNull();
    expect(problems['empty.txt']).toBeNull();
    expect(problems['sub/scan.txt']).toMatch(/^Article unreadable: .*PDF/);
    expect(problems['binary.txt']).toMatch(/^Article unreadable: .*binary/);
    expect(problems['bad-bom.txt']).toMatch(/^Article unreadable: .*UTF-8 byte-order mark/);
    expect(entries.find((entry) => entry.id === 'sub/scan.txt')).toMatchObject({ name: 'scan.txt', folder: 'sub', status: 'new', annotationCount: 0 });
  });

  it('lists 10,000 articles, with their status, without running out of file handles', async () => {
    const folder = path.join(root, 'big');
    await fs.mkdir(folder);
    const article = 'سرلشکر باقری به دمشق رفت و با مقامات سوریه دیدار کرد. '.repeat(30);
    const annotations = JSON.stringify({
      format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint',
      source: { file: 'x.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: Array.from(article).length },
      status: 'done', annotations: [{ id: 'a1', type: 'PER', start: 7, end: 12, text: 'باقری' }], relations: [], labels: [],
    });
    const names = Array.from({ length: 10_000 }, (_, index) => `article-${String(index).padStart(5, '0')}`);
    for (let start = 0; start < names.length; start += 500) {
      await Promise.all(names.slice(start, start + 500).flatMap((name, offset) => {
        const writes = [fs.writeFile(path.join(folder, `${name}.txt`), article)];
        if ((start + offset) % 2 === 0) writes.push(fs.writeFile(path.join(folder, `${name}.ann.json`), annotations));
        return writes;
      }));
    }
    const started = performance.now();
    const entries = await scanCorpus(folder);
    const milliseconds = performance.now() - started;
    console.log(`scanCorpus: 10,000 articles (5,000 annotation files) listed in ${milliseconds.toFixed(0)} ms`);
    expect(entries).toHaveLength(10_000);
    expect(entries.filter((entry) => entry.status === 'done')).toHaveLength(5_000);
    expect(entries.every((entry) => entry.problem === null)).toBe(true);
    expect(entries[0].id).toBe('article-00000.txt');
  });

  it('marks files with an invariant problem (duplicate ids, relations to missing ids) as opening does, with its kind; other problems carry theirs', async () => {
    const folder = path.join(root, 'invariants');
    await fs.mkdir(folder);
    const file = (annotations: object[], relations: object[] = []) =>
      JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'x.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 20 }, status: 'in-progress', annotations, relations, labels: [] });
    const span = (id: string, start: number) => ({ id, type: 'LOC', start, end: start + 5, text: 'تهران' });
    for (const name of ['dup', 'dangling', 'fine', 'broken', 'old']) await fs.writeFile(path.join(folder, `${name}.txt`), 'تهران و مشهد و تبریز');
    await fs.writeFile(path.join(folder, 'dup.ann.json'), file([span('dup', 0), span('dup', 8)]));
    await fs.writeFile(path.join(folder, 'dangling.ann.json'), file([span('t1', 0)], [{ id: 'r1', type: 'near', from: 't1', to: 'gone' }]));
    await fs.writeFile(path.join(folder, 'fine.ann.json'), file([span('t1', 0), span('t2', 8)], [{ id: 'r1', type: 'near', from: 't1', to: 't2' }]));
    await fs.writeFile(path.join(folder, 'broken.ann.json'), '{"format":');
    // A version-1 file by an older writer (no relations field... the full reader's path): its duplicates are found too.
    await fs.writeFile(path.join(folder, 'old.ann.json'), file([span('a', 0), span('a', 8)]).replace('"format":"hashiye-annotations",', '"format":"hashiye-annotations","extra":{"nested":[1,2]},'));
    // A save lock left beside the files is never listed (nor is its article's name taken from it).
    await fs.writeFile(path.join(folder, '.fine.ann.json.lock'), JSON.stringify({ pid: 1, host: 'h', at: 0, token: 't' }));
    const entries = await scanCorpus(folder);
    const byId = Object.fromEntries(entries.map((entry) => [entry.id, entry]));
    expect(Object.keys(byId).sort()).toEqual(['broken.txt', 'dangling.txt', 'dup.txt', 'fine.txt', 'old.txt']);
    expect(byId['dup.txt']).toMatchObject({ problemKind: 'invariant', annotationCount: 2, status: 'in-progress' });
    expect(byId['dup.txt'].problem).toMatch(/^Annotation file: .*ids used more than once: .*dup/);
    expect(byId['dangling.txt']).toMatchObject({ problemKind: 'invariant' });
    expect(byId['dangling.txt'].problem).toMatch(/do not exist: «r1» \(«gone»\)/);
    expect(byId['old.txt']).toMatchObject({ problemKind: 'invariant' });
    expect(byId['fine.txt']).toMatchObject({ problem: null, annotationCount: 2 });
    expect(byId['fine.txt'].problemKind).toBeUndefined();
    expect(byId['broken.txt']).toMatchObject({ problemKind: 'syntax' });
  });
});
