import { describe, expect, it } from 'vitest';
import { countReanchorChanges, worstAnchorStatus } from './reanchorStatus';

describe('re-anchoring status', () => {
  it('takes the worst status of an annotation’s pieces', () => {
    expect(worstAnchorStatus([])).toBe('unchanged');
    expect(worstAnchorStatus([{ status: 'unchanged' }, { status: 'moved' }])).toBe('moved');
    expect(worstAnchorStatus([{ status: 'fuzzy' }, { status: 'moved' }])).toBe('fuzzy');
    expect(worstAnchorStatus([{ status: 'moved' }, { status: 'orphan' }, { status: 'fuzzy' }])).toBe('orphan');
  });

  it('counts recovered orphans as moved', () => {
    const changes = [{ status: 'moved' }, { status: 'recovered' }, { status: 'fuzzy' }, { status: 'orphan' }, { status: 'orphan' }] as const;
    expect(countReanchorChanges(changes)).toEqual({ moved: 2, fuzzy: 1, orphaned: 2 });
    expect(countReanchorChanges([])).toEqual({ moved: 0, fuzzy: 0, orphaned: 0 });
  });
});
