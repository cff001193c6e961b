import { api } from '../../api';
import { preferencesActions, type DisplayPreferences } from '../preferencesStore';

/** Changes a display preference now and remembers it in the user's settings. */
export function setPreferences(change: DisplayPreferences): void {
  preferencesActions.changeDisplay(change);
  void api().settings.setPreferences({
    ...(change.language ? { uiLanguage: change.language } : {}),
    ...(change.theme ? { theme: change.theme } : {}),
    ...(change.fontSize ? { fontSize: change.fontSize } : {}),
  });
}
