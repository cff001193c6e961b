/**
 * F6 and Shift+F6 move the focus between the parts of the window, as in other desktop apps:
 * toolbar, file list, article, tags and annotations (a collapsed pane is skipped).
 */
const PANES: readonly { selector: string; targets: readonly string[] }[] = [
  { selector: '.toolbar', targets: ['button:not([disabled])'] },
  { selector: '.corpus-pane', targets: ['.file.current', '.file', '.filter'] },
  { selector: '.article-pane', targets: ['[data-testid="article"]', 'button:not([disabled])', 'select'] },
  { selector: '.side-pane', targets: ['.tag-button', 'button:not([disabled])', '[tabindex="0"]'] },
];

/** The first shown element of the pane matching the targets, tried in order of preference. */
function focusTarget(pane: HTMLElement, targets: readonly string[]): HTMLElement | null {
  for (const target of targets) {
    const found = [...pane.querySelectorAll<HTMLElement>(target)].find(isShown);
    if (found) return found;
  }
  return pane.hasAttribute('tabindex') ? pane : null;
}

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

export function focusNextPane(step: 1 | -1): void {
  const panes = PANES.map(({ selector, targets }) => ({ pane: document.querySelector<HTMLElement>(selector), targets })).filter(
    (entry): entry is { pane: HTMLElement; targets: readonly string[] } => entry.pane !== null && isShown(entry.pane),
  );
  if (panes.length === 0) return;
  const current = panes.findIndex(({ pane }) => pane.contains(document.activeElement));
  for (let tried = 1; tried <= panes.length; tried++) {
    const { pane, targets } = panes[(current + step * tried + panes.length * 2) % panes.length];
    const focusable = focusTarget(pane, targets);
    if (!focusable) continue;
    focusable.focus();
    return;
  }
}
