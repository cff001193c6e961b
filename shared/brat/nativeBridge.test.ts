import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { applyNativeChanges, splitFragmentsAtLineBreaks, standoffToNative, type RemovalGroup } from './nativeBridge';
import { parseStandoff, serializeStandoff } from './standoffDocument';

// «😀 علی در تهران\nو ایران» : the emoji is one code point, the line break one character.
const TEXT = '😀 علی در تهران\nو ایران';
const CODE_POINTS = Array.from(TEXT);
const ANN = [
  'T1\tPER 2 5\tعلی',
  'T2\tLOC 9 14\tتهران',
  'T3\tLOC 9 14;17 22\tتهران ایران',
  'R1\tLocated Arg1:T1 Arg2:T2\t',
  'R2\tPart Arg1:T2 Arg2:E1',
  'E1\tVisit:T1 Place:T2',
  'A1\tMention T1 Name',
  'A2\tIndividual T1',
  '#1\tAnnotatorNotes T1\tیادداشت',
  'N1\tReference T2 Wikipedia:1\tTehran',
  'T4\tLOC 100 105\tpast the end',
  'garbage line',
].join('\n') + '\n';

function nativeOf(content: string) {
  return standoffToNative(parseStandoff(content), CODE_POINTS);
}

describe('standoffToNative', () => {
  it('shows T lines as annotations in code points, with fragments, notes and attributes', () => {
    const view = nativeOf(ANN);
    expect(view.annotations).toEqual([
      { id: 'T1', type: 'PER', start: 2, end: 5, text: 'علی', quote: { prefix: '😀 ', suffix: ' در تهران\nو ایران' }, note: 'یادداشت', attributes: { Mention: 'Name', Individual: true }, roles: [{ role: 'Place', target: 'T2' }] },
      { id: 'T2', type: 'LOC', start: 9, end: 14, text: 'تهران', quote: { prefix: '😀 علی در ', suffix: '\nو ایران' } },
      { id: 'T3', type: 'LOC', start: 9, end: 22, text: 'تهران ایران', quote: { prefix: '😀 علی در ', suffix: '' }, fragments: [{ start: 9, end: 14 }, { start: 17, end: 22 }] },
    ]);
    // R2 points at an event: not shown as a relation, but kept in the file.
    expect(view.relations).toEqual([{ id: 'R1', type: 'Located', from: 'T1', to: 'T2' }]);
    expect(view.unshown.map((entry) => [entry.line, entry.id])).toEqual([[11, 'T4'], [12, null]]);
    expect(view.mismatches).toEqual([]);
  });
});

describe('applyNativeChanges', () => {
  it('changes nothing when given back what it showed', () => {
    const document = parseStandoff(ANN);
    const view = standoffToNative(document, CODE_POINTS);
    const applied = applyNativeChanges(document, CODE_POINTS, view);
    expect(serializeStandoff(applied.document)).toBe(ANN);
    expect(applied).toMatchObject({ idMap: {}, removed: [], restored: [] });
  });

  it('writes retags, moved spans, notes, attributes and relation edits into their own lines only', () => {
    const document = parseStandoff(ANN);
    const view = standoffToNative(document, CODE_POINTS);
    const annotations: StoredAnnotation[] = view.annotations.map((annotation) => {
      if (annotation.id === 'T1') return { ...annotation, type: 'ORG', note: 'تازه', attributes: { Mention: 'Nominal' } };
      if (annotation.id === 'T2') return { ...annotation, start: 17, end: 22, text: 'ایران' };
      return annotation;
    });
    const relations = [{ id: 'R1', type: 'Located', from: 'T1', to: 'T3' }];
    const out = serializeStandoff(applyNativeChanges(document, CODE_POINTS, { annotations, relations }).document);
    expect(out).toBe(ANN
      .replace('T1\tPER 2 5\tعلی', 'T1\tORG 2 5\tعلی')
      .replace('T2\tLOC 9 14\tتهران', 'T2\tLOC 17 22\tایران')
      .replace('R1\tLocated Arg1:T1 Arg2:T2\t', 'R1\tLocated Arg1:T1 Arg2:T3')
      .replace('A1\tMention T1 Name', 'A1\tMention T1 Nominal')
      .replace('A2\tIndividual T1\n', '')
      .replace('#1\tAnnotatorNotes T1\tیادداشت', '#1\tAnnotatorNotes T1\tتازه'));
  });

  it('adds new annotations and relations with fresh ids and maps the UI ids', () => {
    const document = parseStandoff(ANN);
    const view = standoffToNative(document, CODE_POINTS);
    const annotations = [...view.annotations, { id: 'uuid-1', type: 'GPE', start: 17, end: 22, text: 'ایران' }, { id: 'T9', type: 'PER', start: 0, end: 1, text: '😀' }];
    const relations = [...view.relations, { id: 'uuid-r', type: 'Near', from: 'uuid-1', to: 'T2' }];
    const applied = applyNativeChanges(document, CODE_POINTS, { annotations, relations });
    expect(applied.idMap).toEqual({ 'uuid-1': 'T5', 'uuid-r': 'R3' });
    expect(serializeStandoff(applied.document)).toBe(`${ANN}T5\tGPE 17 22\tایران\nT9\tPER 0 1\t😀\nR3\tNear Arg1:T5 Arg2:T2\n`);
  });

  it('deletes an entity with its lines, and restores exactly those when undo brings it back', () => {
    const document = parseStandoff(ANN);
    const view = standoffToNative(document, CODE_POINTS);
    const deleted = applyNativeChanges(document, CODE_POINTS, {
      annotations: view.annotations.filter((annotation) => annotation.id !== 'T2'),
      relations: [],
    });
    expect(deleted.removed.map((group) => [group.id, group.lines.map((entry) => entry.line.raw.split('\t')[0])])).toEqual([
      ['T2', ['T2', 'R1', 'R2', 'E1', 'N1']],
    ]);
    const groups = new Map<string, RemovalGroup>(deleted.removed.map((group) => [group.id, group]));
    const undone = applyNativeChanges(deleted.document, CODE_POINTS, view, (id) => groups.get(id) ?? null);
    expect(undone.restored).toEqual(['T2']);
    expect(serializeStandoff(undone.document)).toBe(ANN);
  });

  it('does not restore a line that needs an entity that is still deleted', () => {
    const document = parseStandoff(ANN);
    const view = standoffToNative(document, CODE_POINTS);
    const deleted = applyNativeChanges(document, CODE_POINTS, { annotations: [view.annotations[2]], relations: [] });
    const groups = new Map<string, RemovalGroup>(deleted.removed.map((group) => [group.id, group]));
    // Only T2 comes back: R1 and E1 need T1 too, which stays deleted.
    const partial = applyNativeChanges(deleted.document, CODE_POINTS, { annotations: [view.annotations[1], view.annotations[2]], relations: [] }, (id) => groups.get(id) ?? null);
    const out = serializeStandoff(partial.document);
    expect(out).toContain('T2\tLOC 9 14\tتهران');
    expect(out).not.toContain('R1\t');
    expect(out).not.toContain('E1\t');
  });

  it('refuses spans outside the article and ids that belong to another kind of line', () => {
    const document = parseStandoff(ANN);
    expect(() => applyNativeChanges(document, CODE_POINTS, { annotations: [{ id: 'x', type: 'PER', start: 0, end: 99, text: '' }], relations: [] })).toThrow(/outside the article/);
    const view = standoffToNative(document, CODE_POINTS);
    const clash = [...view.annotations, { id: 'E1', type: 'PER', start: 0, end: 1, text: '😀' }];
    expect(() => applyNativeChanges(document, CODE_POINTS, { annotations: clash, relations: view.relations })).toThrow(/event line/);
  });
});

describe('splitFragmentsAtLineBreaks', () => {
  it('cuts at each line break and drops empty pieces', () => {
    const codePoints = Array.from('ab\n\ncd\nef');
    expect(splitFragmentsAtLineBreaks(codePoints, [{ start: 0, end: 9 }])).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }, { start: 7, end: 9 }]);
    expect(splitFragmentsAtLineBreaks(codePoints, [{ start: 1, end: 2 }])).toEqual([{ start: 1, end: 2 }]);
  });
});
