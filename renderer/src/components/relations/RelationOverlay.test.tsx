// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { documentActions } from '../../store/documentStore';
import { RelationOverlay } from './RelationOverlay';

const span = (id: string, start: number): DocumentAnnotation => ({ id, type: 'PER', start, end: start + 3, text: 'abc' }) as DocumentAnnotation;
const relation = { id: 'r1', type: 'member', from: 'a1', to: 'a2' };

/** Counts the article's mutation observers alive: the arc drawer's is the only one here. */
let observing = 0;
class CountedMutationObserver {
  observe(): void {
    observing++;
  }
  disconnect(): void {
    observing--;
  }
}
class QuietResizeObserver {
  observe(): void {}
  disconnect(): void {}
}

function Article() {
  const rootRef = useRef<HTMLDivElement>(null);
  return (
    <div className="article-scroller">
      <div ref={rootRef} className="article" />
      <RelationOverlay rootRef={rootRef} />
    </div>
  );
}

function loadDocument(relations: (typeof relation)[]): void {
  documentActions.load({ articleId: 'a', annotations: [span('a1', 0), span('a2', 10)], relations, labels: [], status: 'new' });
}

beforeEach(() => {
  observing = 0;
  vi.stubGlobal('MutationObserver', CountedMutationObserver);
  vi.stubGlobal('ResizeObserver', QuietResizeObserver);
  vi.stubGlobal('requestIdleCallback', () => 1);
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('RelationOverlay (#25 heap)', () => {
  it('sets up no arc drawer for an article without relations, one once a relation comes, none once it goes', () => {
    loadDocument([]);
    const { getByTestId } = render(<Article />);
    // The layer is there all the same: it holds the handle that starts a first relation.
    expect(getByTestId('relation-overlay')).toBeTruthy();
    expect(observing).toBe(0);
    act(() => documentActions.edit({ annotations: [span('a1', 0), span('a2', 10)], relations: [relation] }));
    expect(observing).toBe(1);
    act(() => documentActions.undo());
    expect(observing).toBe(0);
    expect(getByTestId('relation-overlay').querySelectorAll('.relation-arc')).toHaveLength(0);
  });

  it('sets the drawer up from the first render for an article with relations', () => {
    loadDocument([relation]);
    render(<Article />);
    expect(observing).toBe(1);
  });
});
