import { describe, expect, it } from 'vitest';
import type { TaggedText } from '../suggestions';
import { TAGGED_TEXTS_TTL_MS, TaggedTextsCache } from './taggedTextsCache';

const tehran: TaggedText = { text: 'تهران', type: 'LOC', count: 1 };
const un: TaggedText = { text: 'سازمان ملل متحد', type: 'ORG', count: 1 };

function deferred(): { promise: Promise<TaggedText[]>; resolve: (texts: TaggedText[]) => void } {
  let resolve: (texts: TaggedText[]) => void = () => undefined;
  const promise = new Promise<TaggedText[]>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('TaggedTextsCache', () => {
  it('reuses a gathering while fresh and gathers again once it is older than the TTL', async () => {
    let clock = 0;
    const cache = new TaggedTextsCache(() => clock);
    let gatherings = 0;
    const gather = async () => {
      gatherings += 1;
      return [tehran];
    };
    expect(await cache.current(gather)).toEqual([tehran]);
    clock = TAGGED_TEXTS_TTL_MS;
    expect(await cache.current(gather)).toEqual([tehran]);
    expect(gatherings).toBe(1);
    clock = TAGGED_TEXTS_TTL_MS + 1;
    await cache.current(gather);
    expect(gatherings).toBe(2);
  });

  it('gathers again after a change was said, however fresh the last gathering', async () => {
    const cache = new TaggedTextsCache(() => 0);
    await cache.current(async () => [tehran]);
    cache.forget();
    expect(await cache.current(async () => [tehran, un])).toEqual([tehran, un]);
  });

  it('does not keep a gathering that a save overtook: the next request sees the saved tag', async () => {
    const cache = new TaggedTextsCache(() => 0);
    const stale = deferred();
    // The first article's suggestions start gathering, then a save lands before the gathering ends.
    const first = cache.current(() => stale.promise);
    cache.forget();
    stale.resolve([tehran]);
    expect(await first).toEqual([tehran]);
    // The next article asks within the TTL: it must not be answered from the gathering before the save.
    expect(await cache.current(async () => [tehran, un])).toEqual([tehran, un]);
  });
});
