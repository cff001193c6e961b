import { describe, expect, it, vi } from 'vitest';
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

describe('toDocumentAnnotationsInSteps', () => {
  it('converts as toDocumentAnnotations does, in order, whatever the step', async () => {
    const whole = toDocumentAnnotations(stored, converter);
    for (const perStep of [1, 7, 10, 94, 95, 1000]) expect(await toDocumentAnnotationsInSteps(stored, converter, perStep)).toEqual(whole);
  });

  it('lets the window run between steps, and not for a list of one step', async () => {
    vi.useFakeTimers();
    try {
      let finished = false;
      const converting = toDocumentAnnotationsInSteps(stored, converter, 10).then(() => (finished = true));
      await Promise.resolve();
      expect(finished).toBe(false);
      // One wait between each two of the ten steps.
      await vi.runAllTimersAsync();
      await converting;
      expect(finished).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
      const short = await Promise.race([toDocumentAnnotationsInSteps(stored.slice(0, 10), converter, 10), new Promise((resolve) => queueMicrotask(() => resolve('waited')))]);
      expect(short).not.toBe('waited');
    } finally {
      vi.useRealTimers();
    }
  });
});
