// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import { chunkParagraphs } from '../../../../shared/text/paragraphChunks';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { articleViewActions } from '../../store/articleViewStore';
import { documentActions } from '../../store/documentStore';
import { piecesOf } from '../../store/paragraphSlices';
import { paragraphElement } from './ParagraphView';
import { paragraphChunkElement } from './chunks/ParagraphChunkView';

const TEXT = 'علی در تهران بود.\nخبر دوم از شیراز.';

function open(annotations: DocumentAnnotation[]) {
  const paragraphs = splitParagraphs(TEXT);
  articleViewActions.showArticle({ id: 'a.txt', name: 'a.txt', text: TEXT, sha256: 'x', encoding: 'utf-8', encodingGuessed: false, paragraphs, converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null });
  documentActions.load({ articleId: 'a.txt', annotations, relations: [], labels: [], status: 'in-progress' });
  return piecesOf(paragraphs);
}

const appearance = () => ({ color: '#f00', label: 'Person' });

afterEach(cleanup);

describe('a paragraph near the view', () => {
  it('is one element with its offset, holding its text', () => {
    const pieces = open([]);
    const paragraph = render(paragraphElement(pieces[1], appearance)).container.querySelector('p');
    expect(paragraph?.getAttribute('data-offset')).toBe(String(pieces[1].start));
    expect(paragraph?.className).toBe('paragraph');
    expect(paragraph?.childNodes).toHaveLength(1);
    expect(paragraph?.textContent).toBe('خبر دوم از شیراز.');
  });
});

describe('a chunk far from the view (#25)', () => {
  it('is one element holding the article text of its paragraphs, line breaks included, as a single text node with its offset', () => {
    const pieces = open([]);
    const [chunk] = chunkParagraphs(pieces, { characters: 4_000, paragraphs: 24, charactersPerLine: 80 });
    const element = render(paragraphChunkElement(chunk, { pieces, text: TEXT, appearance }, false)).container.firstElementChild;
    expect(element?.querySelector('p')).toBeNull();
    expect(element?.childNodes).toHaveLength(1);
    expect(element?.textContent).toBe(TEXT);
    expect(element?.getAttribute('data-offset')).toBe('0');
  });

  it('keeps its element when its paragraphs and highlights are drawn and dropped (a selection or a scroll may hold it)', () => {
    const start = TEXT.indexOf('تهران');
    const pieces = open([{ id: 'A1', type: 'LOC', start, end: start + 'تهران'.length, text: 'تهران' } as DocumentAnnotation]);
    const [chunk] = chunkParagraphs(pieces, { characters: 4_000, paragraphs: 24, charactersPerLine: 80 });
    const view = (near: boolean) => paragraphChunkElement(chunk, { pieces, text: TEXT, appearance }, near);
    const { container, rerender } = render(view(false));
    const element = container.firstElementChild;
    expect(element?.querySelector('mark')).toBeNull();
    rerender(view(true));
    expect(container.firstElementChild).toBe(element);
    expect(element?.hasAttribute('data-offset')).toBe(false);
    expect(element?.querySelectorAll('p')).toHaveLength(2);
    expect(element?.querySelector('mark[data-annotation-id="A1"]')?.textContent).toBe('تهران');
    expect(element?.querySelector('p')?.textContent).toBe('علی در تهران بود.');
    rerender(view(false));
    expect(container.firstElementChild).toBe(element);
    expect(element?.querySelector('mark')).toBeNull();
    expect(element?.textContent).toBe(TEXT);
  });
});
