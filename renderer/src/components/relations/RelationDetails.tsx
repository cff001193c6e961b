import { eventRolesOf } from '../../../../shared/relations/relationOperations';
import { missingRoles } from '../../../../shared/relations/relationConstraints';
import { relationsCatalog } from '../../i18n/catalog/relations';
import { useCatalog } from '../../i18n/useCatalog';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { relationEdits, removeFragmentOf } from '../../store/flows/relations';
import { usePreferencesStore } from '../../store/preferencesStore';
import { formatNumber } from '../../i18n/formatNumber';

/**
 * The selected annotation's links in the details pane (#20): its relations (retype, reverse,
 * delete), its roles when it is an event trigger (remove; the roles still missing are named),
 * and its fragments when it is discontinuous (remove one). Every change is one undo step.
 */
export function RelationDetails() {
  const t = useCatalog(relationsCatalog);
  const language = usePreferencesStore((state) => state.language);
  const selectedId = usePaintedDocumentStore((state) => state.selectedAnnotationId);
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  const relations = usePaintedDocumentStore((state) => state.relations);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const selected = annotations.find((annotation) => annotation.id === selectedId);
  if (!selected) return null;
  const textOf = (id: string) => annotations.find((annotation) => annotation.id === id)?.text ?? id;
  const own = relations.filter((relation) => relation.from === selected.id || relation.to === selected.id);
  const roles = eventRolesOf(selected);
  const eventType = (tagSet?.eventTypes ?? []).find((type) => type.id === selected.type);
  const missing = eventType ? missingRoles(eventType, roles) : [];
  const relationTypes = tagSet?.relationTypes ?? [];
  const fragments = selected.fragments && selected.fragments.length > 1 ? selected.fragments : [];
  if (own.length === 0 && roles.length === 0 && !eventType && fragments.length === 0) return null;
  return (
    <section className="relation-details" data-testid="relation-details" aria-label={t('linkedToThis')}>
      {own.length > 0 || roles.length > 0 || eventType ? <h3>{t('linkedToThis')}</h3> : null}
      <ul>
        {own.map((relation) => (
          <li key={relation.id} data-relation-row={relation.id}>
            <span dir="auto">{textOf(relation.from)}</span>
            <span aria-hidden="true">{t('arrow')}</span>
            <span dir="auto">{textOf(relation.to)}</span>
            <select aria-label={t('relationType')} value={relation.type} onChange={(event) => relationEdits.retype(relation.id, event.target.value)}>
              {relationTypes.some((type) => type.id === relation.type) ? null : <option value={relation.type}>{relation.type}</option>}
              {relationTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.label[language]}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => relationEdits.reverse(relation.id)}>
              {t('reverse')}
            </button>
            <button type="button" onClick={() => relationEdits.remove(relation.id)}>
              {t('delete')}
            </button>
          </li>
        ))}
        {roles.map((role, index) => (
          <li key={`${role.role}-${role.target}`} data-role-row={role.role}>
            <span>{role.role}</span>
            <span aria-hidden="true">{t('arrow')}</span>
            <span dir="auto">{textOf(role.target)}</span>
            <button type="button" onClick={() => relationEdits.removeRole(selected.id, index)}>
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? <p className="hint">{t('missingRoles', { roles: missing.map((role) => role.role).join(language === 'fa' ? '، ' : ', ') })}</p> : null}
      {fragments.length > 0 ? (
        <>
          <h3>{t('fragments')}</h3>
          <ul>
            {fragments.map((fragment, index) => (
              <li key={`${fragment.start}-${fragment.end}`}>
                <span dir="auto">{useArticleViewStore.getState().article?.text.slice(fragment.start, fragment.end)}</span>
                <button type="button" aria-label={t('removeFragment', { number: index + 1 })} onClick={() => removeFragmentOf(selected.id, index)}>
                  {t('delete')} {formatNumber(index + 1, language)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
