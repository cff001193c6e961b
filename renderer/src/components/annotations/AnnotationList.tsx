import { NO_ITEMS } from '../../store/emptyArrays';
import { useEffect, useMemo, useRef, useState } from 'react';
import { revealAnnotation } from '../../dom/revealAnnotation';
import { useMessages } from '../../i18n/useMessages';
import { articleViewActions } from '../../store/articleViewStore';
import { deleteSelectedAnnotation } from '../../store/flows/editing';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { tagChipStyle } from './tagChipStyle';
import { useTagAppearance } from './useTagAppearance';
import { rowOffsets, useFixedRowWindow } from './fixedRowWindow';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { formatNumber } from '../../i18n/formatNumber';
import { useCatalog } from '../../i18n/useCatalog';

/** Row heights in px, as styles.css sets them (`.annotation-row`). */
const ROW_PX = 34;
const ROW_WITH_NOTE_PX = 56;
/** Rows rendered beyond the view on each side. */
const OVERSCAN_ROWS = 10;

/** Every annotation in reading order, filterable by tag; orphans (not placed in the text) apart. */
export function AnnotationList() {
  // A frame behind the article: the highlight a key press made is painted first.
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  const orphans = useArticleViewStore((state) => state.article?.orphans ?? NO_ITEMS);
  const selectedId = usePaintedDocumentStore((state) => state.selectedAnnotationId);
  const language = usePreferencesStore((state) => state.language);
  const appearance = useTagAppearance();
  const t = useMessages();
  const [tagFilter, setTagFilter] = useState('');
  const typesPresent = useMemo(() => {
    // One pass, no intermediate array: an article may hold 100,000 annotations.
    const types = new Set<string>();
    for (const annotation of annotations) types.add(annotation.type);
    return [...types].sort();
  }, [annotations]);
  const visible = useMemo(() => (tagFilter ? annotations.filter((annotation) => annotation.type === tagFilter) : annotations), [annotations, tagFilter]);
  const words = useCatalog(annotationCatalog);
  // Only the rows in view are rendered: an article may hold 10,000 annotations.
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows have fixed heights (one line, two with a note; longer text is cut with an ellipsis and
  // shown in full on hover and in the details): nothing is measured as rows mount, which forced
  // a layout of the whole window each time the list moved, and a new list of 100,000 rows costs
  // one pass over their heights (fixedRowWindow).
  const offsets = useMemo(() => rowOffsets(visible.length, (index) => (visible[index].note ? ROW_WITH_NOTE_PX : ROW_PX)), [visible]);
  const { first, end, scrollToRow } = useFixedRowWindow(scrollRef, offsets, OVERSCAN_ROWS);
  const selectedIndex = selectedId ? visible.findIndex((annotation) => annotation.id === selectedId) : -1;
  // Scrolled to when the selection moves, not when an edit elsewhere gives the list new offsets.
  const scrollToRowRef = useRef(scrollToRow);
  scrollToRowRef.current = scrollToRow;
  useEffect(() => {
    if (selectedIndex < 0) return;
    // Kept in step with the article, but after the frame that shows the new highlight.
    const handle = requestIdleCallback(() => scrollToRowRef.current(selectedIndex), { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }, [selectedIndex]);
  const rows = [];
  for (let index = first; index < end; index++) rows.push(index);
  return (
    <section className="annotation-list" aria-label={t('annotations')}>
      <h2>
        {t('annotations')} <span className="count">{formatNumber(annotations.length, language)}</span>
      </h2>
      {annotations.length > 0 ? (
        <select className="tag-filter" aria-label={words('filterByTag')} value={tagFilter} onChange={(event) => setTagFilter(event.target.value)}>
          <option value="">{words('allTags')}</option>
          {typesPresent.map((type) => (
            <option key={type} value={type}>
              {appearance(type).label} ({type})
            </option>
          ))}
        </select>
      ) : null}
      {annotations.length === 0 ? <p className="hint">{t('noAnnotations')}</p> : null}
      <div className="annotation-scroller" ref={scrollRef}>
        <ul data-testid="annotation-list" style={{ height: offsets.tops[visible.length] }}>
          {rows.map((index) => {
            const annotation = visible[index];
            const look = appearance(annotation.type);
            return (
              <li key={annotation.id} data-index={index} className={annotation.note ? 'annotation-row with-note' : 'annotation-row'} style={{ transform: `translateY(${offsets.tops[index]}px)` }}>
                <button
                  type="button"
                  className={annotation.id === selectedId ? 'annotation-item selected' : 'annotation-item'}
                  style={{ ['--tag-color' as string]: look.color }}
                  onClick={() => {
                    articleViewActions.selectAnnotation(annotation.id);
                    revealAnnotation(annotation, 'center');
                  }}
                >
                  <span className="tag-chip" style={tagChipStyle(look.color)}>
                    {look.label}
                  </span>
                  <span className="annotation-text" dir="auto" title={annotation.text}>
                    {annotation.text}
                  </span>
                  {annotation.note ? (
                    <span className="annotation-note" dir="auto" title={annotation.note}>
                      {annotation.note}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {selectedId ? (
        <button type="button" className="danger" onClick={() => void deleteSelectedAnnotation()}>
          {t('deleteAnnotation')}
        </button>
      ) : null}
      {orphans.length > 0 ? (
        <div className="orphans" data-testid="orphans">
          <h3>{words('orphansNoLongerFound', { orphans: orphans.length })}</h3>
          <ul>
            {orphans.map((orphan) => (
              <li key={orphan.id} className="orphan" title={`${orphan.quote?.prefix ?? ''}[${orphan.text}]${orphan.quote?.suffix ?? ''}`}>
                <span className="tag-chip" style={tagChipStyle(appearance(orphan.type).color)}>
                  {appearance(orphan.type).label}
                </span>{' '}
                <span dir="auto">{orphan.text}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
