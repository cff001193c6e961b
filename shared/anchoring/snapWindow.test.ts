import { describe, expect, it } from 'vitest';
import { snapWindow } from './snapWindow';
import { snapToWords } from './wordSnap';
import { utf16Range } from './offsetUnits';

describe('snapWindow', () => {
  const ZWNJ = '\u200C';
  const line = `${`خبرگزاری می${ZWNJ}گوید که `.repeat(400)}`;

  it('narrows a long paragraph to whitespace-bounded context around the selection', () => {
    const selection = utf16Range(5_003, 5_006);
    const window = snapWindow(line, selection, utf16Range(0, line.length), 40);
    expect(window.start).toBeGreaterThan(0);
    expect(window.end).toBeLessThan(line.length);
    expect(window.start).toBeLessThanOrEqual(selection.start - 40);
    expect(window.end).toBeGreaterThanOrEqual(selection.end + 40);
    expect(/\s/.test(line[window.start - 1])).toBe(true);
    expect(/\s/.test(line[window.end])).toBe(true);
  });

  it('snaps to the same words as the whole paragraph would', () => {
    const paragraph = utf16Range(0, line.length);
    for (let start = 0; start < line.length - 10; start += 97) {
      const selection = utf16Range(start, start + 7);
      expect(snapToWords(line, selection, snapWindow(line, selection, paragraph, 20))).toEqual(snapToWords(line, selection, paragraph));
    }
  });

  it('stays inside the paragraph', () => {
    const text = `یک\n${'دو '.repeat(10)}\nسه`;
    const paragraph = utf16Range(3, 3 + 30);
    expect(snapWindow(text, utf16Range(5, 7), paragraph, 100)).toEqual(paragraph);
  });
});
