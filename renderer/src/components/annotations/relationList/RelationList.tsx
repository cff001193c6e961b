import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { revealAnnotation } from '../../../dom/revealAnnotation';
import { formatNumber } from '../../../i18n/formatNumber';
import { relationsCatalog } from '../../../i18n/catalog/relations';
import { useCatalog } from '../../../i18n/useCatalog';
import { articleViewActions } from '../../../store/articleViewStore';
import { useCorpusViewStore } from '../../../store/corpusViewStore';
import { useDocumentStore } from '../../../store/documentStore';
import { usePaintedDocumentStore } from '../../../store/paintedDocumentStore';
import { relationEdits } from '../../../store/flows/relations';
import { usePreferencesStore } from '../../../store/preferencesStore';
import { relationDraftActions } from '../../../store/relationDraftStore';
import { useGrowingRows } from '../growingRows';
import { eventsWithinRows, listsAnything, movedRowIndex, relationListModel, type ListedAnnotation, type RelationListRow } from './relationListRows';
import { shownWhen } from '../../app/paneOnFirstOpening';

/** Selects the row's source, reveals both ends (the target last, so both are in view when they fit) and outlines them as a hovered arc does. */
function showEnds(row: RelationListRow): void {
  const placed = usePaintedDocumentStore.getState().annotations;
  const from = placed.find((annotation) => annotation.id === row.from);
  const to = placed.find((annotation) => annotation.id === row.to);
  articleViewActions.selectAnnotation(row.from);
  if (to) revealAnnotation(to, 'nearest');
  if (from) revealAnnotation(from, 'nearest');
  relationDraftActions.hoverArc({ id: row.id, role: row.role });
}

/** Deletes through the same flows as the details pane: one undo step each. */
function deleteRow(row: RelationListRow): void {
  if (row.kind === 'relation') relationEdits.remove(row.id);
  else relationEdits.removeRole(row.id, row.roleIndex);
}

const NO_EVENT_TYPES: readonly { id: string }[] = [];

let lastAsked: { annotations: readonly ListedAnnotation[]; relations: readonly unknown[]; eventTypes: readonly { id: string }[]; answer: boolean } | null = null;

/** `listsAnything` for the painted document, asked again only when the annotations, relations or event types are new arrays. */
function listShown(annotations: readonly ListedAnnotation[], relations: readonly unknown[], eventTypes: readonly { id: string }[]): boolean {
  if (lastAsked?.annotations === annotations && lastAsked.relations === relations && lastAsked.eventTypes === eventTypes) return lastAsked.answer;
  const ids = new Set(eventTypes.map((type) => type.id));
  lastAsked = { annotations, relations, eventTypes, answer: listsAnything(annotations, relations, (type) => ids.has(type)) };
  return lastAsked.answer;
}

function useListShown(): boolean {
  const eventTypes = useCorpusViewStore((state) => state.corpus?.tagSet?.eventTypes ?? NO_EVENT_TYPES);
  return usePaintedDocumentStore((state) => listShown(state.annotations, state.relations, eventTypes));
}

/**
 * The relations and events of the open article in the list pane (#20), drawn only while there is
 * one (#25 heap: an article without any ran the list's hooks and a pass over its annotations
 * after every edit to draw nothing). One focusable list:
 * ↑ ↓ (Home, End) move, Enter shows both ends in the article, Delete deletes with undo. Keys
 * pressed here stop here, so the window's Delete (delete the selected annotation) never fires
 * from this list.
 */
export const RelationList = shownWhen(useListShown, RelationListBody);

function RelationListBody() {
  const t = useCatalog(relationsCatalog);
  const language = usePreferencesStore((state) => state.language);
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  const relations = usePaintedDocumentStore((state) => state.relations);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const model = useMemo(() => {
    const relationTypes = new Map((tagSet?.relationTypes ?? []).map((type) => [type.id, type.label[language]]));
    const eventTypes = new Map((tagSet?.eventTypes ?? []).map((type) => [type.id, type.label[language]]));
    return relationListModel(annotations, relations, { relationLabel: (type) => relationTypes.get(type) ?? type, eventLabel: (type) => eventTypes.get(type) ?? null });
  }, [annotations, relations, tagSet, language]);
  const found = model.ordered.findIndex((row) => row.key === activeKey);
  // Before the first key press (or once the active row is gone, undone elsewhere) the first row is active.
  const activeIndex = found >= 0 ? found : 0;
  // (#25) The pane shows a few rows: an article with 2,000 relations held 10,000 elements of
  // them, re-rendered after every edit. The rest are drawn as the list is scrolled or keyed towards them.
  const scroller = useRef<HTMLUListElement>(null);
  const articleId = useDocumentStore((state) => state.articleId);
  const drawn = useGrowingRows(scroller, model.ordered.length, found >= 0 ? found : null, articleId);
  // The row the keys moved to is kept in view (the list shows a few rows at a time).
  useEffect(() => {
    if (activeKey) document.getElementById(`relation-row-${activeKey}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeKey]);
  if (model.relations.length === 0 && model.events.length === 0) return null;
  const active = model.ordered[activeIndex] ?? null;
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moved = movedRowIndex(activeIndex, event.key, model.ordered.length);
    if (moved !== null) setActiveKey(model.ordered[moved].key);
    else if (active && (event.key === 'Enter' || event.key === ' ')) showEnds(active);
    else if (active && (event.key === 'Delete' || event.key === 'Backspace')) {
      const next = model.ordered[activeIndex + 1] ?? model.ordered[activeIndex - 1] ?? null;
      deleteRow(active);
      setActiveKey(next?.key ?? null);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const rowItem = (row: RelationListRow) => (
    <li
      key={row.key}
      id={`relation-row-${row.key}`}
      role="option"
      aria-selected={row === active}
      className={row === active ? 'relation-row active' : 'relation-row'}
      data-list-relation-id={row.id}
      data-list-role={row.role ?? undefined}
      onClick={() => {
        setActiveKey(row.key);
        showEnds(row);
      }}
    >
      <span className="relation-type">{row.label}</span> <bdi>{row.fromText}</bdi> <span aria-hidden="true">{t('arrow')}</span> <bdi>{row.toText}</bdi>
    </li>
  );
  return (
    <section className="relation-list" aria-label={t('relationsAndEvents')}>
      <h2>
        {t('relationsAndEvents')} <span className="count">{formatNumber(model.ordered.length, language)}</span>
      </h2>
      <ul ref={scroller} role="listbox" tabIndex={0} data-testid="relation-list" aria-label={t('relationListHint')} aria-activedescendant={active ? `relation-row-${active.key}` : undefined} onKeyDown={onKeyDown}>
        {model.relations.length > 0 ? <li className="relation-group" role="presentation">{t('relations')}</li> : null}
        {model.relations.slice(0, drawn).map(rowItem)}
        {eventsWithinRows(model.events, drawn - model.relations.length).map(({ event, rows }) => [
          <li key={`event-${event.triggerId}`} className="relation-group" role="presentation">
            {event.label}: <bdi>{event.triggerText}</bdi>
          </li>,
          ...rows.map(rowItem),
        ])}
      </ul>
      <p className="hint">{t('relationListHint')}</p>
    </section>
  );
}
