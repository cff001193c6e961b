import { NO_ITEMS } from '../../store/emptyArrays';
import { useEffect, useState } from 'react';
import { formatDate, formatNumber } from '../../i18n/formatNumber';
import { retagAnnotationById, updateSelectedDetails } from '../../store/flows/editing';
import { useDocumentStore } from '../../store/documentStore';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { useCatalog } from '../../i18n/useCatalog';
import { EntityField } from '../entities/EntityField';

/** The selected annotation's tag, text, offsets, note and attributes, edited in place. */
export function AnnotationDetails() {
  // Which annotation to show follows the selection a frame late (the article paints first);
  // the annotation itself is read live, so the fields below always edit its current values.
  const selectedId = usePaintedDocumentStore((state) => state.selectedAnnotationId);
  const article = useArticleViewStore((state) => state.article);
  const language = usePreferencesStore((state) => state.language);
  const types = useCorpusViewStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  const annotation = useDocumentStore((state) => (selectedId === null ? null : (state.annotations.find((item) => item.id === selectedId) ?? null)));
  const [note, setNote] = useState(annotation?.note ?? '');
  const t = useCatalog(annotationCatalog);

  // The note is edited locally and committed as one undoable change when the field is left.
  useEffect(() => setNote(annotation?.note ?? ''), [annotation?.id, annotation?.note]);

  if (!annotation || !article) return null;
  const readOnly = article.problem !== null;
  const type = types.find((item) => item.id === annotation.type);
  const start = article.converter.toCodePoint(annotation.start);
  const end = article.converter.toCodePoint(annotation.end);
  const commitNote = () => {
    if (note !== (annotation.note ?? '')) updateSelectedDetails({ note });
  };

  return (
    <section className="annotation-details" aria-label={t('annotationDetails')}>
      <h2>{t('details')}</h2>
      <label className="field">
        <span>{t('tag')}</span>
        <select value={annotation.type} disabled={readOnly} onChange={(event) => retagAnnotationById(annotation.id, event.target.value)}>
          {type ? null : <option value={annotation.type}>{annotation.type}</option>}
          {types.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label[language]} ({item.id})
            </option>
          ))}
        </select>
      </label>
      <p className="details-text" dir="auto">
        {annotation.text}
      </p>
      <p className="details-offsets">
        <bdi dir="ltr">
          {formatNumber(start, language)}–{formatNumber(end, language)}
        </bdi>
        {/* Each part isolated: a Latin author's name never pulls the date's digits to its side (#19). */}
        {annotation.author ? (
          <>
            {' · '}
            <bdi>{annotation.author}</bdi>
          </>
        ) : null}
        {annotation.modified ? (
          <>
            {' · '}
            <bdi>{formatDate(annotation.modified, language)}</bdi>
          </>
        ) : null}
      </p>
      <EntityField entityId={annotation.entity} readOnly={readOnly} />
      <label className="field">
        <span>{t('note')}</span>
        <textarea
          value={note}
          dir="auto"
          rows={3}
          disabled={readOnly}
          aria-label={t('note')}
          onChange={(event) => setNote(event.target.value)}
          onBlur={commitNote}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commitNote();
          }}
        />
      </label>
      {(type?.attributes ?? []).map((attribute) => {
        const value = annotation.attributes?.[attribute.id];
        if (attribute.type === 'boolean') {
          return (
            <label key={attribute.id} className="toggle">
              <input type="checkbox" checked={value === true} disabled={readOnly} onChange={(event) => updateSelectedDetails({ attributes: { [attribute.id]: event.target.checked } })} />
              {attribute.label[language]}
            </label>
          );
        }
        if (attribute.type === 'enum') {
          return (
            <label key={attribute.id} className="field">
              <span>{attribute.label[language]}</span>
              <select value={typeof value === 'string' ? value : ''} disabled={readOnly} onChange={(event) => updateSelectedDetails({ attributes: { [attribute.id]: event.target.value || null } })}>
                <option value="">—</option>
                {attribute.values.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        return (
          <label key={attribute.id} className="field">
            <span>{attribute.label[language]}</span>
            <input
              type="text"
              dir="auto"
              defaultValue={typeof value === 'string' ? value : ''}
              disabled={readOnly}
              onBlur={(event) => updateSelectedDetails({ attributes: { [attribute.id]: event.target.value || null } })}
            />
          </label>
        );
      })}
    </section>
  );
}
