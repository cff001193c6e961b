// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { documentActions, useDocumentStore } from '../../store/documentStore';
import { preferencesActions } from '../../store/preferencesStore';
import { applyTag, tagAllHits } from '../../store/flows/editing';
import { BoilerplateTagQuestion } from './BoilerplateTagQuestion';

const TEXT = 'علی در تهران بود.\nانتهای پیام/ تهران';
const footer = TEXT.indexOf('انتهای');

function open(language: 'fa' | 'en'): void {
  preferencesActions.changeDisplay({ language });
  articleViewActions.showArticle({ id: 'a.txt', name: 'a.txt', text: TEXT, sha256: 'x', encoding: 'utf-8', encodingGuessed: false, paragraphs: splitParagraphs(TEXT), converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null });
  documentActions.load({ articleId: 'a.txt', annotations: [], relations: [], labels: [], status: 'in-progress', zones: [{ id: 'Z1', type: 'boilerplate', start: footer, end: TEXT.length } as never] });
}

const range = (start: number, end: number) => ({ start, end }) as Utf16Range;

beforeEach(() => open('en'));
afterEach(cleanup);

describe('tagging inside boilerplate asks first, in the app’s modal (#21)', () => {
  it('asks instead of tagging; Escape cancels and nothing is tagged', () => {
    render(<BoilerplateTagQuestion />);
    act(() => {
      articleViewActions.selectText(range(footer + 13, footer + 18));
      applyTag('LOC');
    });
    const dialog = screen.getByTestId('boilerplate-tag-question');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    // Cancel, the safe answer, has the focus.
    expect(document.activeElement?.textContent).toBe('Cancel');
    act(() => {
      fireEvent.keyDown(dialog, { key: 'Escape', code: 'Escape' });
    });
    expect(screen.queryByTestId('boilerplate-tag-question')).toBeNull();
    expect(useDocumentStore.getState().annotations).toEqual([]);
  });

  it('“Tag anyway” tags the range asked about; outside boilerplate nothing is asked (Persian words)', () => {
    open('fa');
    render(<BoilerplateTagQuestion />);
    act(() => {
      articleViewActions.selectText(range(footer + 13, footer + 18));
      applyTag('LOC');
    });
    expect(screen.getByText('باز هم برچسب بزن')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByText('باز هم برچسب بزن'));
    });
    expect(useArticleViewStore.getState().pendingBoilerplateTag).toBeNull();
    expect(useDocumentStore.getState().annotations.map((annotation) => annotation.text)).toEqual(['تهران']);
    act(() => {
      articleViewActions.selectText(range(7, 12));
      applyTag('LOC');
    });
    expect(screen.queryByTestId('boilerplate-tag-question')).toBeNull();
    expect(useDocumentStore.getState().annotations).toHaveLength(2);
  });

  it('tag-all leaves hits inside boilerplate untagged', () => {
    const added = tagAllHits([range(7, 12), range(footer + 13, footer + 18)], 'LOC');
    expect(added).toBe(1);
    expect(useDocumentStore.getState().annotations.map((annotation) => annotation.start)).toEqual([7]);
  });
});
