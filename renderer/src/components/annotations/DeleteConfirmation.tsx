import { confirmDelete } from '../../store/flows/editing';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { useCatalog } from '../../i18n/useCatalog';
import { ModalDialog } from '../app/ModalDialog';

/** Shows the brat lines that deleting an entity would remove, before removing them. */
export function DeleteConfirmation() {
  const pending = useArticleViewStore((state) => state.pendingDelete);
  const t = useCatalog(annotationCatalog);
  if (!pending) return null;
  return (
    <ModalDialog className="sheet" label={t('confirmDeletion')} onEscape={() => articleViewActions.cancelDelete()}>
        <h2>{t('deletingThisEntityRemoves', { lines: pending.lines.length })}</h2>
        <pre className="brat-lines" dir="ltr">{pending.lines.join('\n')}</pre>
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
