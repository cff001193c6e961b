import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseStartupFolder, ensureSampleCorpusCopy, folderArgument } from './startupFolder';

describe('folderArgument', () => {
  it('reads `electron . -- DIR` in development and `app DIR` when packaged', () => {
    expect(folderArgument(['/electron', '.', '--', 'corpus'], false, '/home/u')).toBe(path.resolve('/home/u/corpus'));
    expect(folderArgument(['/opt/Hashiye/hashiye', '/data/news'], true, '/')).toBe('/data/news');
    expect(folderArgument(['/electron', '.'], false, '/home/u')).toBeNull();
    expect(folderArgument(['/electron', '.', '--inspect'], false, '/home/u')).toBeNull();
  });
});

describe('chooseStartupFolder', () => {
  it('prefers the argument, then the last corpus, then the sample corpus copy', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-startup-'));
    const bundled = path.join(workspace, 'bundled');
    await fs.mkdir(bundled);
    await fs.writeFile(path.join(bundled, 'x.txt'), 'سلام');
    const sample = () => ensureSampleCorpusCopy(bundled, path.join(workspace, 'userData'));
    expect(await chooseStartupFolder({ argument: bundled, lastCorpus: null, sampleCorpus: sample })).toBe(bundled);
    expect(await chooseStartupFolder({ argument: path.join(workspace, 'missing'), lastCorpus: bundled, sampleCorpus: sample })).toBe(bundled);
    const copy = await chooseStartupFolder({ argument: null, lastCorpus: path.join(workspace, 'gone'), sampleCorpus: sample });
    expect(copy).toBe(path.join(workspace, 'userData', 'sample-corpus'));
    expect(await fs.readFile(path.join(copy, 'x.txt'), 'utf8')).toBe('سلام');
    // An existing copy (with the user's annotations) is never overwritten.
    await fs.writeFile(path.join(copy, 'x.ann.json'), '{}');
    await fs.writeFile(path.join(bundled, 'x.txt'), 'changed');
    await sample();
    expect(await fs.readFile(path.join(copy, 'x.txt'), 'utf8')).toBe('سلام');
    await fs.rm(workspace, { recursive: true, force: true });
  });
});
