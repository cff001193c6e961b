import type { FrameMarks } from './pageProbes';

/**
 * #25's design probe, session 19: a tagging as the CSS Custom Highlight design would make it,
 * with the highlights holding only the drawn chunks' ranges. On its first arming it registers one
 * highlight per annotation type (`bench-drawn-<type>`) holding a range over each drawn `mark.hl`
 * of that type (a few hundred: the chunks near the view), and hides the marks' own colours and
 * bands so the page paints what the design would. On the next keydown (KeyQ: the app does
 * nothing on it) it adds the selection's range to the first type's highlight and writes one chip
 * into the chip layer of the selection's chunk, as the design's overlay would; the promise gives
 * keydown's timestamp to the after-paint mark of the frame that painted both.
 *
 * It flatters the design (session 19): its ranges lie on the marks' own short text nodes. In the
 * design the text has no marks, its ranges lie on each paragraph's one text node, and Chromium
 * repaints every text node that carries a highlight on any highlight change: the prototype's
 * frame cost 3.7 ms of paint where this probe's cost 0.9 (docs/performance.md, session 19).
 */
export function armDrawnHighlightProbe(): void {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  type Bench = { __benchDrawnProbe?: Promise<number>; __benchDrawnHighlights?: Highlight[] };
  const host = window as unknown as Bench;
  const article = document.querySelector('[data-testid="article"]') as Element;
  if (!host.__benchDrawnHighlights) {
    const byType = new Map<string, Highlight>();
    const sheet = new CSSStyleSheet();
    for (const mark of article.querySelectorAll<HTMLElement>('mark.hl')) {
      const type = mark.dataset.entityType ?? 'x';
      let highlight = byType.get(type);
      if (!highlight) {
        highlight = new Highlight();
        byType.set(type, highlight);
        const name = `bench-drawn-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        CSS.highlights.set(name, highlight);
        const color = getComputedStyle(mark).getPropertyValue('--tag-color') || '#888';
        sheet.insertRule(`::highlight(${name}) { background-color: color-mix(in srgb, ${color} 20%, transparent); text-decoration: underline 2px ${color}; }`);
      }
      const range = document.createRange();
      range.selectNodeContents(mark);
      highlight.add(range);
    }
    // The design has no coloured element: the marks stay (the app needs them) but paint nothing of their own.
    sheet.insertRule('mark.hl { background-color: transparent !important; text-decoration: none !important; outline: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    host.__benchDrawnHighlights = [...byType.values()];
    if (host.__benchDrawnHighlights.length === 0) {
      const highlight = new Highlight();
      CSS.highlights.set('bench-drawn-x', highlight);
      host.__benchDrawnHighlights.push(highlight);
    }
  }
  const [highlight] = host.__benchDrawnHighlights;
  host.__benchDrawnProbe = new Promise((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      window.removeEventListener('keydown', onKey, { capture: true });
      const keyTime = event.timeStamp;
      const selection = window.getSelection();
      if (selection && selection.rangeCount > 0) {
        const range = selection.getRangeAt(0).cloneRange();
        highlight.add(range);
        const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
        const chunk = start?.closest('.paragraph-chunk');
        let layer = chunk?.querySelector(':scope > .label-chips');
        if (chunk && !layer) {
          layer = document.createElement('div');
          layer.className = 'label-chips';
          chunk.append(layer);
        }
        if (layer) {
          const chip = document.createElement('span');
          chip.className = 'label-chip';
          chip.dataset.label = 'PER';
          chip.style.marginLeft = '40px';
          chip.style.marginTop = '20px';
          layer.append(chip);
        }
      }
      requestAnimationFrame(() => afterPaint(() => resolve(performance.now() - keyTime)));
    };
    window.addEventListener('keydown', onKey, { capture: true });
  });
}

export function awaitDrawnHighlightProbe(): Promise<number> {
  return (window as unknown as { __benchDrawnProbe: Promise<number> }).__benchDrawnProbe;
}

/** Ranges and highlights the probe registered: what its frame works over. */
export function drawnHighlightProbeSize(): { highlights: number; ranges: number } {
  const highlights = (window as unknown as { __benchDrawnHighlights?: Highlight[] }).__benchDrawnHighlights ?? [];
  return { highlights: highlights.length, ranges: highlights.reduce((sum, highlight) => sum + highlight.size, 0) };
}
