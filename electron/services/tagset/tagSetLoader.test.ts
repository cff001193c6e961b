import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTagSet } from './tagSetLoader';

async function corpusWith(tagSet: string | null): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tags-'));
  if (tagSet !== null) await fs.writeFile(path.join(folder, 'hashiye.json'), tagSet);
  return folder;
}

describe('loadTagSet', () => {
  it('uses the built-in news default when the corpus has no tag set', async () => {
    const tagSet = await loadTagSet(await corpusWith(null));
    expect(tagSet.source).toBe('default');
    expect(tagSet.problem).toBeNull();
  });

  it('reads hashiye.json with Persian and English labels and hotkeys in order', async () => {
    const tagSet = await loadTagSet(await corpusWith(JSON.stringify({ types: [{ id: 'PER', label: { fa: 'شخص', en: 'Person' } }, { id: 'ORG' }] })));
    expect(tagSet.source).toBe('hashiye.json');
    expect(tagSet.types.map((type) => [type.id, type.label.fa, type.hotkey])).toEqual([
      ['PER', 'شخص', 'Digit1'],
      ['ORG', 'ORG', 'Digit2'],
    ]);
  });

  it('falls back to the default with a message naming the problem', async () => {
    const broken = await loadTagSet(await corpusWith('{ not json'));
    expect(broken.source).toBe('default');
    expect(broken.problem).toMatch(/not valid JSON/);
    const invalid = await loadTagSet(await corpusWith(JSON.stringify({ types: [{ id: 'has space' }] })));
    expect(invalid.problem).toMatch(/types\.0\.id/);
  });

  it('(#21) reads the zone types the tag set adds after the built-in ones; a built-in id again is refused with its field named', async () => {
    const tagSet = await loadTagSet(await corpusWith(JSON.stringify({ types: [{ id: 'PER' }], zoneTypes: [{ id: 'quote', label: { fa: 'نقل‌قول', en: 'Quote' }, color: '#aa5500' }] })));
    expect(tagSet.zoneTypes?.map((type) => [type.id, type.label.fa, type.color])).toEqual([
      ['headline', 'تیتر', null],
      ['body', 'متن اصلی', null],
      ['boilerplate', 'متن حاشیه‌ای سایت', null],
      ['quote', 'نقل‌قول', '#aa5500'],
    ]);
    const refused = await loadTagSet(await corpusWith(JSON.stringify({ types: [{ id: 'PER' }], zoneTypes: [{ id: 'body' }] })));
    expect(refused.source).toBe('default');
    expect(refused.userProblems).toEqual([{ code: 'tagSetInvalid', file: 'hashiye.json', field: 'zoneTypes.0.id' }]);
  });
});
