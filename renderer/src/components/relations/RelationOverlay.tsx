import { type RefObject, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { trimRange } from '../../../../shared/anchoring/wordSnap';
import { eventRolesOf } from '../../../../shared/relations/relationOperations';
import { selectionToOffsets } from '../../dom/selectionOffsets';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { useDocumentStore } from '../../store/documentStore';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { addFragmentToAnnotation, pickLinkTarget } from '../../store/flows/relations';
import { usePreferencesStore } from '../../store/preferencesStore';
import { placeArcs, type EndBox } from './arcGeometry';
import { findNearMarks, type Band } from './nearMarks';

/**
 * Relations and event roles drawn as arcs over the article (#20): one absolutely positioned SVG
 * over the part of the article near the view, never in the text flow, so drawing moves and
 * reshapes nothing. Ends are read from the highlights' boxes (Range/Element client rects), so
 * the arcs follow the text whatever its direction: in a right-to-left paragraph an arc leaves
 * the right-hand start of its source. Only arcs with an end near the view are drawn, recomputed
 * once per frame while scrolling. Each drawn arc carries `data-relation-id` (the id in the file;
 * an event's roles carry the trigger's id and `data-role`).
 */
interface Link {
  key: string;
  id: string;
  role: string | null;
  from: string;
  to: string;
  label: string;
  color: string;
}

interface Drawn extends Link {
  path: string;
  labelX: number;
  labelY: number;
}

const MARK = 'mark[data-annotation-id]';

function useLinks(): Link[] {
  const annotations = useDocumentStore((state) => state.annotations);
  const relations = useDocumentStore((state) => state.relations);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const language = usePreferencesStore((state) => state.language);
  return useMemo(() => {
    const relationTypes = new Map((tagSet?.relationTypes ?? []).map((type) => [type.id, type]));
    const eventTypes = new Map((tagSet?.eventTypes ?? []).map((type) => [type.id, type]));
    const links: Link[] = relations.map((relation) => {
      const type = relationTypes.get(relation.type);
      return { key: relation.id, id: relation.id, role: null, from: relation.from, to: relation.to, label: type?.label[language] ?? relation.type, color: type?.color ?? '#5b6b7f' };
    });
    for (const annotation of annotations) {
      if (!('roles' in annotation)) continue;
      const eventType = eventTypes.get(annotation.type);
      eventRolesOf(annotation).forEach((role, index) => {
        links.push({ key: `${annotation.id}#${index}`, id: annotation.id, role: role.role, from: annotation.id, to: role.target, label: role.role, color: eventType?.color ?? '#8e44ad' });
      });
    }
    return links;
  }, [annotations, relations, tagSet, language]);
}

function topCentre(element: Element, origin: DOMRect, band: Band): EndBox {
  const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
  return { x: box.left - origin.left + box.width / 2, top: box.top - origin.top - band.top };
}

export function RelationOverlay({ rootRef }: { rootRef: RefObject<HTMLElement | null> }) {
  const links = useLinks();
  const [drawn, setDrawn] = useState<{ arcs: Drawn[]; band: Band }>({ arcs: [], band: { top: 0, height: 0 } });
  const [revision, setRevision] = useState(0);
  const annotations = useDocumentStore((state) => state.annotations);

  useLayoutEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest<HTMLElement>('.article-scroller');
    if (!root || !scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (links.length === 0) {
        setDrawn((current) => (current.arcs.length === 0 ? current : { arcs: [], band: current.band }));
        return;
      }
      const { marks, band } = findNearMarks(root, scroller, new Set(links.flatMap((link) => [link.from, link.to])));
      const origin = scroller.getBoundingClientRect();
      const shifted = new DOMRect(origin.left - scroller.scrollLeft, origin.top - scroller.scrollTop, origin.width, origin.height);
      const boxes = new Map<string, EndBox>();
      const boxOf = (id: string) => {
        let box = boxes.get(id);
        const mark = marks.get(id);
        if (!box && mark) {
          box = topCentre(mark, shifted, band);
          boxes.set(id, box);
        }
        return box;
      };
      const shown = links.flatMap((link) => {
        const from = boxOf(link.from);
        const to = boxOf(link.to);
        return from && to ? [{ link, from, to }] : [];
      });
      const placed = placeArcs(shown.map(({ link, from, to }) => ({ key: link.key, from, to })));
      setDrawn({ arcs: shown.map(({ link }, index) => ({ ...link, ...placed[index] })), band });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [rootRef, links, annotations, revision]);

  usePointerHooks(rootRef, () => setRevision((value) => value + 1));
  return <ArcLayer arcs={drawn.arcs} band={drawn.band} rootRef={rootRef} />;
}

/**
 * Hover (an annotation brings its arcs forward), clicks while linking (the clicked annotation is
 * the other end), and Ctrl+drag (the selected text becomes a fragment of the selected annotation).
 */
function usePointerHooks(rootRef: RefObject<HTMLElement | null>, redraw: () => void): void {
  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest<HTMLElement>('.article-scroller');
    if (!root || !scroller) return;
    const over = (event: MouseEvent) => relationDraftActions.hoverAnnotation((event.target as Element).closest<HTMLElement>(MARK)?.dataset.annotationId ?? null);
    const click = (event: MouseEvent) => {
      if (useRelationDraftStore.getState().draft?.stage !== 'picking') return;
      const id = (event.target as Element).closest<HTMLElement>(MARK)?.dataset.annotationId;
      if (id) pickLinkTarget(id);
    };
    const mouseUp = (event: MouseEvent) => {
      const selected = useArticleViewStore.getState().selectedAnnotationId;
      const text = useArticleViewStore.getState().article?.text;
      if (!(event.ctrlKey || event.metaKey) || !selected || !text) return;
      const raw = selectionToOffsets(root, window.getSelection());
      if (!raw) return;
      if (addFragmentToAnnotation(selected, trimRange(text, raw))) {
        // The article's own mouse-up then reads the selection; the annotation stays selected.
        setTimeout(() => {
          window.getSelection()?.removeAllRanges();
          articleViewActions.selectAnnotation(selected);
          redraw();
        }, 0);
      }
    };
    scroller.addEventListener('mouseover', over);
    scroller.addEventListener('click', click);
    scroller.addEventListener('mouseup', mouseUp, true);
    return () => {
      scroller.removeEventListener('mouseover', over);
      scroller.removeEventListener('click', click);
      scroller.removeEventListener('mouseup', mouseUp, true);
    };
  }, [rootRef, redraw]);
}

function ArcLayer({ arcs, band, rootRef }: { arcs: readonly Drawn[]; band: Band; rootRef: RefObject<HTMLElement | null> }) {
  const hoveredAnnotation = useRelationDraftStore((state) => state.hoveredAnnotationId);
  const hoveredArc = useRelationDraftStore((state) => state.hoveredArc);
  const selected = useArticleViewStore((state) => state.selectedAnnotationId);
  const focus = hoveredAnnotation ?? selected;
  const touching = (arc: Drawn) => focus !== null && (arc.from === focus || arc.to === focus);
  const anyFocused = hoveredArc !== null || arcs.some(touching);
  const isHovered = (arc: Drawn) => hoveredArc !== null && hoveredArc.id === arc.id && hoveredArc.role === arc.role;
  const ends = arcs.find(isHovered);
  // One arrowhead per colour: a marker's own fill cannot follow the path that uses it everywhere.
  const colours = [...new Set(arcs.map((arc) => arc.color))];
  return (
    <svg className="relation-overlay" data-testid="relation-overlay" style={{ top: band.top, height: band.height }} aria-hidden="true">
      <defs>
        {colours.map((colour, index) => (
          <marker key={colour} id={`relation-arrow-${index}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 8 4 L 0 8 z" fill={colour} />
          </marker>
        ))}
      </defs>
      {ends ? <EndOutlines ids={[ends.from, ends.to]} band={band} rootRef={rootRef} /> : null}
      {arcs.map((arc) => {
        const active = isHovered(arc) || touching(arc);
        const className = `relation-arc${active ? ' arc-active' : anyFocused ? ' arc-faded' : ''}`;
        return (
          <g
            key={arc.key}
            className={className}
            data-relation-id={arc.id}
            data-role={arc.role ?? undefined}
            data-from={arc.from}
            data-to={arc.to}
            style={{ color: arc.color }}
            onMouseEnter={() => relationDraftActions.hoverArc({ id: arc.id, role: arc.role })}
            onMouseLeave={() => relationDraftActions.hoverArc(null)}
            onClick={() => articleViewActions.selectAnnotation(arc.from)}
          >
            <path className="arc-hit" d={arc.path} />
            <path className="arc-line" d={arc.path} markerEnd={`url(#relation-arrow-${colours.indexOf(arc.color)})`} />
            <text x={arc.labelX} y={arc.labelY} className="arc-label" textAnchor="middle">
              {arc.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Outlines of both ends of the hovered arc (every piece of a discontinuous one). */
function EndOutlines({ ids, band, rootRef }: { ids: string[]; band: Band; rootRef: RefObject<HTMLElement | null> }) {
  const root = rootRef.current;
  const scroller = root?.closest<HTMLElement>('.article-scroller');
  if (!root || !scroller) return null;
  const origin = scroller.getBoundingClientRect();
  const boxes: { key: string; x: number; y: number; width: number; height: number }[] = [];
  for (const id of ids) {
    root.querySelectorAll(`mark[data-annotation-id="${CSS.escape(id)}"]`).forEach((mark, markIndex) => {
      Array.from(mark.getClientRects()).forEach((box, boxIndex) => {
        boxes.push({ key: `${id}-${markIndex}-${boxIndex}`, x: box.left - origin.left + scroller.scrollLeft, y: box.top - origin.top + scroller.scrollTop - band.top, width: box.width, height: box.height });
      });
    });
  }
  return (
    <g className="arc-ends">
      {boxes.map((box) => (
        <rect key={box.key} x={box.x - 1} y={box.y - 1} width={box.width + 2} height={box.height + 2} rx="3" />
      ))}
    </g>
  );
}
