import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { toDocumentAnnotations, toStoredAnnotations, type DocumentAnnotation } from './documentAnnotation';
import { createOffsetConverter } from './offsets';
import { asUtf16Offset, type CodePointOffset, type Utf16Offset } from './offsetUnits';

/**
 * The units are checked by the compiler: `npm run typecheck` compiles this file (tsconfig.e2e.json
 * and tsconfig.electron.json take shared tests), and each `@ts-expect-error` below fails that
 * check if the line after it ever compiles, that is, if a UTF-16 offset could be passed as a code
 * point or the other way round. The `it`s run the same lines, so they also say what happens at
 * run time: nothing, the brands are types only.
 */
const EMOJI = '😀';
const text = `${EMOJI} تهران`;
const converter = createOffsetConverter(text);

function takesCodePoint(offset: CodePointOffset): CodePointOffset {
  return offset;
}

function takesUtf16(offset: Utf16Offset): Utf16Offset {
  return offset;
}

describe('offset units do not mix', () => {
  it('refuses a UTF-16 offset where a code point is expected', () => {
    const utf16 = converter.toUtf16(2);
    // @ts-expect-error a Utf16Offset is not a CodePointOffset
    expect(takesCodePoint(utf16)).toBe(3);
    // @ts-expect-error toUtf16 converts code points only
    expect(converter.toUtf16(utf16)).toBe(4);
  });

  it('refuses a code point, or a number of unknown unit, where a UTF-16 offset is expected', () => {
    const codePoint = converter.toCodePoint(asUtf16Offset(3));
    // @ts-expect-error a CodePointOffset is not a Utf16Offset
    expect(takesUtf16(codePoint)).toBe(2);
    // @ts-expect-error toCodePoint converts UTF-16 offsets only
    expect(converter.toCodePoint(codePoint)).toBe(1);
    // @ts-expect-error a plain number has no unit: a UTF-16 offset comes from a conversion, the DOM or asUtf16Offset
    expect(takesUtf16(3)).toBe(3);
  });

  it('keeps annotations of the window and of the file apart', () => {
    const stored: StoredAnnotation[] = [{ id: 'a1', type: 'LOC', start: 2, end: 7, text: 'تهران' }];
    const inWindow: DocumentAnnotation[] = toDocumentAnnotations(stored, converter);
    expect(inWindow[0].start).toBe(3);
    // @ts-expect-error the window's annotations count UTF-16 units: they reach a file only through toStoredAnnotations
    const unconverted: StoredAnnotation[] = inWindow;
    // @ts-expect-error the file's annotations count code points: they reach the window only through toDocumentAnnotations
    const notLoaded: DocumentAnnotation[] = stored;
    expect(unconverted[0].start).not.toBe(notLoaded[0].start);
    expect(toStoredAnnotations(inWindow, converter)).toEqual(stored);
  });

  it('lets a number read from a file count code points without marking', () => {
    expect(converter.toUtf16(takesCodePoint(7))).toBe(8);
  });
});
