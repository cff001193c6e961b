import { describe, expect, it } from 'vitest';
import { reanchorStandoff } from './reanchorStandoff';
import { parseStandoff, serializeStandoff } from '../brat/standoffDocument';

const OLD = 'سرلشکر باقری در دمشق با همتای سوری دیدار کرد. ستاد کل (ارتش) نیروهای مسلح بیانیه داد.';
const ANN = [
  'T1\tPER 0 12\tسرلشکر باقری',
  'T2\tLOC 16 20\tدمشق',
  'R1\tLocated Arg1:T1 Arg2:T2\t',
  'T3\tORG 46 53;61 73\tستاد کل نیروهای مسلح',
  'T4\tORG 74 79\twrong text kept',
].join('\n') + '\n';

describe('reanchorStandoff', () => {
  it('moves T lines with their words and leaves every other line alone', () => {
    const changed = `😀 خبر فوری: ${OLD.replace('در دمشق ', '')}`;
    const outcome = reanchorStandoff(parseStandoff(ANN), OLD, changed);
    expect(outcome.changes.map((change) => [change.id, change.status])).toEqual([['T1', 'moved'], ['T2', 'orphan'], ['T3', 'moved'], ['T4', 'moved']]);
    expect(serializeStandoff(outcome.document)).toBe([
      'T1\tPER 12 24\tسرلشکر باقری',
      'T2\tLOC 16 20\tدمشق',
      'R1\tLocated Arg1:T1 Arg2:T2\t',
      'T3\tORG 50 57;65 77\tستاد کل نیروهای مسلح',
      'T4\tORG 78 83\tبیانی',
    ].join('\n') + '\n');
  });

  it('keeps the file byte for byte when nothing moved', () => {
    const outcome = reanchorStandoff(parseStandoff(ANN), OLD, `${OLD} پایان`);
    expect(outcome.unchanged).toBe(4);
    expect(serializeStandoff(outcome.document)).toBe(ANN);
  });
});
