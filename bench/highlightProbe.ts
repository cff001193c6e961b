import type { FrameMarks } from './pageProbes';

/**
 * #25's design probe: what a tagging would cost if it only added a range to a CSS Custom
 * Highlight (`CSS.highlights`, `::highlight()`) and changed no element. Registers a highlight
 * holding about `ranges` ranges spread over the article's text (as many as its annotations),
 * then, on the next keydown, adds the current selection's range to it; `awaitHighlightProbe`
 * gives keydown's timestamp to the after-frame mark of the frame that painted it, with the same
 * rAF + after-paint method as `armTagging`. The app does nothing on that key (KeyQ).
 */
export function armHighlightProbe(ranges: number): void {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  type Bench = { __benchProbe?: Promise<number>; __benchProbeHighlight?: Highlight };
  const host = window as unknown as Bench;
  if (!host.__benchProbeHighlight) {
    const highlight = new Highlight();
    const walker = document.createTreeWalker(document.querySelector('[data-testid="article"]') as Node, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) if (node.data.length > 40) nodes.push(node);
    for (let index = 0; index < ranges && nodes.length > 0; index++) {
      const node = nodes[index % nodes.length];
      const start = (Math.floor(index / nodes.length) * 13) % (node.data.length - 8);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 6);
      highlight.add(range);
    }
    CSS.highlights.set('bench-probe', highlight);
    const sheet = new CSSStyleSheet();
    sheet.insertRule('::highlight(bench-probe) { background-color: rgb(200 0 0 / 0.25); text-decoration: underline 2px rgb(200 0 0); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    host.__benchProbeHighlight = highlight;
  }
  const highlight = host.__benchProbeHighlight;
  host.__benchProbe = new Promise((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      window.removeEventListener('keydown', onKey, { capture: true });
      const keyTime = event.timeStamp;
      const selection = window.getSelection();
      if (selection && selection.rangeCount > 0) highlight.add(selection.getRangeAt(0).cloneRange());
      requestAnimationFrame(() => afterPaint(() => resolve(performance.now() - keyTime)));
    };
    window.addEventListener('keydown', onKey, { capture: true });
  });
}

export function awaitHighlightProbe(): Promise<number> {
  return (window as unknown as { __benchProbe: Promise<number> }).__benchProbe;
}
