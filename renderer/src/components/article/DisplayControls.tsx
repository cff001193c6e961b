import { setPreferences } from '../../store/flows/preferences';
import { usePreferencesStore } from '../../store/preferencesStore';

const MIN_FONT = 12;
const MAX_FONT = 40;

/** Text size of the article and the colour theme, remembered in the settings. */
export function DisplayControls() {
  const fontSize = usePreferencesStore((state) => state.fontSize);
  const theme = usePreferencesStore((state) => state.theme);
  const language = usePreferencesStore((state) => state.language);
  const fa = language === 'fa';
  return (
    <span className="display-controls">
      <button type="button" aria-label={fa ? 'کوچک‌تر کردن متن' : 'Smaller text'} disabled={fontSize <= MIN_FONT} onClick={() => setPreferences({ fontSize: Math.max(MIN_FONT, fontSize - 1) })}>
        A−
      </button>
      <button type="button" aria-label={fa ? 'بزرگ‌تر کردن متن' : 'Larger text'} disabled={fontSize >= MAX_FONT} onClick={() => setPreferences({ fontSize: Math.min(MAX_FONT, fontSize + 1) })}>
        A+
      </button>
      <select aria-label={fa ? 'پوسته' : 'Theme'} value={theme} onChange={(event) => setPreferences({ theme: event.target.value as 'light' | 'dark' | 'system' })}>
        <option value="system">{fa ? 'پوستهٔ سیستم' : 'System theme'}</option>
        <option value="light">{fa ? 'روشن' : 'Light'}</option>
        <option value="dark">{fa ? 'تیره' : 'Dark'}</option>
      </select>
    </span>
  );
}
