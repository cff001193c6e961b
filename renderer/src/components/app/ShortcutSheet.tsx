import { hotkeyLabel } from '../../../../shared/model/tagSet';
import { useMessages } from '../../i18n/useMessages';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useWindowStore, windowActions } from '../../store/windowStore';

const GENERAL_SHORTCUTS: { keys: string; fa: string; en: string }[] = [
  { keys: '1 … 9', fa: 'برچسب زدن به گزینش، یا تغییر برچسب حاشیه‌نویسی انتخاب‌شده', en: 'Tag the selection, or retag the selected annotation' },
  { keys: 'Delete', fa: 'حذف حاشیه‌نویسی انتخاب‌شده', en: 'Delete the selected annotation' },
  { keys: 'Esc', fa: 'پاک کردن گزینش', en: 'Clear the selection' },
  { keys: 'Ctrl+Z', fa: 'واگرد', en: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', fa: 'ازنو', en: 'Redo' },
  { keys: 'Tab / Shift+Tab', fa: 'حاشیه‌نویسی بعدی / قبلی (وقتی مقاله در کانون است)', en: 'Next / previous annotation (while the article has focus)' },
  { keys: '← / →', fa: 'حاشیه‌نویسی بعدی / قبلی به ترتیب خواندن', en: 'Next / previous annotation in reading order' },
  { keys: 'Shift+← / Shift+→', fa: 'گسترش گزینش نویسه‌به‌نویسه', en: 'Extend the selection by one character' },
  { keys: 'Alt+drag', fa: 'گزینش با دقت نویسه‌ای (بخشی از یک واژه)', en: 'Select with character precision (part of a word)' },
  { keys: 'Alt+↓ / Alt+↑', fa: 'مقالهٔ بعدی / قبلی', en: 'Next / previous article' },
  { keys: 'Alt+Shift+↓', fa: 'مقالهٔ ناتمام بعدی', en: 'Next unfinished article' },
  { keys: 'Ctrl+Enter', fa: 'انجام شد، رفتن به مقالهٔ ناتمام بعدی', en: 'Mark done, open the next unfinished article' },
  { keys: 'Ctrl+F', fa: 'جست‌وجو در مقاله', en: 'Find in the article' },
  { keys: 'Alt+N', fa: 'پیشنهاد بعدی (از برچسب‌های پیشین پیکره)', en: 'Next suggestion (from earlier tags in the corpus)' },
  { keys: 'Enter / Esc', fa: 'پذیرش / رد پیشنهاد کنونی', en: 'Accept / reject the current suggestion' },
  { keys: 'Ctrl+Shift+F', fa: 'جست‌وجو در کل پیکره', en: 'Search the whole corpus' },
  { keys: '?', fa: 'نمایش این فهرست', en: 'Show this sheet' },
];

export function ShortcutSheet() {
  const open = useWindowStore((state) => state.shortcutsOpen);
  const language = usePreferencesStore((state) => state.language);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const t = useMessages();
  if (!open) return null;
  return (
    <div className="sheet-backdrop" onClick={() => windowActions.closeShortcuts()}>
      <div className="sheet" role="dialog" aria-label={t('shortcuts')} onClick={(event) => event.stopPropagation()}>
        <h2>{t('shortcuts')}</h2>
        <table>
          <tbody>
            {GENERAL_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <td>
                  <kbd dir="ltr">{shortcut.keys}</kbd>
                </td>
                <td>{shortcut[language]}</td>
              </tr>
            ))}
            {(tagSet?.types ?? [])
              .filter((type) => type.hotkey)
              .map((type) => (
                <tr key={type.id}>
                  <td>
                    <kbd dir="ltr">{hotkeyLabel(type.hotkey ?? '')}</kbd>
                  </td>
                  <td>
                    {type.label[language]} ({type.id})
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <button type="button" onClick={() => windowActions.closeShortcuts()}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
