import { describe, expect, it } from 'vitest';
import { splitIntoPieces } from './paragraphChunks';
import { splitParagraphs } from './paragraphs';
import { wholeParagraphPieces } from './wholeParagraphPieces';

const fields = ({ index, start, end, text, paragraph, continued, continues, direction }: ReturnType<typeof splitIntoPieces>[number]) => ({ index, start, end, text, paragraph, continued, continues, direction });

describe('wholeParagraphPieces', () => {
  it.each([
    ['paragraphs, an empty one and a trailing newline', 'یک دو\n\nسه چهار\n'],
    ['one paragraph', 'Hashiye حاشیه'],
    ['an empty article', ''],
    ['only newlines', '\n\n'],
  ])('reads like the pieces of the split paragraphs: %s', (_, text) => {
    const pieces = wholeParagraphPieces(text, 100);
    expect(pieces?.map(fields)).toEqual(splitIntoPieces(splitParagraphs(text), 100).map(fields));
  });

  it('gives up when a paragraph must be cut, so that the caller cuts it', () => {
    expect(wholeParagraphPieces(`یک\n${'x'.repeat(101)}\nدو`, 100)).toBeNull();
    expect(wholeParagraphPieces('x'.repeat(100), 100)).not.toBeNull();
  });

  it('holds no text of its own: each read cuts it from the article', () => {
    const [piece] = wholeParagraphPieces('یک دو\nسه', 100) ?? [];
    expect(Object.keys(piece)).not.toContain('text');
    expect(piece.text).toBe('یک دو');
  });
});
