import { ModalDialog } from '../app/ModalDialog';
import { confirmDelete } from '../../store/actions';
import { useSessionStore } from '../../store/sessionStore';

/** Shows the brat lines that deleting an entity would remove, before removing them. */
export function DeleteConfirmation() {
  const pending = useSessionStore((state) => state.pendingDelete);
  const language = useSessionStore((state) => state.language);
  const set = useSessionStore((state) => state.set);
  if (!pending) return null;
  const fa = language === 'fa';
  return (
    <ModalDialog className="sheet" label={fa ? 'تأیید حذف' : 'Confirm deletion'} onEscape={() => set({ pendingDelete: null })}>
        <h2>{fa ? `حذف این موجودیت ${pending.lines.length} خط را از پروندهٔ ‎.ann برمی‌دارد:` : `Deleting this entity removes ${pending.lines.length} lines from the .ann file:`}</h2>
        <pre className="brat-lines" dir="ltr">{pending.lines.join('\n')}</pre>
        <p>{fa ? 'واگرد (Ctrl+Z) همهٔ آن‌ها را بازمی‌گرداند.' : 'Undo (Ctrl+Z) brings all of them back.'}</p>
        <button type="button" className="primary" autoFocus onClick={() => confirmDelete(pending.annotationId)}>
          {fa ? 'حذف' : 'Delete'}
        </button>{' '}
        <button type="button" onClick={() => set({ pendingDelete: null })}>
          {fa ? 'انصراف' : 'Cancel'}
        </button>
    </ModalDialog>
  );
}
