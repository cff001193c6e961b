// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { asUtf16Offset } from '../../../shared/anchoring/offsetUnits';
import { domPositionOf } from './domPosition';
import { rangesForOffsets } from './rangesForOffsets';
import { offsetOfBoundary } from './selectionOffsets';
import { whenOffsetRendered } from './waitForOffset';

const TEXT = 'علی در تهران بود.\nخبر دوم از شیراز.\nسومین خبر.';
const THIRD = TEXT.lastIndexOf('\n') + 1;

/** A far chunk (its text with its line break, one element) then a near one (a paragraph element). */
function article(): HTMLElement {
  const root = document.createElement('div');
  root.dataset.testid = 'article';
  const far = document.createElement('div');
  far.className = 'paragraph-chunk';
  far.dataset.offset = '0';
  far.textContent = TEXT.slice(0, THIRD - 1);
  const near = document.createElement('div');
  near.className = 'paragraph-chunk';
  const paragraph = document.createElement('p');
  paragraph.dataset.offset = String(THIRD);
  paragraph.textContent = TEXT.slice(THIRD);
  near.append(paragraph);
  root.append(far, near);
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('offsets in a chunk far from the view (#25)', () => {
  it('map to and from the DOM as in paragraphs: a selection, a jump and find hits land on the same characters', () => {
    const root = article();
    const far = root.firstElementChild as HTMLElement;
    const second = TEXT.indexOf('شیراز');
    expect(offsetOfBoundary(root, far.firstChild as Node, second, 'start')).toBe(second);
    const position = domPositionOf(root, asUtf16Offset(second));
    expect(position?.node).toBe(far.firstChild);
    expect(position?.offset).toBe(second);
    const [inFar, inNear] = rangesForOffsets(root, [
      { start: asUtf16Offset(second), end: asUtf16Offset(second + 'شیراز'.length) },
      { start: asUtf16Offset(THIRD), end: asUtf16Offset(THIRD + 'سومین'.length) },
    ]);
    expect(inFar.toString()).toBe('شیراز');
    expect(inNear.toString()).toBe('سومین');
  });

  it('count as rendered for a wait on an offset inside them', async () => {
    const root = article();
    await expect(whenOffsetRendered(asUtf16Offset(TEXT.indexOf('دوم')))).resolves.toBe(root);
  });
});
