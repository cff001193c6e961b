import { describe, expect, it } from 'vitest';
import { dimensionKeyOfPress, dimensionValueForKey, resolveDimensions } from './dimensions';
import { chooseValue, setText, undeclaredLabels } from './labelEdits';
import { mergeDocumentLabels, mergeJudgments, mergeZones } from './judgmentMerge';
import { parseAnnotationFile } from '../model/readAnnotationFile';
import { mergeDocuments } from '../model/documentMerge';
import type { SavedDocument } from '../saveWire';

const dimensions = resolveDimensions([
  { id: 'topic', kind: 'multi', label: { fa: 'موضوع', en: 'Topic' }, values: [{ id: 'politics' }, { id: 'economy' }] },
  { id: 'stance', kind: 'single', values: [{ id: 'pro' }, { id: 'neutral' }, { id: 'against', hotkey: 'Alt+Digit9' }] },
  { id: 'reliability', kind: 'scale', min: 1, max: 5 },
  { id: 'comment', kind: 'text' },
]);

describe('document-label dimensions', () => {
  it('gives values Alt+Digit keys in order, skipping keys claimed', () => {
    expect(dimensions[0].values.map((value) => value.hotkey)).toEqual(['Alt+Digit1', 'Alt+Digit2']);
    expect(dimensions[1].values.map((value) => value.hotkey)).toEqual(['Alt+Digit3', 'Alt+Digit4', 'Alt+Digit9']);
    expect(dimensions[2].values.map((value) => [value.id, value.hotkey])).toEqual([
      ['1', 'Alt+Digit5'],
      ['2', 'Alt+Digit6'],
      ['3', 'Alt+Digit7'],
      ['4', 'Alt+Digit8'],
      ['5', 'Alt+Digit0'],
    ]);
    expect(dimensions[3].values).toEqual([]);
    expect(dimensions[0].label).toEqual({ fa: 'موضوع', en: 'Topic' });
  });
  it('reads a key press by its code (a Persian layout types ۱ on Digit1)', () => {
    expect(dimensionKeyOfPress({ code: 'Digit1', altKey: true, shiftKey: false, ctrlKey: false, metaKey: false })).toBe('Alt+Digit1');
    expect(dimensionKeyOfPress({ code: 'Digit1', altKey: false, shiftKey: true, ctrlKey: false, metaKey: false })).toBeNull();
    expect(dimensionValueForKey(dimensions, 'Alt+Digit9')?.value.id).toBe('against');
  });
  it('toggles multiple choice, replaces single choice, stores a scale as a number, clears on a second choice', () => {
    let labels = chooseValue({}, dimensions[0], 'politics');
    labels = chooseValue(labels, dimensions[0], 'economy');
    expect(labels.topic).toEqual(['politics', 'economy']);
    labels = chooseValue(labels, dimensions[0], 'politics');
    expect(labels.topic).toEqual(['economy']);
    labels = chooseValue(chooseValue(labels, dimensions[1], 'pro'), dimensions[1], 'against');
    expect(labels.stance).toBe('against');
    labels = chooseValue(labels, dimensions[2], '4');
    expect(labels.reliability).toBe(4);
    expect(chooseValue(labels, dimensions[2], '4').reliability).toBeUndefined();
    expect(setText(labels, 'comment', '  ').comment).toBeUndefined();
    expect(setText(labels, 'comment', 'نقد').comment).toBe('نقد');
  });
  it('names labels the tag set does not declare', () => {
    expect(undeclaredLabels({ topic: ['politics', 'sport'], genre: 'op-ed', comment: 'x' }, dimensions)).toEqual([
      { dimension: 'topic', value: ['sport'] },
      { dimension: 'genre', value: 'op-ed' },
    ]);
  });
});

describe('judgments in the three-way merge', () => {
  it('keeps both writers\' dimensions and merges multiple choice as a set', () => {
    const base = { topic: ['politics'] };
    const merged = mergeDocumentLabels(base, { topic: ['politics', 'economy'], stance: 'pro' }, { topic: [], reliability: 3 });
    expect(merged.conflicts).toEqual([]);
    expect(merged.merged).toEqual({ topic: ['economy'], stance: 'pro', reliability: 3 });
  });
  it('reports a dimension both changed differently, and settles it by resolution', () => {
    const conflict = mergeDocumentLabels({}, { stance: 'pro' }, { stance: 'against' });
    expect(conflict.conflicts.map((item) => item.key)).toEqual(['label:stance']);
    expect(conflict.merged.stance).toBe('pro');
    expect(mergeDocumentLabels({}, { stance: 'pro' }, { stance: 'against' }, { 'label:stance': 'mine' }).merged.stance).toBe('against');
  });
  it('merges zones by id', () => {
    const z = (id: string, start: number) => ({ id, type: 'boilerplate', start, end: start + 5 }) as never;
    const result = mergeZones([z('a', 0)], [z('a', 0), z('b', 10)], [z('c', 20)]);
    expect(result.merged.map((zone) => zone.id)).toEqual(['b', 'c']);
  });
  it('a writer that does not carry judgments leaves them as they are', () => {
    const result = mergeJudgments({ documentLabels: { stance: 'pro' } }, { documentLabels: { stance: 'pro', topic: ['x'] } }, {});
    expect(result.merged.documentLabels).toEqual({ stance: 'pro', topic: ['x'] });
  });
  it('mergeDocuments carries them, and a conflict on a dimension is a judgment conflict', () => {
    const doc = (documentLabels: SavedDocument['documentLabels']): SavedDocument => ({ status: 'new', annotations: [], relations: [], labels: [], documentLabels, zones: [] });
    const merge = mergeDocuments(doc({}), doc({ stance: 'pro' }), doc({ topic: ['a'] }));
    expect(merge.merged.documentLabels).toEqual({ topic: ['a'], stance: 'pro' });
    expect(merge.needsWrite && merge.diskHadChanges).toBe(true);
    expect(mergeDocuments(doc({}), doc({ stance: 'pro' }), doc({ stance: 'no' })).conflicts[0]).toMatchObject({ kind: 'judgment', key: 'label:stance', disk: '"pro"', mine: '"no"' });
  });
});

describe('reading judgments from NAME.ann.json', () => {
  const file = (extra: object) =>
    JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'a.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 10 }, status: 'new', annotations: [], relations: [], labels: [], ...extra });
  it('reads documentLabels and zones of a version-1 file', () => {
    const parsed = parseAnnotationFile(file({ documentLabels: { stance: 'pro', topic: ['a'], reliability: 4 }, zones: [{ id: 'z1', type: 'boilerplate', start: 2, end: 8 }] }));
    expect(parsed.ok && parsed.file.documentLabels).toEqual({ stance: 'pro', topic: ['a'], reliability: 4 });
    expect(parsed.ok && parsed.file.zones).toEqual([{ id: 'z1', type: 'boilerplate', start: 2, end: 8 }]);
  });
  it('migrates the flat labels array into documentLabels', () => {
    const parsed = parseAnnotationFile(file({ labels: ['urgent', 'checked'], documentLabels: { stance: 'pro' } }));
    expect(parsed.ok && parsed.file.documentLabels).toEqual({ stance: 'pro', labels: ['urgent', 'checked'] });
    expect(parsed.ok && parsed.file.labels).toEqual([]);
  });
  it('reads them from a version-0 file too', () => {
    const parsed = parseAnnotationFile(JSON.stringify({ version: 0, source: { file: 'a.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 10 }, entities: [], labels: ['x'], zones: [{ id: 'h', type: 'headline', start: 0, end: 3 }] }));
    expect(parsed.ok && parsed.file.documentLabels).toEqual({ labels: ['x'] });
    expect(parsed.ok && parsed.file.zones?.length).toBe(1);
  });
});
