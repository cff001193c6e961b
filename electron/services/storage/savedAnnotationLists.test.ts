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

  it('(#25) keeps the relations remembered with a list, for that revision only; none when not given or still worked out', async () => {
    const lists = new SavedAnnotationLists();
    const relations = [{ id: 'r1', type: 'rel', from: 'a', to: 'b' }];
    const revision = lists.remember('x.txt', [annotation('a', 0), annotation('b', 5)], relations);
    expect(lists.relationsAt('x.txt', revision)).toBe(relations);
    expect(lists.relationsAt('x.txt', 'another')).toBeNull();
    expect(lists.relationsAt('y.txt', revision)).toBeNull();
    expect(lists.relationsAt('x.txt', lists.remember('x.txt', []))).toBeNull();
    let settle: (list: StoredAnnotation[]) => void = () => undefined;
    const pending = lists.rememberPending('x.txt', new Promise((resolve) => (settle = resolve)), () => undefined, relations);
    expect(lists.relationsAt('x.txt', pending)).toBeNull();
    settle([annotation('a', 0)]);
    await lists.latest('x.txt');
    expect(lists.relationsAt('x.txt', pending)).toBe(relations);
  });

  it('refuses changes that do not fit the kept list', () => {
    const lists = new SavedAnnotationLists();
    const revision = lists.remember('x.txt', [annotation('a', 0)]);
    expect(lists.withChanges('x.txt', revision, { remove: [], insert: [], count: 5 })).toBeNull();
  });

  it('(#17) a list still being worked out: pages wait for it, and it is refused when it turns out otherwise, fails, or is replaced', async () => {
    const lists = new SavedAnnotationLists();
    let settle: (list: ReturnType<typeof annotation>[] | null) => void = () => undefined;
    const pending = lists.rememberPending('x.txt', new Promise((resolve) => (settle = resolve)));
    expect(lists.isPending('x.txt', pending)).toBe(true);
    expect(lists.listAt('x.txt', pending)).toBeNull();
    expect(lists.withChanges('x.txt', pending, { remove: [], insert: [], count: 0 })).toBeNull();
    const waiting = lists.listWhenReady('x.txt', pending);
    const list = [annotation('a', 0)];
    settle(list);
    expect(await waiting).toBe(list);
    expect(lists.isPending('x.txt', pending)).toBe(false);
    expect(lists.withChanges('x.txt', pending, { remove: [], insert: [], count: 1 })).toEqual(list);

    let asked = 0;
    const onAsked = lists.rememberPending('w.txt', Promise.resolve([]), () => asked++);
    expect(asked).toBe(0);
    expect(await lists.listWhenReady('w.txt', onAsked)).toEqual([]);
    expect(asked).toBe(1);

    const otherwise = lists.rememberPending('y.txt', Promise.resolve(null));
    expect(await lists.listWhenReady('y.txt', otherwise)).toBeNull();
    const failed = lists.rememberPending('y.txt', Promise.reject(new Error('unreadable')));
    expect(await lists.listWhenReady('y.txt', failed)).toBeNull();

    let settleReplaced: (list: ReturnType<typeof annotation>[] | null) => void = () => undefined;
    const replaced = lists.rememberPending('z.txt', new Promise((resolve) => (settleReplaced = resolve)));
    const waitingReplaced = lists.listWhenReady('z.txt', replaced);
    const newer = lists.remember('z.txt', []);
    settleReplaced(list);
    expect(await waitingReplaced).toBeNull();
    expect(lists.listAt('z.txt', newer)).toEqual([]);
  });

  it('(#17) latest: the list kept now, a pending one waited for without asking for it; null when none or not the one sent', async () => {
    const lists = new SavedAnnotationLists();
    expect(await lists.latest('x.txt')).toBeNull();
    const saved = [annotation('a', 0)];
    lists.remember('x.txt', saved);
    expect(await lists.latest('x.txt')).toBe(saved);

    let asked = 0;
    let settle: (list: ReturnType<typeof annotation>[] | null) => void = () => undefined;
    lists.rememberPending('y.txt', new Promise((resolve) => (settle = resolve)), () => asked++);
    const waiting = lists.latest('y.txt');
    const whole = [annotation('b', 0), annotation('c', 4)];
    settle(whole);
    expect(await waiting).toBe(whole);
    expect(asked).toBe(0);

    lists.rememberPending('z.txt', Promise.resolve(null));
    expect(await lists.latest('z.txt')).toBeNull();
    let settleReplaced: (list: ReturnType<typeof annotation>[] | null) => void = () => undefined;
    lists.rememberPending('w.txt', new Promise((resolve) => (settleReplaced = resolve)));
    const waitingReplaced = lists.latest('w.txt');
    lists.remember('w.txt', saved);
    settleReplaced(whole);
    expect(await waitingReplaced).toBeNull();
  });
});
