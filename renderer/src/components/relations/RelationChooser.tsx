import { useRef, useState, type KeyboardEvent } from 'react';
import { relationsCatalog } from '../../i18n/catalog/relations';
import { useCatalog } from '../../i18n/useCatalog';
import { useDocumentStore } from '../../store/documentStore';
import { completeLink, linkChoices } from '../../store/flows/relations';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { ModalDialog } from '../app/ModalDialog';

/**
 * The last step of linking two annotations (#20): the relation types whose argument constraints
 * fit the two ends (or, from an event trigger, the roles the other end may fill). ↑ ↓ move,
 * Enter links, Esc cancels; when nothing fits, it says so.
 */
export function RelationChooser() {
  const draft = useRelationDraftStore((state) => state.draft);
  if (!draft || draft.stage !== 'choosing') return null;
  return <Chooser key={`${draft.sourceId}>${draft.targetId}`} sourceId={draft.sourceId} targetId={draft.targetId} />;
}

function Chooser({ sourceId, targetId }: { sourceId: string; targetId: string }) {
  const t = useCatalog(relationsCatalog);
  const language = usePreferencesStore((state) => state.language);
  const annotations = useDocumentStore((state) => state.annotations);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const textOf = (id: string) => annotations.find((annotation) => annotation.id === id)?.text ?? id;
  const fit = linkChoices(sourceId, targetId);
  const options =
    fit.kind === 'role'
      ? fit.roles.map((role) => ({ key: role.role, label: role.role, choose: () => completeLink({ role: role.role }) }))
      : fit.relationTypes.map((type) => ({ key: type.id, label: type.label[language], choose: () => completeLink({ relationType: type.id }) }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (active + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      setActive(next);
      list.current?.querySelectorAll('button')[next]?.focus();
    }
  };
  const empty = fit.kind === 'role' ? t('noRoleFits', { event: fit.eventType.label[language], to: textOf(targetId) }) : t('noRelationFits', { from: textOf(sourceId), to: textOf(targetId) });
  return (
    <ModalDialog className="sheet relation-chooser" label={t('chooseRelation', { from: textOf(sourceId), to: textOf(targetId) })} onEscape={() => relationDraftActions.cancel()} testId="relation-chooser">
      <h2>{t('chooseRelation', { from: textOf(sourceId), to: textOf(targetId) })}</h2>
      {options.length === 0 ? (
        <p role="alert" data-testid="no-relation-fits">{empty}</p>
      ) : (
        <>
          <p className="hint">{t('chooseRelationHint')}</p>
          <ul ref={list} role="listbox" aria-label={fit.kind === 'role' ? t('eventRoles') : t('relationTypes')} onKeyDown={onKeyDown}>
            {options.map((option, index) => (
              <li key={option.key}>
                <button type="button" role="option" aria-selected={index === active} data-choice={option.key} onClick={option.choose} onFocus={() => setActive(index)}>
                  {option.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => relationDraftActions.cancel()}>
        {t('cancel')}
      </button>
    </ModalDialog>
  );
}
