import { describe, expect, it } from 'vitest';
import { fileNameParts, hasHiddenCharacters, visibleFileName } from './visibleFileName';

describe('visibleFileName', () => {
  it('makes a right-to-left override visible, so «txt.exe» cannot pose as «exe.txt»', () => {
    expect(visibleFileName('invoice\u202Etxt.exe')).toBe('invoice⟨U+202E⟩txt.exe');
    expect(hasHiddenCharacters('invoice\u202Etxt.exe')).toBe(true);
  });

  it('escapes every bidi embedding, override, isolate and mark', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const control of controls) {
      const shown = visibleFileName(`a${control}b.txt`);
      expect(shown).toBe(`a⟨U+${control.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩b.txt`);
    }
    expect(visibleFileName('\u2067خبر\u2069.txt')).toBe('⟨U+2067⟩خبر⟨U+2069⟩.txt');
  });

  it('escapes line breaks, controls, zero-width spaces, BOM and tag characters', () => {
    expect(visibleFileName('a\nb\r\t.txt')).toBe('a⟨U+000A⟩b⟨U+000D⟩⟨U+0009⟩.txt');
    expect(visibleFileName('a\u0085\u2028\u2029.txt')).toBe('a⟨U+0085⟩⟨U+2028⟩⟨U+2029⟩.txt');
    expect(visibleFileName('\ufeffa\u200bb\u2060.txt')).toBe('⟨U+FEFF⟩a⟨U+200B⟩b⟨U+2060⟩.txt');
    expect(visibleFileName('a\u{E0041}.txt')).toBe('a⟨U+E0041⟩.txt');
  });

  it('leaves Persian names with ZWNJ, ZWJ, NBSP, digits and emoji exactly as they are', () => {
    for (const name of ['گزارش‌ها.txt', 'می‌دهد\u200d.txt', 'خبر\u00a0۱۴۰۳.txt', 'اخبار 😀 امروز.txt', 'مقاله-۲.txt', 'NASA report.txt']) {
      expect(visibleFileName(name)).toBe(name);
      expect(hasHiddenCharacters(name)).toBe(false);
    }
  });

  it('handles the empty name and a name made only of controls', () => {
    expect(visibleFileName('')).toBe('');
    expect(visibleFileName('\u202E\u202E')).toBe('⟨U+202E⟩⟨U+202E⟩');
  });
});

describe('fileNameParts', () => {
  it('cuts a name into ordinary runs and escapes, which join back into the visible name', () => {
    const name = '\u2067گزارش\u2069 (2)\u202E.txt';
    expect(fileNameParts(name)).toEqual([
      { text: '⟨U+2067⟩', escaped: true },
      { text: 'گزارش', escaped: false },
      { text: '⟨U+2069⟩', escaped: true },
      { text: ' (2)', escaped: false },
      { text: '⟨U+202E⟩', escaped: true },
      { text: '.txt', escaped: false },
    ]);
    expect(fileNameParts(name).map((part) => part.text).join('')).toBe(visibleFileName(name));
  });

  it('gives one ordinary part for an ordinary name and none for the empty name', () => {
    expect(fileNameParts('می‌دهد.txt')).toEqual([{ text: 'می‌دهد.txt', escaped: false }]);
    expect(fileNameParts('')).toEqual([]);
    expect(fileNameParts('a\u{E0041}\u{E0042}')).toEqual([{ text: 'a', escaped: false }, { text: '⟨U+E0041⟩', escaped: true }, { text: '⟨U+E0042⟩', escaped: true }]);
  });
});
