import { describe, expect, it } from 'vitest';
import { addEntity, addRelation, changeEntitySpan, changeRelation, dominantLineEnd, linesRemovedWith, nextId, parseStandoff, removeAnnotation, restoreLines, retagEntity, serializeStandoff, StandoffEditError } from './standoffDocument';
import { attributesOf, noteOf, setAttributes, setNote } from './standoffNotesAndAttributes';

const SAMPLE = [
  'T1\tPER 0 4\tعلی',
  'T2\tLOC 10 15;20 25\tتهران ایران',
  'R1\tLocated Arg1:T1 Arg2:T2\t',
  'E1\tTravel:T3 Agent:T1 Dest:T2',
  'T3\tTravel 5 9\tرفت',
  'A1\tNegation E1',
  'A2\tMention T1 Name',
  'M1\tSpeculation E1',
  'N1\tReference T2 Wikipedia:64488\tTehran',
  '*\tEquiv T1 T2',
  '#1\tAnnotatorNotes T1\tیادداشت 😀',
  '#2\tLemma T2\t tehran',
  'X9\tsomething unknown',
  '',
  'T4\tORG 30 35\tsepah',
].join('\n') + '\n';

describe('parseStandoff / serializeStandoff', () => {
  const cases: Record<string, string> = {
    empty: '',
    'one line without final newline': 'T1\tPER 0 3\tAli',
    'CRLF lines': 'T1\tPER 0 3\tAli\r\nT2\tLOC 4 9\tTehran\r\n',
    'mixed line ends and a lone CR': 'T1\tPER 0 3\tAli\r\nT2\tLOC 4 9\tTe\rhran\nR1\tX Arg1:T1 Arg2:T2\t\r',
    'trailing tabs and odd spaces': 'R1\tLocated Arg1:T1  Arg2:T2\t\nT1\tPER  0   3\tAli \t\n',
    'text field not matching the article': 'T35\tSIGN 0 5\t"low-pitched ""growling"" cry"\n',
    'BOM': '\uFEFFT1\tPER 0 3\tAli\n',
    'blank lines and whitespace-only lines': '\n\n  \t\nT1\tPER 0 3\tAli\n\n',
    'unknown line types and garbage': 'Q1\tfoo bar\nT1 PER 0 3 Ali\nT2\tPER x y\tbad\n\u0000\u200c\n',
    'Persian, ZWNJ, NBSP and emoji in text fields': 'T1\tPER 0 6\tمی\u200cدهد\u00a0😀\n#1\tAnnotatorNotes T1\t👍🏽 note\n',
    'a text field holding a tab': 'T1\tPER 0 5\ta\tb c\n',
  };
  for (const [name, content] of Object.entries(cases)) {
    it(`round-trips byte for byte: ${name}`, () => {
      expect(serializeStandoff(parseStandoff(content))).toBe(content);
    });
  }

  it('understands each line type', () => {
    const document = parseStandoff(SAMPLE);
    expect(document.lines.map((line) => line.kind)).toEqual([
      'entity', 'entity', 'relation', 'event', 'entity', 'attribute', 'attribute', 'attribute',
      'normalization', 'equivalence', 'note', 'note', 'opaque', 'opaque', 'entity',
    ]);
    expect(document.lines[1]).toMatchObject({ id: 'T2', type: 'LOC', fragments: [{ start: 10, end: 15 }, { start: 20, end: 25 }], text: 'تهران ایران' });
    expect(document.lines[2]).toMatchObject({ id: 'R1', type: 'Located', args: [{ role: 'Arg1', ref: 'T1' }, { role: 'Arg2', ref: 'T2' }] });
    expect(document.lines[3]).toMatchObject({ id: 'E1', type: 'Travel', trigger: 'T3', args: [{ role: 'Agent', ref: 'T1' }, { role: 'Dest', ref: 'T2' }] });
    expect(document.lines[5]).toMatchObject({ id: 'A1', name: 'Negation', target: 'E1', value: null });
    expect(document.lines[6]).toMatchObject({ id: 'A2', name: 'Mention', target: 'T1', value: 'Name' });
    expect(document.lines[8]).toMatchObject({ id: 'N1', type: 'Reference', target: 'T2', reference: 'Wikipedia:64488', text: 'Tehran' });
    expect(document.lines[9]).toMatchObject({ type: 'Equiv', members: ['T1', 'T2'] });
    expect(document.lines[11]).toMatchObject({ type: 'Lemma', target: 'T2', text: ' tehran' });
    expect(noteOf(document, 'T1')).toBe('یادداشت 😀');
    expect(attributesOf(document, 'T1')).toEqual({ Mention: 'Name' });
  });

  it('reads malformed T lines as opaque instead of guessing', () => {
    const document = parseStandoff('T1\tPER 5 3\tbackwards\nT2\tPER -1 3\tnegative\nT3\tPER 1 2;\tempty fragment\nT4\tPER\tno span\n');
    expect(document.lines.every((line) => line.kind === 'opaque')).toBe(true);
  });
});

describe('editing', () => {
  it('adds an entity with the next T number at the end, keeping every line', () => {
    const document = parseStandoff(SAMPLE);
    const { document: edited, id } = addEntity(document, { type: 'PER', fragments: [{ start: 40, end: 43 }], text: 'رضا' });
    expect(id).toBe('T5');
    const out = serializeStandoff(edited);
    expect(out).toBe(`${SAMPLE}T5\tPER 40 43\tرضا\n`);
  });

  it('gives the old last line a line end when the file had no final newline, in the file\'s own style', () => {
    const document = parseStandoff('T1\tPER 0 3\tAli\r\nT7\tLOC 4 9\tTehran');
    expect(dominantLineEnd(document)).toBe('\r\n');
    const out = serializeStandoff(addEntity(document, { type: 'ORG', fragments: [{ start: 10, end: 12 }], text: 'UN' }).document);
    expect(out).toBe('T1\tPER 0 3\tAli\r\nT7\tLOC 4 9\tTehran\r\nT8\tORG 10 12\tUN\r\n');
  });

  it('counts malformed lines when choosing a new id', () => {
    expect(nextId(parseStandoff('T1\tPER 0 3\tAli\nT12\tbroken\n'), 'T')).toBe('T13');
    expect(nextId(parseStandoff(''), 'T')).toBe('T1');
  });

  it('refuses what a brat line cannot hold', () => {
    const document = parseStandoff(SAMPLE);
    expect(() => addEntity(document, { type: 'P E R', fragments: [{ start: 0, end: 1 }], text: 'a' })).toThrow(StandoffEditError);
    expect(() => addEntity(document, { type: 'PER', fragments: [], text: '' })).toThrow(StandoffEditError);
    expect(() => addEntity(document, { type: 'PER', fragments: [{ start: 0, end: 3 }], text: 'a\nb' })).toThrow(StandoffEditError);
    expect(() => addEntity(document, { type: 'PER', fragments: [{ start: 5, end: 9 }, { start: 0, end: 2 }], text: 'x y' })).toThrow(StandoffEditError);
    expect(() => addEntity(document, { type: 'PER', fragments: [{ start: 0, end: 1 }], text: 'a' }, 'T1')).toThrow(StandoffEditError);
  });

  it('retags and moves an entity, touching only its own line', () => {
    const document = parseStandoff(SAMPLE);
    const retagged = serializeStandoff(retagEntity(document, 'T2', 'GPE'));
    expect(retagged).toBe(SAMPLE.replace('T2\tLOC 10 15;20 25', 'T2\tGPE 10 15;20 25'));
    const moved = serializeStandoff(changeEntitySpan(document, 'T4', [{ start: 31, end: 35 }], 'epah'));
    expect(moved).toBe(SAMPLE.replace('T4\tORG 30 35\tsepah', 'T4\tORG 31 35\tepah'));
    expect(retagEntity(document, 'T1', 'PER')).toBe(document);
    expect(() => retagEntity(document, 'R1', 'PER')).toThrow(StandoffEditError);
  });

  it('keeps a wrong text field when only the type changes', () => {
    const document = parseStandoff('T1\tPER  0 3\tnot the article\n');
    expect(serializeStandoff(retagEntity(document, 'T1', 'ORG'))).toBe('T1\tORG 0 3\tnot the article\n');
  });

  it('deletes an entity with every line that refers to it, transitively, and undo puts them back in place', () => {
    const document = parseStandoff(SAMPLE);
    const preview = linesRemovedWith(document, 'T1').map((entry) => entry.line.raw);
    const { document: edited, removed } = removeAnnotation(document, 'T1');
    expect(removed.map((entry) => entry.line.raw)).toEqual(preview);
    // T1 itself, R1 (Arg1), E1 (Agent), A1 and M1 (on E1, which went), A2 and #1 (on T1), the Equiv.
    expect(preview).toEqual([
      'T1\tPER 0 4\tعلی',
      'R1\tLocated Arg1:T1 Arg2:T2\t',
      'E1\tTravel:T3 Agent:T1 Dest:T2',
      'A1\tNegation E1',
      'A2\tMention T1 Name',
      'M1\tSpeculation E1',
      '*\tEquiv T1 T2',
      '#1\tAnnotatorNotes T1\tیادداشت 😀',
    ]);
    const kept = SAMPLE.split('\n').filter((line) => !preview.includes(line)).join('\n');
    expect(serializeStandoff(edited)).toBe(kept);
    expect(serializeStandoff(restoreLines(edited, removed))).toBe(SAMPLE);
  });

  it('deletes a trigger entity and with it the event and the event\'s attributes', () => {
    const { removed } = removeAnnotation(parseStandoff(SAMPLE), 'T3');
    expect(removed.map((entry) => entry.line.raw.split('\t')[0])).toEqual(['E1', 'T3', 'A1', 'M1']);
  });

  it('restores removed lines after later additions, and refuses an id that came back', () => {
    const document = parseStandoff(SAMPLE);
    const { document: edited, removed } = removeAnnotation(document, 'T4');
    const added = addEntity(edited, { type: 'PER', fragments: [{ start: 1, end: 2 }], text: 'x' });
    expect(added.id).toBe('T4');
    expect(() => restoreLines(added.document, removed)).toThrow(StandoffEditError);
    const other = addEntity(edited, { type: 'PER', fragments: [{ start: 1, end: 2 }], text: 'x' }, 'T9').document;
    expect(serializeStandoff(restoreLines(other, removed))).toBe(`${SAMPLE.replace('T4\tORG 30 35\tsepah\n', '')}T4\tORG 30 35\tsepah\nT9\tPER 1 2\tx\n`);
  });

  it('adds and changes relations; an unchanged relation keeps its trailing tab', () => {
    const document = parseStandoff(SAMPLE);
    const same = changeRelation(document, 'R1', { type: 'Located', args: [{ role: 'Arg1', ref: 'T1' }, { role: 'Arg2', ref: 'T2' }] });
    expect(same).toBe(document);
    const changed = serializeStandoff(changeRelation(document, 'R1', { type: 'Located', args: [{ role: 'Arg1', ref: 'T4' }, { role: 'Arg2', ref: 'T2' }] }));
    expect(changed).toBe(SAMPLE.replace('R1\tLocated Arg1:T1 Arg2:T2\t', 'R1\tLocated Arg1:T4 Arg2:T2'));
    const added = addRelation(document, { type: 'Employment', args: [{ role: 'Arg1', ref: 'T1' }, { role: 'Arg2', ref: 'T4' }] });
    expect(added.id).toBe('R2');
    expect(serializeStandoff(added.document).endsWith('T4\tORG 30 35\tsepah\nR2\tEmployment Arg1:T1 Arg2:T4\n')).toBe(true);
  });

  it('sets, rewrites and removes AnnotatorNotes, flattening line breaks', () => {
    const document = parseStandoff(SAMPLE);
    expect(setNote(document, 'T1', 'یادداشت 😀')).toBe(document);
    expect(serializeStandoff(setNote(document, 'T1', 'new\nnote'))).toBe(SAMPLE.replace('#1\tAnnotatorNotes T1\tیادداشت 😀', '#1\tAnnotatorNotes T1\tnew note'));
    expect(serializeStandoff(setNote(document, 'T1', null))).toBe(SAMPLE.replace('#1\tAnnotatorNotes T1\tیادداشت 😀\n', ''));
    expect(serializeStandoff(setNote(document, 'T4', 'هم'))).toBe(`${SAMPLE}#3\tAnnotatorNotes T4\tهم\n`);
    // The Lemma note on T2 is not an AnnotatorNotes: untouched.
    expect(noteOf(document, 'T2')).toBeNull();
  });

  it('sets attributes: unchanged lines keep their bytes, changed ones are rewritten in place', () => {
    const document = parseStandoff(SAMPLE);
    expect(serializeStandoff(setAttributes(document, 'T1', { Mention: 'Name' }))).toBe(SAMPLE);
    expect(serializeStandoff(setAttributes(document, 'T1', { Mention: 'Nominal' }))).toBe(SAMPLE.replace('A2\tMention T1 Name', 'A2\tMention T1 Nominal'));
    expect(serializeStandoff(setAttributes(document, 'T1', {}))).toBe(SAMPLE.replace('A2\tMention T1 Name\n', ''));
    expect(serializeStandoff(setAttributes(document, 'T4', { Individual: true, Confidence: 3, Gone: false }))).toBe(`${SAMPLE}A3\tIndividual T4\nA4\tConfidence T4 3\n`);
    expect(() => setAttributes(document, 'T4', { Mention: 'two words' })).toThrow(StandoffEditError);
  });
});
