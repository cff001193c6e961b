import { useMemo, useState } from 'react';
import { displayName, lookupEntities } from '../../../../shared/entities/entityLookup';
import { entitiesCatalog } from '../../i18n/catalog/entities';
import { useCatalog } from '../../i18n/useCatalog';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useDocumentStore } from '../../store/documentStore';
import { entityActions, useEntityStore } from '../../store/entities/entityStore';
import { createEntityFromSelection, linkSelectedAnnotation } from '../../store/entities/entityFlows';
import { usePreferencesStore } from '../../store/preferencesStore';
import { ModalDialog } from '../app/ModalDialog';
import { ProblemText } from '../app/ProblemText';

/**
 * The L popup (#24): search the registry as you type (Persian-aware: letter variants, lost or
 * extra ZWNJ and spaces), arrows choose, Enter links the selected annotation, Ctrl+Enter (or the
 * button) makes a new entity from the annotation's text and links it. Keyboard only is enough.
 */
export function EntityPicker() {
  const open = useEntityStore((state) => state.pickerOpen);
  if (!open) return null;
  return <EntityPickerDialog />;
}

function EntityPickerDialog() {
  const t = useCatalog(entitiesCatalog);
  const language = usePreferencesStore((state) => state.language);
  const registry = useEntityStore((state) => state.registry);
  const problem = useEntityStore((state) => state.problem);
  const busy = useEntityStore((state) => state.busy);
  const selectedId = useArticleViewStore((state) => state.selectedAnnotationId);
  const annotation = useDocumentStore((state) => state.annotations.find((item) => item.id === selectedId) ?? null);
  const [query, setQuery] = useState(annotation?.text ?? '');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => lookupEntities(registry, query, 30), [registry, query]);
  const current = Math.min(active, Math.max(0, hits.length - 1));

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + hits.length) % Math.max(1, hits.length));
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void createEntityFromSelection();
    } else if (event.key === 'Enter' && hits.length > 0) {
      event.preventDefault();
      linkSelectedAnnotation(hits[current].entity.id);
    }
  };

  return (
    <ModalDialog className="sheet entity-picker" label={t('linkToEntity')} onEscape={() => entityActions.closePicker()} testId="entity-picker">
      <h2>{t('linkToEntity')}</h2>
      <input
        type="search"
        dir="auto"
        autoFocus
        value={query}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchEntities')}
        role="combobox"
        aria-expanded="true"
        aria-controls="entity-picker-list"
        aria-activedescendant={hits.length > 0 ? `entity-option-${current}` : undefined}
        data-testid="entity-search"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="entity-picker-list" role="listbox" className="entity-options">
        {hits.map((hit, index) => (
          <li
            key={hit.entity.id}
            id={`entity-option-${index}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'active' : undefined}
            data-entity-id={hit.entity.id}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => linkSelectedAnnotation(hit.entity.id)}
          >
            <bdi>{displayName(hit.entity, language)}</bdi>
            {hit.name !== displayName(hit.entity, language) ? (
              <span className="muted">
                {' · '}
                <bdi>{hit.name}</bdi>
              </span>
            ) : null}
            <span className="muted"> ({hit.entity.type})</span>
          </li>
        ))}
      </ul>
      {hits.length === 0 ? <p className="muted">{t('noEntities')}</p> : null}
      {problem ? <ProblemText problem={problem} /> : null}
      <p className="hint">{t('pickerHint')}</p>
      <div className="buttons">
        <button type="button" disabled={busy || annotation === null} onClick={() => void createEntityFromSelection()} data-testid="entity-create">
          {t('createFromAnnotation', { text: annotation?.text ?? '' })}
        </button>
        <button type="button" onClick={() => entityActions.closePicker()}>
          {t('close')}
        </button>
      </div>
    </ModalDialog>
  );
}
