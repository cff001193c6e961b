import { confirmDelete } from '../../store/flows/editing';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { useCatalog } from '../../i18n/useCatalog';
import { ModalDialog } from '../app/ModalDialog';
import { relationsCatalog } from '../../i18n/catalog/relations';
import { useCorpusViewStore } from '../../store/corpusViewStore';

/** Shows what deleting an entity would remove (brat lines, or its relations and event roles), before removing them. */
export function DeleteConfirmation() {
  const pending = useArticleViewStore((state) => state.pendingDelete);
  const t = useCatalog(annotationCatalog);
  const r = useCatalog(relationsCatalog);
  const brat = useCorpusViewStore((state) => state.corpus?.mode === 'brat');
  if (!pending) return null;
  return (
    <ModalDialog className="sheet" label={t('confirmDeletion')} onEscape={() => articleViewActions.cancelDelete()}>
        <h2>{brat ? t('deletingThisEntityRemoves', { lines: pending.lines.length }) : r('deletingRemovesLinks', { count: pending.lines.length })}</h2>
        {brat ? (
          <pre className="brat-lines" dir="ltr">{pending.lines.join('\n')}</pre>
        ) : (
          <ul className="linked-items" dir="auto" data-testid="linked-items">
            {pending.lines.map((line, index) => (
              <li key={index} dir="auto">{line}</li>
            ))}
          </ul>
        )}
        <p>{t('undoBringsAllBack')}</p>
        <button type="button" className="primary" autoFocus onClick={() => confirmDelete(pending.annotationId)}>
          {t('delete')}
        </button>{' '}
        <button type="button" onClick={() => articleViewActions.cancelDelete()}>
          {t('cancel')}
        </button>
    </ModalDialog>
  );
}
