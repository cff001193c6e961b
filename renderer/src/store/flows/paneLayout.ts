import { api } from '../../api';
import { clampPaneWidth, paneLayoutOf, usePaneLayoutStore, type PaneLayout } from '../window/paneLayoutStore';

function sameLayout(a: PaneLayout, b: PaneLayout): boolean {
  return a.corpusWidth === b.corpusWidth && a.sideWidth === b.sideWidth && a.corpusCollapsed === b.corpusCollapsed && a.sideCollapsed === b.sideCollapsed;
}

/** What main's settings hold, as far as this window knows. */
let kept: PaneLayout = paneLayoutOf(usePaneLayoutStore.getState());
let inFlight = false;

function sendLatest(): void {
  const latest = paneLayoutOf(usePaneLayoutStore.getState());
  if (inFlight || sameLayout(latest, kept)) return;
  inFlight = true;
  kept = latest;
  void api()
    .settings.setPaneLayout(latest)
    .catch(() => undefined)
    .finally(() => {
      inFlight = false;
      sendLatest();
    });
}

/**
 * Sends every change of the pane layout to main's settings (#23). A drag changes the width on
 * each pointer move: one request is in flight at a time, and the latest layout follows it, so the
 * settings file is written a few times a drag and always ends with where the user let go.
 * Returns the unsubscribe function.
 */
export function startPaneLayoutSync(): () => void {
  return usePaneLayoutStore.subscribe(sendLatest);
}

/** Takes the layout main kept in the settings (app.init), without sending it back. */
export function applyKeptPaneLayout(layout: PaneLayout | null | undefined): void {
  if (!layout) return;
  // Known as kept before it is applied: the subscription then finds nothing to send.
  kept = { ...layout, corpusWidth: clampPaneWidth('corpus', layout.corpusWidth), sideWidth: clampPaneWidth('side', layout.sideWidth) };
  usePaneLayoutStore.getState().applyLayout(layout);
}
