import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The two side panes of the window: the corpus list (start side) and the tags and annotations (end side). */
export type SidePane = 'corpus' | 'side';

export interface PaneLayout {
  corpusWidth: number;
  sideWidth: number;
  corpusCollapsed: boolean;
  sideCollapsed: boolean;
}

export const PANE_WIDTH_LIMITS: Record<SidePane, { min: number; max: number; initial: number }> = {
  corpus: { min: 160, max: 480, initial: 240 },
  side: { min: 220, max: 560, initial: 300 },
};

interface PaneLayoutState extends PaneLayout {
  setPaneWidth: (pane: SidePane, width: number) => void;
  togglePane: (pane: SidePane) => void;
}

export function clampPaneWidth(pane: SidePane, width: number): number {
  const { min, max } = PANE_WIDTH_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/**
 * Pane sizes are a preference of this machine's window, not of the corpus: kept in the renderer's
 * local storage (Electron keeps it in the app's profile), so a restart shows the panes as they were left.
 */
export const usePaneLayoutStore = create<PaneLayoutState>()(
  persist(
    (set) => ({
      corpusWidth: PANE_WIDTH_LIMITS.corpus.initial,
      sideWidth: PANE_WIDTH_LIMITS.side.initial,
      corpusCollapsed: false,
      sideCollapsed: false,
      setPaneWidth: (pane, width) => set(pane === 'corpus' ? { corpusWidth: clampPaneWidth(pane, width) } : { sideWidth: clampPaneWidth(pane, width) }),
      togglePane: (pane) => set((state) => (pane === 'corpus' ? { corpusCollapsed: !state.corpusCollapsed } : { sideCollapsed: !state.sideCollapsed })),
    }),
    {
      name: 'hashiye-pane-layout',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state): PaneLayout => ({ corpusWidth: state.corpusWidth, sideWidth: state.sideWidth, corpusCollapsed: state.corpusCollapsed, sideCollapsed: state.sideCollapsed }),
    },
  ),
);
