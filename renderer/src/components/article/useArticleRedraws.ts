import { useEffect, useState } from 'react';

/**
 * A count that goes up, in the first idle moment, after the article view replaced text nodes
 * (a chunk drew or dropped its highlights when the view came near or went far, #25). Ranges of
 * the CSS Custom Highlight API that pointed into the old nodes have collapsed by then: painters
 * of find hits and suggestions repaint when it changes, as BoilerplateShading does on its own.
 * Watches only while `enabled` (something is painted), so an idle find bar costs nothing.
 */
export function useArticleRedraws(enabled: boolean, article: unknown): number {
  const [redraws, setRedraws] = useState(0);
  useEffect(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="article"]');
    if (!enabled || !root) return;
    let idle = 0;
    const observer = new MutationObserver(() => {
      if (idle !== 0) return;
      idle = requestIdleCallback(
        () => {
          idle = 0;
          setRedraws((count) => count + 1);
        },
        { timeout: 500 },
      );
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      if (idle !== 0) cancelIdleCallback(idle);
    };
  }, [enabled, article]);
  return redraws;
}
