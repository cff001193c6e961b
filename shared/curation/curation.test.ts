import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { checkAnnotatorName } from './annotatorName';
import { applyCuration, CurationDecisionError, decisionProblem } from './applyCuration';
import { CurationDecisionSchema, type CurationDecision } from './curationDecision';
import { listDisagreements } from './disagreements';

const TEXT = '😀 علی\u200cرضا احمدی در\u00a0تهران امنیتیگروه 🇮🇷 دید.\nسازمان ملل';
const codePoints = Array.from(TEXT);
function annotation(id: string, type: string, start: number, end: number, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return { id, type, start, end, text: codePoints.slice(start, end).join(''), ...extra };
}

const ali = [annotation('T1', 'PER', 2, 15), annotation('T2', 'LOC', 19, 24), annotation('T3', 'ORG', 31, 35, { note: 'گروه' })];
const sara = [annotation('T2', 'LOC', 19, 24), annotation('T1', 'PER', 2, 9), annotation('T3', 'LOC', 44, 54)];
const listing = listDisagreements([
  { annotator: 'علی', annotations: ali },
  { annotator: 'sara', annotations: sara },
]);

describe('listing disagreements', () => {
  it('keeps identical spans as agreed and groups the rest side by side', () => {
    expect(listing.annotators).toEqual(['علی', 'sara']);
    expect(listing.agreed).toEqual([ali[1]]);
    expect(listing.groups.map((group) => [group.start, group.end, group.kind])).toEqual([
      [2, 15, 'boundary'],
      [31, 35, 'missing'],
      [44, 54, 'missing'],
    ]);
    expect(listing.groups[0].versions).toEqual([
      { annotator: 'علی', spans: [ali[0]] },
      { annotator: 'sara', spans: [sara[1]] },
    ]);
    expect(listing.groups[2].versions[0].spans).toEqual([]);
  });

  it('classifies type disagreements and mixed ones', () => {
    const type = listDisagreements([
      { annotator: 'a', annotations: [annotation('1', 'ORG', 44, 54)] },
      { annotator: 'b', annotations: [annotation('1', 'LOC', 44, 54)] },
    ]);
    expect(type.groups.map((group) => group.kind)).toEqual(['type']);
    const mixed = listDisagreements([
      { annotator: 'a', annotations: [annotation('1', 'PER', 2, 15)] },
      { annotator: 'b', annotations: [annotation('1', 'LOC', 2, 9)] },
    ]);
    expect(mixed.groups.map((group) => group.kind)).toEqual(['mixed']);
  });

  it('chains of overlapping spans of any annotator form one group', () => {
    const chained = listDisagreements([
      { annotator: 'a', annotations: [annotation('1', 'PER', 2, 15), annotation('2', 'LOC', 19, 24)] },
      { annotator: 'b', annotations: [annotation('1', 'PER', 10, 20)] },
    ]);
    expect(chained.groups).toHaveLength(1);
    expect(chained.groups[0]).toMatchObject({ start: 2, end: 24, kind: 'mixed' });
  });

  it('group ids are stable, and change only for the group whose content changed', () => {
    const again = listDisagreements([
      { annotator: 'علی', annotations: [...ali].reverse() },
      { annotator: 'sara', annotations: sara },
    ]);
    expect(again.groups.map((group) => group.id)).toEqual(listing.groups.map((group) => group.id));
    const changed = listDisagreements([
      { annotator: 'علی', annotations: ali },
      { annotator: 'sara', annotations: [sara[0], sara[1], annotation('T3', 'ORG', 44, 54)] },
    ]);
    expect(changed.groups[0].id).toBe(listing.groups[0].id);
    expect(changed.groups[2].id).not.toBe(listing.groups[2].id);
  });

  it('three annotators: agreed needs all three; two of three is still a disagreement', () => {
    const three = listDisagreements([
      { annotator: 'a', annotations: [annotation('1', 'LOC', 19, 24), annotation('2', 'PER', 2, 9)] },
      { annotator: 'b', annotations: [annotation('x', 'LOC', 19, 24), annotation('y', 'PER', 2, 9)] },
      { annotator: 'c', annotations: [annotation('p', 'LOC', 19, 24)] },
    ]);
    expect(three.agreed.map((span) => span.id)).toEqual(['1']);
    expect(three.groups).toHaveLength(1);
    expect(three.groups[0].versions.map((version) => version.spans.length)).toEqual([1, 1, 0]);
  });

  it('duplicates count: a span one annotator has twice and the other once leaves one in a group', () => {
    const twice = listDisagreements([
      { annotator: 'a', annotations: [annotation('1', 'LOC', 19, 24), annotation('2', 'LOC', 19, 24)] },
      { annotator: 'b', annotations: [annotation('1', 'LOC', 19, 24)] },
    ]);
    expect(twice.agreed).toHaveLength(1);
    expect(twice.groups[0].versions.map((version) => version.spans.map((span) => span.id))).toEqual([['2'], []]);
  });

  it('nothing annotated: nothing to curate', () => {
    expect(listDisagreements([{ annotator: 'a', annotations: [] }, { annotator: 'b', annotations: [] }])).toEqual({ annotators: ['a', 'b'], agreed: [], groups: [] });
  });

  it('refuses an annotator listed twice', () => {
    expect(() => listDisagreements([{ annotator: 'a', annotations: [] }, { annotator: 'a', annotations: [] }])).toThrow(RangeError);
  });
});

describe('applying decisions', () => {
  const [boundary, orgOnlyAli, locOnlySara] = listing.groups;

  it('adopt one side, reject, adopt both; agreed spans are kept without a decision', () => {
    const decisions = new Map<string, CurationDecision>([
      [boundary.id, { kind: 'adopt', annotator: 'sara' }],
      [orgOnlyAli.id, { kind: 'reject' }],
      [locOnlySara.id, { kind: 'adopt-all' }],
    ]);
    const result = applyCuration(listing, decisions, TEXT);
    expect(result.annotations.map((span) => [span.id, span.type, span.start, span.end, span.text, span.author])).toEqual([
      ['T1', 'PER', 2, 9, 'علی\u200cرضا', 'sara'],
      ['T2', 'LOC', 19, 24, 'تهران', undefined],
      ['T3', 'LOC', 44, 54, 'سازمان ملل', 'sara'],
    ]);
    expect(result.undecided).toEqual([]);
    expect(result.decided).toHaveLength(3);
  });

  it('an undecided group contributes nothing and is listed', () => {
    const result = applyCuration(listing, new Map([[orgOnlyAli.id, { kind: 'adopt', annotator: 'علی' }]]), TEXT);
    expect(result.annotations.map((span) => span.text)).toEqual(['تهران', 'گروه']);
    expect(result.annotations[1].note).toBe('گروه');
    expect(result.undecided).toEqual([boundary.id, locOnlySara.id]);
  });

  it('adopting both sides keeps both spans and gives clashing ids distinct ones', () => {
    const result = applyCuration(listing, new Map([[boundary.id, { kind: 'adopt-all' }]]), TEXT);
    expect(result.annotations.map((span) => [span.id, span.start, span.end])).toEqual([
      ['T1', 2, 15],
      ['T1-2', 2, 9],
      ['T2', 19, 24],
    ]);
  });

  it('an edited span takes its text from the document (code points, past an emoji)', () => {
    const edit: CurationDecision = { kind: 'edit', spans: [{ type: 'PER', start: 2, end: 9, note: 'first name only' }] };
    const result = applyCuration(listing, new Map([[boundary.id, edit]]), TEXT, 'lead');
    const edited = result.annotations.find((span) => span.start === 2);
    expect(edited).toMatchObject({ type: 'PER', text: 'علی\u200cرضا', author: 'lead', note: 'first name only' });
    expect(edited?.id).toMatch(/^cur-[0-9a-f]{8}-1$/);
  });

  it('an edited discontinuous span stores its fragments and their text joined by a space', () => {
    const edit: CurationDecision = { kind: 'edit', spans: [{ type: 'ORG', start: 44, end: 54, fragments: [{ start: 44, end: 50 }, { start: 51, end: 54 }] }] };
    const result = applyCuration(listing, new Map([[locOnlySara.id, edit]]), TEXT);
    expect(result.annotations.find((span) => span.type === 'ORG')?.text).toBe('سازمان ملل');
  });

  it('refuses decisions that cannot apply', () => {
    expect(decisionProblem(boundary, { kind: 'adopt', annotator: 'nobody' }, codePoints.length)).toMatch(/not one of the annotators/);
    expect(decisionProblem(boundary, { kind: 'edit', spans: [{ type: 'PER', start: 50, end: 99 }] }, codePoints.length)).toMatch(/past the end/);
    expect(decisionProblem(boundary, { kind: 'edit', spans: [{ type: 'PER', start: 5, end: 5 }] }, codePoints.length)).toMatch(/empty/);
    expect(() => applyCuration(listing, new Map([[boundary.id, { kind: 'adopt', annotator: 'nobody' }]]), TEXT)).toThrow(CurationDecisionError);
  });

  it('a decision for a group that no longer exists is reported as stale, not applied', () => {
    const result = applyCuration(listing, new Map([['g1-2-deadbeef', { kind: 'reject' }]]), TEXT);
    expect(result.stale).toEqual(['g1-2-deadbeef']);
    expect(result.annotations).toEqual(listing.agreed);
  });

  it('decisions parse from JSON with the schema', () => {
    expect(CurationDecisionSchema.safeParse({ kind: 'adopt', annotator: 'sara' }).success).toBe(true);
    expect(CurationDecisionSchema.safeParse({ kind: 'adopt' }).success).toBe(false);
    expect(CurationDecisionSchema.safeParse({ kind: 'keep' }).success).toBe(false);
  });
});

describe('annotator names as file names', () => {
  it('keeps Persian letters, ZWNJ and inner spaces; trims and NFC-normalizes', () => {
    expect(checkAnnotatorName('  مریم\u200cسادات رضایی ')).toEqual({ ok: true, name: 'مریم\u200cسادات رضایی' });
    expect(checkAnnotatorName('Zoe\u0301')).toEqual({ ok: true, name: 'Zoé' });
    expect(checkAnnotatorName('ali.reza')).toEqual({ ok: true, name: 'ali.reza' });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['a/b', /may not contain/],
    ['a\\b', /may not contain/],
    ['..', /".."/],
    ['a..b', /".."/],
    ['.hidden', /start with/],
    ['name.', /end with/],
    ['tab\there', /control/],
    ['new\nline', /control/],
    ['\u202eevil', /direction/],
    ['CON', /reserved/],
    ['lpt1.txt', /reserved/],
    ['a:b', /may not contain/],
    ['ب'.repeat(101), /longer than/],
  ])('refuses %j', (name, reason) => {
    const checked = checkAnnotatorName(name);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });
});
