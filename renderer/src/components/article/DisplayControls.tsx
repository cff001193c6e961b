import { setPreferences } from '../../store/flows/preferences';
import { usePreferencesStore } from '../../store/preferencesStore';
import { articleCatalog } from '../../i18n/catalog/article';
import { useCatalog } from '../../i18n/useCatalog';

const MIN_FONT = 12;
const MAX_FONT = 40;

/** Text size of the article and the colour theme, remembered in the settings. */
export function DisplayControls() {
  const fontSize = usePreferencesStore((state) => state.fontSize);
  const theme = usePreferencesStore((state) => state.theme);
  const t = useCatalog(articleCatalog);
  return (
    <span className="display-controls">
      <button type="button" aria-label={t('smallerText')} disabled={fontSize <= MIN_FONT} onClick={() => setPreferences({ fontSize: Math.max(MIN_FONT, fontSize - 1) })}>
        A−
      </button>
      <button type="button" aria-label={t('largerText')} disabled={fontSize >= MAX_FONT} onClick={() => setPreferences({ fontSize: Math.min(MAX_FONT, fontSize + 1) })}>
        A+
      </button>
      <select aria-label={t('theme')} value={theme} onChange={(event) => setPreferences({ theme: event.target.value as 'light' | 'dark' | 'system' })}>
        <option value="system">{t('systemTheme')}</option>
        <option value="light">{t('light')}</option>
        <option value="dark">{t('dark')}</option>
      </select>
    </span>
  );
}
