/** Frames to wait at most for the chunks around a target to settle. */
const SETTLE_FRAMES = 30;

/**
 * Scrolls the article so that a DOM range (a find hit) is in the middle of the view. Scrolling
 * its element into view is not enough: the element may be a piece of a very long paragraph,
 * thousands of pixels tall, with the range far from its middle. Chunks near the target that
 * were never laid out hold estimated heights (content-visibility) and take their real ones
 * once drawn, moving the range: the scroll is corrected over the next frames until it stays.
 *
 * `locate` finds the range again when the text it was in is redrawn meanwhile: a chunk far from
 * the view is one text node until it is drawn as paragraphs (#25), which happens while the scroll
 * brings it near, and the range made before then no longer says where its text is.
 */
export async function scrollRangeIntoView(range: Range, locate: () => Range | undefined = () => undefined): Promise<void> {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const scroller = start?.closest<HTMLElement>('.article-scroller');
  if (!start || !scroller) return;
  start.scrollIntoView({ block: 'center' });
  // The user takes over: any scroll, click or key of theirs ends the corrections.
  let userActed = false;
  const stop = () => {
    userActed = true;
  };
  const events = ['wheel', 'mousedown', 'keydown', 'touchstart'] as const;
  for (const type of events) window.addEventListener(type, stop, { capture: true, passive: true });
  let current = range;
  try {
    for (let frame = 0; frame < SETTLE_FRAMES && !userActed; frame++) {
      // The text was redrawn (an edit or a chunk's drawing replaced its nodes): find it again.
      if (!current.startContainer.isConnected || current.collapsed) {
        const again = locate();
        if (!again || again.collapsed || !again.startContainer.isConnected) return;
        current = again;
      }
      const box = scroller.getBoundingClientRect();
      const target = current.getBoundingClientRect();
      const drift = target.top + target.height / 2 - (box.top + box.height / 2);
      if (Math.abs(drift) < 2) return;
      // At the top or the bottom of the article the scroll stops short; the frames still wait,
      // since a chunk drawn meanwhile can lengthen the article and let the range come to the middle.
      scroller.scrollTop += drift;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  } finally {
    for (const type of events) window.removeEventListener(type, stop, { capture: true });
  }
}

/**
 * Scrolls the article the least that brings a DOM range into view, and not at all when it is
 * in view already (`block: 'nearest'` for a range). Scrolling the range's element instead would
 * align a piece of a very long paragraph, taller than the view, by its top, taking the range
 * out of sight.
 */
export function revealRange(range: Range): void {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const scroller = start?.closest<HTMLElement>('.article-scroller');
  if (!start || !scroller) return;
  let target = range.getBoundingClientRect();
  if (target.height === 0) {
    // Inside a chunk that was never laid out: bring its element near first, then measure.
    start.scrollIntoView({ block: 'nearest' });
    target = range.getBoundingClientRect();
  }
  const view = scroller.getBoundingClientRect();
  if (target.top < view.top) scroller.scrollTop -= view.top - target.top;
  else if (target.bottom > view.bottom) scroller.scrollTop += target.bottom - view.bottom;
}
