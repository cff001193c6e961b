import { create } from 'zustand';

/** What the window shows over its panes: a one-line notice and the shortcut sheet. Never saved. */
export interface WindowState {
  /** A one-line message for the user (e.g. where a broken file was moved). */
  notice: string | null;
  /** Whether the keyboard shortcut sheet is open. */
  shortcutsOpen: boolean;
}

export const useWindowStore = create<WindowState>()(() => ({ notice: null, shortcutsOpen: false }));

export const windowActions = {
  showNotice(notice: string): void {
    useWindowStore.setState({ notice });
  },
  dismissNotice(): void {
    useWindowStore.setState({ notice: null });
  },
  openShortcuts(): void {
    useWindowStore.setState({ shortcutsOpen: true });
  },
  closeShortcuts(): void {
    useWindowStore.setState({ shortcutsOpen: false });
  },
  toggleShortcuts(): void {
    useWindowStore.setState((state) => ({ shortcutsOpen: !state.shortcutsOpen }));
  },
};
