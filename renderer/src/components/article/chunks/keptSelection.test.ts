// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { restoreSelection, selectionInside } from './keptSelection';

/** An article root with two chunks of one paragraph each, as ArticleView renders them. */
function article(): { root: HTMLElement; first: HTMLElement; second: HTMLElement } {
  document.body.innerHTML = `<div data-testid="article"><div class="paragraph-chunk"><p data-offset="0">آغاز متن خبر</p></div><div class="paragraph-chunk"><p data-offset="14">سازمان ملل متحد امروز</p></div></div>`;
  const root = document.querySelector<HTMLElement>('[data-testid="article"]');
  if (!root) throw new Error('no root');
  return { root, first: root.children[0] as HTMLElement, second: root.children[1] as HTMLElement };
}

/** Draws a chunk's highlights as React does: its paragraph's text nodes are replaced by new ones. */
function redraw(chunk: HTMLElement, split: number): void {
  const paragraph = chunk.querySelector('p') as HTMLElement;
  const text = paragraph.textContent ?? '';
  const mark = document.createElement('mark');
  mark.textContent = text.slice(0, split);
  paragraph.replaceChildren(mark, document.createTextNode(text.slice(split)));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a selection kept across a chunk redraw', () => {
  it('is set again at the same text after the chunk it lies in replaced its text nodes', () => {
    const { root, second } = article();
    const text = second.querySelector('p')?.firstChild as Text;
    window.getSelection()?.setBaseAndExtent(text, 7, text, 15);
    expect(window.getSelection()?.toString()).toBe('ملل متحد');

    const kept = selectionInside(root, [second]);
    expect(kept).toEqual({ anchor: 21, focus: 29 });
    redraw(second, 10);
    // Without restoring, the selection no longer holds the text (its nodes left the page).
    expect(window.getSelection()?.toString()).not.toBe('ملل متحد');
    if (!kept) throw new Error('nothing kept');
    restoreSelection(root, kept);
    expect(window.getSelection()?.toString()).toBe('ملل متحد');
  });

  it('keeps the direction of a selection dragged backwards', () => {
    const { root, second } = article();
    const text = second.querySelector('p')?.firstChild as Text;
    window.getSelection()?.setBaseAndExtent(text, 15, text, 7);
    const kept = selectionInside(root, [second]);
    expect(kept).toEqual({ anchor: 29, focus: 21 });
    redraw(second, 3);
    if (!kept) throw new Error('nothing kept');
    restoreSelection(root, kept);
    const selection = window.getSelection();
    expect(selection?.toString()).toBe('ملل متحد');
    expect(selection?.anchorOffset).toBe(12);
    expect(selection?.focusOffset).toBe(4);
  });

  it('keeps nothing when the selection lies in another chunk', () => {
    const { root, first, second } = article();
    const text = first.querySelector('p')?.firstChild as Text;
    window.getSelection()?.setBaseAndExtent(text, 0, text, 4);
    expect(selectionInside(root, [second])).toBeNull();
    expect(selectionInside(root, [first])).toEqual({ anchor: 0, focus: 4 });
  });
});
