import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCorpus } from './exportCorpus';

/**
 * DESIGN.md's fixed contract: exporting an unedited brat corpus with `--format brat` writes every
 * `.ann` and every `annotation.conf` byte-identical, at the same relative paths. Measured on
 * brat's own example data (38 documents: T, R with a trailing TAB, E, A, M, N, `*`, `#`, empty
 * files, eight folders' configurations, one of them a parent folder's) and on RareDis (discontinuous spans).
 */
const projectRoot = path.resolve(import.meta.dirname, '../../..');
const DATA_SETS = [
  { name: 'brat-example-data', annFiles: 38, configurations: 8 },
  { name: 'raredis-brat', annFiles: 12, configurations: 1 },
];

const scratchFolders: string[] = [];
afterAll(async () => {
  await Promise.all(scratchFolders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

async function filesUnder(root: string, keep: (name: string) => boolean, folder = root, found: string[] = []): Promise<string[]> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await filesUnder(root, keep, full, found);
    else if (keep(entry.name)) found.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return found.sort();
}

for (const dataSet of DATA_SETS) {
  const source = path.resolve(projectRoot, '../shared/data', dataSet.name);
  const present = existsSync(source);
  describe.skipIf(!present)(`brat export of an unedited brat corpus: ${dataSet.name}${present ? '' : ` (SKIPPED: ${source} is absent)`}`, () => {
    it(`writes all ${dataSet.annFiles} .ann files and every annotation.conf byte-identical at the same paths`, async () => {
      const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-brat-lossless-'));
      scratchFolders.push(scratch);
      const corpus = path.join(scratch, 'corpus');
      await fs.cp(source, corpus, { recursive: true });
      const out = path.join(scratch, 'out');
      const result = await exportCorpus(corpus, 'brat', { out });
      expect(result.written, JSON.stringify(result.report.totals)).toBe(true);

      const originals = await filesUnder(corpus, (name) => name.endsWith('.ann') || name === 'annotation.conf');
      expect(originals.filter((file) => file.endsWith('.ann'))).toHaveLength(dataSet.annFiles);
      expect(originals.filter((file) => file.endsWith('annotation.conf'))).toHaveLength(dataSet.configurations);
      const exported = await filesUnder(out, (name) => name.endsWith('.ann') || name === 'annotation.conf');
      expect(exported).toEqual(originals);
      const differing: string[] = [];
      for (const file of originals) {
        const [before, after] = await Promise.all([fs.readFile(path.join(corpus, file)), fs.readFile(path.join(out, file))]);
        if (!before.equals(after)) differing.push(file);
      }
      expect(differing).toEqual([]);
      // Nothing was changed, so nothing is reported as lost or changed.
      expect(result.report.lossy).toBe(false);
    });
  });
}
