import { displayName } from '../../../../shared/entities/entityLookup';
import { findEntity } from '../../../../shared/entities/registryEntries';
import { entitiesCatalog } from '../../i18n/catalog/entities';
import { useCatalog } from '../../i18n/useCatalog';
import { useEntityStore } from '../../store/entities/entityStore';
import { openEntityPicker, openEntityView, unlinkSelectedAnnotation } from '../../store/entities/entityFlows';
import { usePreferencesStore } from '../../store/preferencesStore';

/** The details pane's entity field (#24): the entity the annotation is linked to, with link, unlink and the entity view. */
export function EntityField({ entityId, readOnly }: { entityId: string | undefined; readOnly: boolean }) {
  const t = useCatalog(entitiesCatalog);
  const language = usePreferencesStore((state) => state.language);
  const entity = useEntityStore((state) => (entityId === undefined ? undefined : findEntity(state.registry, entityId)));
  return (
    <div className="field entity-field" data-testid="entity-field" data-entity-id={entityId ?? ''}>
      <span>{t('entity')}</span>
      <p className="entity-name">
        {entityId === undefined ? <span className="muted">{t('notLinked')}</span> : <bdi>{entity ? displayName(entity, language) : entityId}</bdi>}
        {entity?.wikidata ? (
          <>
            {' · '}
            <bdi dir="ltr">{entity.wikidata}</bdi>
          </>
        ) : null}
      </p>
      <div className="entity-actions">
        <button type="button" disabled={readOnly} onClick={openEntityPicker}>
          {t('link')}
        </button>
        {entityId !== undefined ? (
          <>
            <button type="button" disabled={readOnly} onClick={unlinkSelectedAnnotation}>
              {t('unlink')}
            </button>
            <button type="button" onClick={() => void openEntityView(entityId)}>
              {t('openEntity')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
