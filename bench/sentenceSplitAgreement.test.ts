import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bratSentenceStarts, measureSentenceAgreement } from './sentenceSplitAgreement';

/** The English brat documents (see each folder's SOURCE.md): brat's tutorials, BioNLP, NCBI disease, RareDis. */
const DATA = path.resolve(__dirname, '../../shared/data');
const ENGLISH_FOLDERS = [
  'brat-example-data/tutorials/news',
  'brat-example-data/corpora/BioNLP-ST_2011',
  'brat-example-data/corpora/NCBI-disease',
  'raredis-brat/dev',
];

async function textFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('sentence splitting against brat (#22)', () => {
  it('restates brat’s rule: a break after . ! ? and white space, joined again after e.g. and before lower-case words', () => {
    expect(bratSentenceStarts('One of these days. Boom! Kaboom')).toEqual([19, 25]);
    expect(bratSentenceStarts('See e.g. Smith. and more. The end')).toEqual([26]);
  });

  const present = existsSync(path.join(DATA, 'brat-example-data'));
  it.skipIf(!present)(`agrees with brat on the English brat documents${present ? '' : ' (skipped: ../shared/data/brat-example-data is absent)'}`, async () => {
    const differences: string[] = [];
    let agreed = 0;
    let bratBreaks = 0;
    let exportBreaks = 0;
    const lines: string[] = [];
    for (const relative of ENGLISH_FOLDERS) {
      const folder = path.join(DATA, relative);
      if (!existsSync(folder)) continue;
      const result = await measureSentenceAgreement(folder, await textFiles(folder));
      agreed += result.agreed;
      bratBreaks += result.bratBreaks;
      exportBreaks += result.exportBreaks;
      lines.push(`${relative}: ${result.documents} documents, brat ${result.bratBreaks} breaks, exporters ${result.exportBreaks}, agreed ${result.agreed}`);
      for (const difference of result.differences) {
        lines.push(`  ${difference.side} ${difference.document}@${difference.offset}: ${difference.context}`);
        differences.push(`${difference.side} ${difference.context}`);
      }
    }
    lines.push(`total: brat ${bratBreaks}, exporters ${exportBreaks}, agreed ${agreed}`);
    console.log(lines.join('\n'));
    // Measured (docs/formats.md): no extra break; brat's only other breaks fall between initials («J. K. Rowling»).
    expect(exportBreaks).toBe(agreed);
    for (const difference of differences) expect(difference).toMatch(/^missing .*\b[A-Z]\. *‖ [A-Z]/);
    expect(agreed / bratBreaks).toBeGreaterThan(0.98);
  });
});
