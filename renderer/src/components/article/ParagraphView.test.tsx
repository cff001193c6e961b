// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { articleViewActions } from '../../store/articleViewStore';
import { documentActions } from '../../store/documentStore';
import { piecesOf } from '../../store/paragraphSlices';
import { paragraphElement } from './ParagraphView';

const TEXT = 'علی در تهران بود.\nخبر دوم از شیراز.';

function open(annotations: DocumentAnnotation[]) {
  const paragraphs = splitParagraphs(TEXT);
  articleViewActions.showArticle({ id: 'a.txt', name: 'a.txt', text: TEXT, sha256: 'x', encoding: 'utf-8', encodingGuessed: false, paragraphs, converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null });
  documentActions.load({ articleId: 'a.txt', annotations, relations: [], labels: [], status: 'in-progress' });
  return piecesOf(paragraphs);
}

const appearance = () => ({ color: '#f00', label: 'Person' });

afterEach(cleanup);

describe('a paragraph without highlights (#25)', () => {
  it('is one element holding its text as a single text node, the same drawn with highlights or without', () => {
    const pieces = open([]);
    const viewed = render(paragraphElement(pieces[1], appearance, true)).container;
    const plain = render(paragraphElement(pieces[1], appearance, false)).container;
    const paragraph = viewed.querySelector('p');
    expect(paragraph?.outerHTML).toBe(plain.querySelector('p')?.outerHTML);
    expect(paragraph?.getAttribute('data-offset')).toBe(String(pieces[1].start));
    expect(paragraph?.className).toBe('paragraph');
    expect(paragraph?.childNodes).toHaveLength(1);
    expect(paragraph?.textContent).toBe('خبر دوم از شیراز.');
  });

  it('keeps its element when its highlights are drawn and dropped (a selection or a scroll may hold it)', () => {
    const start = TEXT.indexOf('تهران');
    const pieces = open([{ id: 'A1', type: 'LOC', start, end: start + 'تهران'.length, text: 'تهران' } as DocumentAnnotation]);
    const { container, rerender } = render(paragraphElement(pieces[0], appearance, false));
    const paragraph = container.querySelector('p');
    expect(paragraph?.querySelector('mark')).toBeNull();
    rerender(paragraphElement(pieces[0], appearance, true));
    expect(container.querySelector('p')).toBe(paragraph);
    expect(paragraph?.querySelector('mark[data-annotation-id="A1"]')?.textContent).toBe('تهران');
    expect(paragraph?.textContent).toBe('علی در تهران بود.');
    rerender(paragraphElement(pieces[0], appearance, false));
    expect(container.querySelector('p')).toBe(paragraph);
    expect(paragraph?.querySelector('mark')).toBeNull();
  });
});
