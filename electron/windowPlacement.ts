// Electron side of the window's remembered place (#23): the displays as the service sees them,
// and the window's state saved when it closes. Where to open is decided by
// services/desktop/windowState.ts.
import { screen, type BrowserWindow } from 'electron';
import type { DisplayArea, SavedWindowState, WindowStateStore } from './services/desktop/windowState';

/** The displays, the primary one first (a window whose monitor is gone comes back there). */
export function currentDisplays(): DisplayArea[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(({ bounds, workArea }) => ({ bounds, workArea }));
}

/** The window's state now: its normal bounds even while maximized or full screen, so un-maximizing later goes back there. */
function stateOf(window: BrowserWindow): SavedWindowState {
  return { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
}

/** Opens the window maximized or full screen as it was left, and saves its state for this display set-up when it closes. */
export function keepWindowPlace(window: BrowserWindow, initial: SavedWindowState, store: WindowStateStore, onError: (error: unknown) => void): void {
  if (initial.maximized) window.maximize();
  if (initial.fullScreen) window.setFullScreen(true);
  window.on('close', () => {
    store.remember(currentDisplays(), stateOf(window)).catch(onError);
  });
}
