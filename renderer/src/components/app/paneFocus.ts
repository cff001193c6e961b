/**
 * F6 and Shift+F6 move the focus between the parts of the window, as in other desktop apps:
 * toolbar, file list, article, tags and annotations (a collapsed pane is skipped).
 */
const PANES: readonly { selector: string; target: string }[] = [
  { selector: '.toolbar', target: 'button:not([disabled])' },
  { selector: '.corpus-pane', target: '.file.current, .file, .filter' },
  { selector: '.article-pane', target: '[data-testid="article"], .article-pane button, .article-pane select' },
  { selector: '.side-pane', target: '.tag-button, button, [tabindex="0"]' },
];

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

export function focusNextPane(step: 1 | -1): void {
  const panes = PANES.map(({ selector, target }) => ({ pane: document.querySelector<HTMLElement>(selector), target })).filter(
    (entry): entry is { pane: HTMLElement; target: string } => entry.pane !== null && isShown(entry.pane),
  );
  if (panes.length === 0) return;
  const current = panes.findIndex(({ pane }) => pane.contains(document.activeElement));
  for (let tried = 1; tried <= panes.length; tried++) {
    const { pane, target } = panes[(current + step * tried + panes.length * 2) % panes.length];
    const focusable = [...pane.querySelectorAll<HTMLElement>(target)].find(isShown) ?? pane;
    if (focusable === pane && !pane.hasAttribute('tabindex')) continue;
    focusable.focus();
    return;
  }
}
