import { describe, expect, it } from 'vitest';
import { snapWindow } from './snapWindow';
import { snapToWords } from './wordSnap';

describe('snapWindow', () => {
  const ZWNJ = '\u200C';
  const line = `${`خبرگزاری می${ZWNJ}گوید که `.repeat(400)}`;

  it('narrows a long paragraph to whitespace-bounded context around the selection', () => {
    const selection = { start: 5_003, end: 5_006 };
    const window = snapWindow(line, selection, { start: 0, end: line.length }, 40);
    expect(window.start).toBeGreaterThan(0);
    expect(window.end).toBeLessThan(line.length);
    expect(window.start).toBeLessThanOrEqual(selection.start - 40);
    expect(window.end).toBeGreaterThanOrEqual(selection.end + 40);
    expect(/\s/.test(line[window.start - 1])).toBe(true);
    expect(/\s/.test(line[window.end])).toBe(true);
  });

  it('snaps to the same words as the whole paragraph would', () => {
    const paragraph = { start: 0, end: line.length };
    for (let start = 0; start < line.length - 10; start += 97) {
      const selection = { start, end: start + 7 };
      expect(snapToWords(line, selection, snapWindow(line, selection, paragraph, 20))).toEqual(snapToWords(line, selection, paragraph));
    }
  });

  it('stays inside the paragraph', () => {
    const text = `یک\n${'دو '.repeat(10)}\nسه`;
    const paragraph = { start: 3, end: 3 + 30 };
    expect(snapWindow(text, { start: 5, end: 7 }, paragraph, 100)).toEqual(paragraph);
  });
});
