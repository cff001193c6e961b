import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { SavedAnnotationLists } from './savedAnnotationLists';

const annotation = (id: string, start: number): StoredAnnotation => ({ id, type: 'PER', start, end: start + 2, text: 'ab' });

describe('SavedAnnotationLists', () => {
  it('rebuilds the next list from changes against the revision it named', () => {
    const lists = new SavedAnnotationLists();
    const first = [annotation('a', 0), annotation('c', 10)];
    const revision = lists.remember('x.txt', first);
    const added = annotation('b', 5);
    expect(lists.withChanges('x.txt', revision, { remove: [], insert: [{ index: 1, annotation: added }], count: 3 })).toEqual([first[0], added, first[1]]);
  });

  it('knows only the latest revision of an article, and forgets articles beyond its capacity or when told', () => {
    const lists = new SavedAnnotationLists(2);
    const old = lists.remember('x.txt', []);
    const latest = lists.remember('x.txt', [annotation('a', 0)]);
    const none = { remove: [], insert: [], count: 1 };
    expect(lists.withChanges('x.txt', old, none)).toBeNull();
    expect(lists.withChanges('x.txt', latest, none)).toHaveLength(1);
    lists.remember('y.txt', []);
    lists.remember('z.txt', []);
    expect(lists.withChanges('x.txt', latest, none)).toBeNull();
    const y = lists.remember('y.txt', []);
    lists.forget('y.txt');
    expect(lists.withChanges('y.txt', y, { remove: [], insert: [], count: 0 })).toBeNull();
  });

  it('refuses changes that do not fit the kept list', () => {
    const lists = new SavedAnnotationLists();
    const revision = lists.remember('x.txt', [annotation('a', 0)]);
    expect(lists.withChanges('x.txt', revision, { remove: [], insert: [], count: 5 })).toBeNull();
  });
});
