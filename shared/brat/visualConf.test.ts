import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeColour, parseVisualConf, withVisualConf } from './visualConf';

const NEWS_VISUAL = path.resolve(import.meta.dirname, '../../../shared/data/brat-example-data/tutorials/news/visual.conf');

describe('visual.conf', () => {
  it('reads labels and drawing options', () => {
    const visual = parseVisualConf('[labels]\r\nPER | شخص | ش\r\n# c\r\n[drawing]\r\nSPAN_DEFAULT\tbgColor:lightgreen\r\nPER\tfgColor:black, bgColor:#FC8\r\nORG bgColor:violet\r\n');
    expect(visual.labels.get('PER')).toEqual(['شخص', 'ش']);
    expect(visual.drawing.get('PER')).toEqual({ fgColor: 'black', bgColor: '#FC8' });
    const types = withVisualConf([{ id: 'PER' }, { id: 'ORG' }, { id: 'LOC' }, { id: 'MISC', color: '#123456', label: { en: 'Other' } }], visual);
    expect(types).toEqual([
      { id: 'PER', label: { en: 'شخص' }, color: '#ffcc88' },
      { id: 'ORG', color: '#ee82ee' },
      { id: 'LOC' },
      { id: 'MISC', color: '#123456', label: { en: 'Other' } },
    ]);
  });

  it('normalizes brat colours to #rrggbb and leaves what it does not know', () => {
    expect(normalizeColour('#FFD412')).toBe('#ffd412');
    expect(normalizeColour('lightGray')).toBe('#d3d3d3');
    expect(normalizeColour('rgb(1,2,3)')).toBeNull();
    expect(normalizeColour('darken')).toBeNull();
  });

  it.skipIf(!existsSync(NEWS_VISUAL))(`reads brat's news tutorial visual.conf (${NEWS_VISUAL})`, () => {
    const visual = parseVisualConf(readFileSync(NEWS_VISUAL, 'utf8'));
    expect(withVisualConf([{ id: 'Person' }, { id: 'GPE' }, { id: 'Money' }], visual)).toEqual([
      { id: 'Person', label: { en: 'Person' }, color: '#ff821c' },
      { id: 'GPE', label: { en: 'Geo-political entity' }, color: '#ffd412' },
      { id: 'Money', color: '#007000' },
    ]);
  });
});
