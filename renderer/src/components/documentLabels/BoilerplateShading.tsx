import { useEffect } from 'react';
import type { CodePointOffset } from '../../../../shared/anchoring/offsetUnits';
import { BOILERPLATE_ZONE } from '../../../../shared/documentLabels/judgmentValues';
import { domPositionOf } from '../../dom/domPosition';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';

const HIGHLIGHT_NAME = 'hashiye-boilerplate';

/**
 * (#21) Boilerplate greyed in the article view through the CSS Custom Highlight API: ranges over
 * the text as rendered, so the article's DOM (and its test hooks) stays exactly as it is. The
 * ranges are rebuilt when the zones change and when the view renders other paragraphs.
 */
export function BoilerplateShading() {
  const zones = useDocumentStore((state) => state.zones);
  const article = useArticleViewStore((state) => state.article);
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    const root = document.querySelector<HTMLElement>('[data-testid="article"]');
    const boilerplate = zones.filter((zone) => zone.type === BOILERPLATE_ZONE);
    if (!registry || !root || !article || boilerplate.length === 0) {
      registry?.delete(HIGHLIGHT_NAME);
      return;
    }
    let frame = 0;
    const paint = () => {
      frame = 0;
      const ranges = boilerplate.flatMap((zone) => {
        const from = domPositionOf(root, article.converter.toUtf16(zone.start as CodePointOffset));
        const to = domPositionOf(root, article.converter.toUtf16(zone.end as CodePointOffset));
        if (!from || !to) return [];
        const range = new Range();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        return [range];
      });
      registry.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    };
    paint();
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      registry.delete(HIGHLIGHT_NAME);
    };
  }, [zones, article]);
  return null;
}
