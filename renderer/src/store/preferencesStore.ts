import { create } from 'zustand';
import type { UiLanguage } from '../i18n/messages';

export type Theme = 'light' | 'dark' | 'system';

/** The user's settings as the window shows them (main keeps them in the settings file). Never undone. */
export interface PreferencesState {
  /** The name written into annotations this window makes. */
  annotator: string;
  language: UiLanguage;
  theme: Theme;
  /** The article's text size, in CSS pixels. */
  fontSize: number;
  /** Started from a development build: extra diagnostics are shown. */
  development: boolean;
}

export const usePreferencesStore = create<PreferencesState>()(() => ({
  annotator: '',
  language: 'fa',
  theme: 'system',
  fontSize: 19,
  development: false,
}));

export type DisplayPreferences = Partial<Pick<PreferencesState, 'language' | 'theme' | 'fontSize'>>;

export const preferencesActions = {
  /** Takes the settings main read at start-up. */
  applySettings(settings: PreferencesState): void {
    usePreferencesStore.setState(settings);
  },
  /** Shows a display choice now (remembering it is flows/preferences.ts's job). */
  changeDisplay(change: DisplayPreferences): void {
    usePreferencesStore.setState(change);
  },
  renameAnnotator(annotator: string): void {
    usePreferencesStore.setState({ annotator });
  },
};

/** The user's language, read outside React (messages built in flows). */
export function currentLanguage(): UiLanguage {
  return usePreferencesStore.getState().language;
}
