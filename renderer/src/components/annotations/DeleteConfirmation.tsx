import { confirmDelete } from '../../store/flows/editing';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';

/** Shows the brat lines that deleting an entity would remove, before removing them. */
export function DeleteConfirmation() {
  const pending = useArticleViewStore((state) => state.pendingDelete);
  const language = usePreferencesStore((state) => state.language);
  if (!pending) return null;
  const fa = language === 'fa';
  return (
    <div className="sheet-backdrop">
      <div className="sheet" role="dialog" aria-label={fa ? 'تأیید حذف' : 'Confirm deletion'}>
        <h2>{fa ? `حذف این موجودیت ${pending.lines.length} خط را از پروندهٔ ‎.ann برمی‌دارد:` : `Deleting this entity removes ${pending.lines.length} lines from the .ann file:`}</h2>
        <pre className="brat-lines" dir="ltr">{pending.lines.join('\n')}</pre>
        <p>{fa ? 'واگرد (Ctrl+Z) همهٔ آن‌ها را بازمی‌گرداند.' : 'Undo (Ctrl+Z) brings all of them back.'}</p>
        <button type="button" className="primary" autoFocus onClick={() => confirmDelete(pending.annotationId)}>
          {fa ? 'حذف' : 'Delete'}
        </button>{' '}
        <button type="button" onClick={() => articleViewActions.cancelDelete()}>
          {fa ? 'انصراف' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
