import { memo, type RefObject, useEffect, useRef, useState } from 'react';
import { useDocumentStore } from '../../store/documentStore';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { ArcDrawer, type ArcPicture } from './arcDrawer';
import type { DrawnArc } from './arcLayout';
import { LinkHandle } from './LinkHandle';
import { hasLinks, useLinks } from './relationLinks';
import { useArcPointer } from './useArcPointer';

const NO_ARCS: ArcPicture = { arcs: [], top: 0, height: 0 };

/**
 * Relations and event roles drawn as arcs over the article (#20): one absolutely positioned SVG
 * in the scroller's content over the part of the article near the view, never in the text flow,
 * so drawing moves and reshapes nothing, and a scroll moves it without redrawing (arcDrawer.ts).
 * Ends are read from the highlights' boxes, so the arcs follow the text whatever its direction:
 * in a right-to-left paragraph an arc leaves the right-hand start of its source. Each drawn arc
 * carries `data-relation-id` (the id in the file; an event's roles carry the trigger's id and
 * `data-role`).
 *
 * (#25 heap) The drawer and its observers are set up only while the document has a relation or
 * an event trigger (`ArcDrawing`): for an article without any, they measured nothing and drew an
 * empty picture after every change of the article's DOM, and their code was compiled and tiered
 * up for it. The layer itself (the link handle that starts a first relation) is always there.
 */
export function RelationOverlay({ rootRef }: { rootRef: RefObject<HTMLElement | null> }) {
  const drawing = useDocumentStore(hasLinks);
  const [picture, setPicture] = useState<ArcPicture>(NO_ARCS);
  const drawerRef = useRef<ArcDrawer | null>(null);
  useArcPointer(rootRef, () => drawerRef.current?.drawSoon());
  return (
    <>
      {drawing ? <ArcDrawing rootRef={rootRef} drawerRef={drawerRef} show={setPicture} /> : null}
      <ArcLayer picture={drawing ? picture : NO_ARCS} rootRef={rootRef} />
    </>
  );
}

/** The arc drawer over the article, its observers and its links; it renders nothing itself, it hands its pictures to `show`. */
function ArcDrawing({ rootRef, drawerRef, show }: { rootRef: RefObject<HTMLElement | null>; drawerRef: RefObject<ArcDrawer | null>; show: (picture: ArcPicture) => void }) {
  const links = useLinks();

  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest<HTMLElement>('.article-scroller');
    if (!root || !scroller) return;
    const chunkSizes = new ResizeObserver((entries) => drawer.resized(entries));
    const drawer = new ArcDrawer(root, scroller, chunkSizes, show);
    drawerRef.current = drawer;
    const mutations = new MutationObserver((records) => drawer.changed(records));
    mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-label', 'class', 'style'] });
    let width = root.clientWidth;
    let fontSize = getComputedStyle(root).fontSize;
    // A new width or font size breaks every line anew; a new height (chunks above laid out) moves the ends.
    const rootSize = new ResizeObserver(() => {
      const now = getComputedStyle(root).fontSize;
      if (root.clientWidth !== width || now !== fontSize) {
        width = root.clientWidth;
        fontSize = now;
        drawer.reflowed();
      } else drawer.drawSoon();
    });
    rootSize.observe(root);
    const scrolled = () => drawer.scrolled();
    scroller.addEventListener('scroll', scrolled, { passive: true });
    const fontsLoaded = () => drawer.reflowed();
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    return () => {
      drawer.dispose();
      drawerRef.current = null;
      // The last relation gone: the next drawer starts from an empty picture, as this one did.
      show(NO_ARCS);
      mutations.disconnect();
      chunkSizes.disconnect();
      rootSize.disconnect();
      scroller.removeEventListener('scroll', scrolled);
      document.fonts?.removeEventListener('loadingdone', fontsLoaded);
    };
  }, [rootRef, drawerRef, show]);

  useEffect(() => {
    drawerRef.current?.setLinks(links);
  }, [drawerRef, links]);
  return null;
}

type ArcState = 'normal' | 'active' | 'faded';

const arrowMarkers = new Map<string, number>();

/**
 * A colour's arrowhead marker, numbered once for the window's life: the arcs near the view
 * change with each draw, and a number that followed their colours' order would change every
 * drawn arc's `marker-end` (and render it again) whenever a colour came or went.
 */
function arrowMarkerOf(colour: string): number {
  let marker = arrowMarkers.get(colour);
  if (marker === undefined) {
    marker = arrowMarkers.size;
    arrowMarkers.set(colour, marker);
  }
  return marker;
}

const ArcItem = memo(function ArcItem({ arc, state, marker }: { arc: DrawnArc; state: ArcState; marker: number }) {
  return (
    <g
      className={`relation-arc${state === 'active' ? ' arc-active' : state === 'faded' ? ' arc-faded' : ''}`}
      data-relation-id={arc.id}
      data-role={arc.role ?? undefined}
      data-from={arc.from}
      data-to={arc.to}
      style={{ color: arc.color }}
      onMouseEnter={() => relationDraftActions.hoverArc({ id: arc.id, role: arc.role })}
      onMouseLeave={() => relationDraftActions.hoverArc(null)}
      onClick={() => articleViewActions.selectAnnotation(arc.from)}
    >
      <title>{arc.label}</title>
      <path className="arc-hit" d={arc.path} />
      <path className="arc-line" d={arc.path} markerEnd={`url(#relation-arrow-${marker})`} />
      {arc.shownLabel ? (
        <text x={arc.labelX} y={arc.labelY} className="arc-label" textAnchor="middle">
          {arc.shownLabel}
        </text>
      ) : null}
    </g>
  );
}, sameArcItem);

/** Arcs redrawn alike (a new band that still holds them) are not rendered again. */
function sameArcItem(before: { arc: DrawnArc; state: ArcState; marker: number }, after: { arc: DrawnArc; state: ArcState; marker: number }): boolean {
  const [a, b] = [before.arc, after.arc];
  return before.state === after.state && before.marker === after.marker && a.path === b.path && a.shownLabel === b.shownLabel && a.label === b.label && a.color === b.color && a.labelX === b.labelX && a.labelY === b.labelY && a.from === b.from;
}

function ArcLayer({ picture, rootRef }: { picture: ArcPicture; rootRef: RefObject<HTMLElement | null> }) {
  const hoveredAnnotation = useRelationDraftStore((state) => state.hoveredAnnotationId);
  const hoveredArc = useRelationDraftStore((state) => state.hoveredArc);
  const selected = useArticleViewStore((state) => state.selectedAnnotationId);
  const { arcs } = picture;
  const focus = hoveredAnnotation ?? selected;
  const touching = (arc: DrawnArc) => focus !== null && (arc.from === focus || arc.to === focus);
  const isHovered = (arc: DrawnArc) => hoveredArc !== null && hoveredArc.id === arc.id && hoveredArc.role === arc.role;
  const anyFocused = hoveredArc !== null || arcs.some(touching);
  const ends = arcs.find(isHovered);
  // One arrowhead per colour: a marker's own fill cannot follow the path that uses it everywhere.
  const colours = [...new Set(arcs.map((arc) => arc.color))];
  const markers = colours.map(arrowMarkerOf);
  return (
    <svg className="relation-overlay" data-testid="relation-overlay" style={{ top: picture.top, height: picture.height }} aria-hidden="true">
      <defs>
        {colours.map((colour, index) => (
          <marker key={colour} id={`relation-arrow-${markers[index]}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 8 4 L 0 8 z" fill={colour} />
          </marker>
        ))}
      </defs>
      <g transform={`translate(0 ${-picture.top})`}>
        {ends ? <EndOutlines ids={[ends.from, ends.to]} rootRef={rootRef} /> : null}
        {arcs.map((arc) => (
          <ArcItem key={arc.key} arc={arc} state={isHovered(arc) || touching(arc) ? 'active' : anyFocused ? 'faded' : 'normal'} marker={arrowMarkerOf(arc.color)} />
        ))}
        {selected ? <LinkHandle rootRef={rootRef} /> : null}
      </g>
    </svg>
  );
}

/** Outlines of both ends of the hovered arc (every piece of a discontinuous one), in content coordinates. */
function EndOutlines({ ids, rootRef }: { ids: string[]; rootRef: RefObject<HTMLElement | null> }) {
  const root = rootRef.current;
  const scroller = root?.closest<HTMLElement>('.article-scroller');
  if (!root || !scroller) return null;
  const origin = scroller.getBoundingClientRect();
  const boxes: { key: string; x: number; y: number; width: number; height: number }[] = [];
  for (const id of ids) {
    root.querySelectorAll(`mark[data-annotation-id="${CSS.escape(id)}"]`).forEach((mark, markIndex) => {
      Array.from(mark.getClientRects()).forEach((box, boxIndex) => {
        boxes.push({ key: `${id}-${markIndex}-${boxIndex}`, x: box.left - origin.left + scroller.scrollLeft, y: box.top - origin.top + scroller.scrollTop, width: box.width, height: box.height });
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
