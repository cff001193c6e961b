import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDocumentAnnotations } from '../../../../shared/anchoring/documentAnnotation';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { toDocumentAnnotationsInSteps } from './loadedAnnotations';

const TEXT = '😀 علی دایی 😀 در تهران 😀 با فیفا\n'.repeat(50);
const converter = createOffsetConverter(TEXT);
const codePoints = Array.from(TEXT).length;
const stored: StoredAnnotation[] = Array.from({ length: 95 }, (_, index) => {
  const start = (index * 7) % (codePoints - 3);
  return { id: `a${index}`, type: 'LOC', start, end: start + 3, text: Array.from(TEXT).slice(start, start + 3).join(''), fragments: index % 10 === 0 ? [{ start, end: start + 1 }, { start: start + 2, end: start + 3 }] : undefined };
}).map(({ fragments, ...annotation }) => (fragments ? { ...annotation, fragments } : annotation));

/** Counts the tasks the conversion yields to (each is a MessageChannel's message). */
function countYields(): { count: () => number } {
  let created = 0;
  const Original = globalThis.MessageChannel;
  vi.stubGlobal(
    'MessageChannel',
    class extends Original {
      constructor() {
        super();
        created++;
      }
    },
  );
  return { count: () => created };
}

describe('toDocumentAnnotationsInSteps', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('converts as toDocumentAnnotations does, in order, whatever the step and the budget', async () => {
    const whole = toDocumentAnnotations(stored, converter);
    for (const perStep of [1, 7, 10, 94, 95, 1000]) {
      for (const budget of [0, 8, Number.POSITIVE_INFINITY]) expect(await toDocumentAnnotationsInSteps(stored, converter, perStep, budget)).toEqual(whole);
    }
  });

  it('starts a long list in a task of its own, never in the one that received it', async () => {
    let finished = false;
    const converting = toDocumentAnnotationsInSteps(stored, converter, 10, Number.POSITIVE_INFINITY).then(() => (finished = true));
    for (let turn = 0; turn < 50; turn++) await Promise.resolve();
    expect(finished).toBe(false);
    await converting;
    expect(finished).toBe(true);
  });

  it('yields each time the steps have taken their budget, and only then', async () => {
    const yields = countYields();
    // Every look at the clock finds 4 ms more: a task of steps reaches the budget of 8 ms at its third look.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 4));
    await toDocumentAnnotationsInSteps(stored, converter, 10, 8);
    // Ten steps: the first waits for a task of its own, then one wait every two steps.
    expect(yields.count()).toBe(5);
    const unbounded = countYields();
    await toDocumentAnnotationsInSteps(stored, converter, 10, Number.POSITIVE_INFINITY);
    expect(unbounded.count()).toBe(1);
  });

  it('converts a list of one step at once, with no wait', async () => {
    const short = await Promise.race([toDocumentAnnotationsInSteps(stored.slice(0, 10), converter, 10), new Promise((resolve) => queueMicrotask(() => resolve('waited')))]);
    expect(short).not.toBe('waited');
  });
});
