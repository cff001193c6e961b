import { type PointerEvent as ReactPointerEvent, type RefObject, useState } from 'react';
import { relationsCatalog } from '../../i18n/catalog/relations';
import { useCatalog } from '../../i18n/useCatalog';
import { useArticleViewStore } from '../../store/articleViewStore';
import { linkByDrag } from '../../store/flows/relations';
import { MARK } from './useArcPointer';

interface Point {
  x: number;
  y: number;
}

/**
 * Link by dragging (#20): the selected annotation shows a small handle at the end of its first
 * line; dragging it to another annotation links the two, then the type is chosen as after R.
 * In the scroller's content coordinates. A handle of its own keeps the gesture apart from selecting text (plain, Shift+, Alt+ and
 * Ctrl+drag all select text).
 */
export function LinkHandle({ rootRef }: { rootRef: RefObject<HTMLElement | null> }) {
  const t = useCatalog(relationsCatalog);
  const selected = useArticleViewStore((state) => state.selectedAnnotationId);
  const editable = useArticleViewStore((state) => state.article !== null && state.article.problem === null);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const root = rootRef.current;
  const scroller = root?.closest<HTMLElement>('.article-scroller');
  if (!selected || !editable || !root || !scroller) return null;
  const mark = root.querySelector(`mark[data-annotation-id="${CSS.escape(selected)}"]`);
  const first = mark?.getClientRects()[0];
  if (!mark || !first) return null;
  const origin = scroller.getBoundingClientRect();
  const toLocal = (clientX: number, clientY: number): Point => ({ x: clientX - origin.left + scroller.scrollLeft, y: clientY - origin.top + scroller.scrollTop });
  const rtl = getComputedStyle(mark).direction === 'rtl';
  const handle = toLocal(rtl ? first.left : first.right, first.top + 3);
  const move = (event: ReactPointerEvent<SVGGElement>) => {
    if (drag) setDrag({ from: drag.from, to: toLocal(event.clientX, event.clientY) });
  };
  const end = (event: ReactPointerEvent<SVGGElement>) => {
    if (!drag) return;
    setDrag(null);
    const target = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>(MARK)?.dataset.annotationId;
    if (target && target !== selected) linkByDrag(selected, target);
  };
  return (
    <g
      className="link-handle"
      data-testid="link-handle"
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        setDrag({ from: handle, to: handle });
      }}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={() => setDrag(null)}
      // The article's own click would select what lies under the handle, or nothing.
      onClick={(event) => event.stopPropagation()}
      onMouseUp={(event) => event.stopPropagation()}
    >
      <title>{t('dragToLink')}</title>
      {drag ? <line className="link-rubber-band" x1={drag.from.x} y1={drag.from.y} x2={drag.to.x} y2={drag.to.y} /> : null}
      <circle cx={handle.x} cy={handle.y} r="5" />
    </g>
  );
}
