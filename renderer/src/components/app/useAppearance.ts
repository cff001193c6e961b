import { useEffect } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * The window's language, direction, theme and text size on the root element. The "system"
 * theme follows the OS while the app runs: a change of the OS setting repaints at once.
 */
export function useAppearance(language: 'fa' | 'en', theme: 'light' | 'dark' | 'system', fontSize: number): void {
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'fa' ? 'rtl' : 'ltr';
  }, [language]);

  useEffect(() => {
    document.documentElement.style.setProperty('--article-font-size', `${fontSize}px`);
  }, [fontSize]);

  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => {
      root.dataset.theme = query.matches ? 'dark' : 'light';
    };
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);
}
