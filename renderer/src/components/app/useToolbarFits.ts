import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the toolbar's full row fits the window. The full row is laid out once per language
 * (its width measured with everything inline), and the compact row (icons and an overflow menu)
 * is used whenever the window is narrower than that: no wrapping, no sideways scrolling.
 */
export function useToolbarFits(toolbar: RefObject<HTMLElement | null>, language: string): boolean {
  const [fullWidth, setFullWidth] = useState<number | null>(null);
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);

  // A new language has new words, a loaded font new widths: measure the full row again.
  useLayoutEffect(() => setFullWidth(null), [language]);
  useLayoutEffect(() => {
    const fonts = document.fonts as FontFaceSet | undefined;
    if (!fonts) return;
    const remeasure = () => setFullWidth(null);
    fonts.addEventListener('loadingdone', remeasure);
    void fonts.ready.then(remeasure);
    return () => fonts.removeEventListener('loadingdone', remeasure);
  }, []);

  useLayoutEffect(() => {
    const element = toolbar.current;
    if (fullWidth !== null || !element) return;
    // The spacer takes up the slack: what is left is the width the commands need.
    const spacer = element.querySelector<HTMLElement>('.spacer');
    const needed = element.scrollWidth - (spacer?.offsetWidth ?? 0);
    element.dataset.fullWidth = String(needed);
    setFullWidth(needed);
  }, [fullWidth, toolbar]);

  useLayoutEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  return fullWidth === null || fullWidth <= windowWidth;
}
