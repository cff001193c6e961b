import { create } from 'zustand';

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
  /** Takes the layout main kept in the settings (app.init), widths brought within the limits. */
  applyLayout: (layout: PaneLayout) => void;
}

export function clampPaneWidth(pane: SidePane, width: number): number {
  const { min, max } = PANE_WIDTH_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/**
 * Pane sizes are a preference of this machine's window, not of the corpus: main keeps them in the
 * user's settings (settings.setPaneLayout, sent by store/flows/paneLayout.ts; #23), so a restart,
 * or another window of the same profile, shows the panes as they were left.
 */
export const usePaneLayoutStore = create<PaneLayoutState>()((set) => ({
  corpusWidth: PANE_WIDTH_LIMITS.corpus.initial,
  sideWidth: PANE_WIDTH_LIMITS.side.initial,
  corpusCollapsed: false,
  sideCollapsed: false,
  setPaneWidth: (pane, width) => set(pane === 'corpus' ? { corpusWidth: clampPaneWidth(pane, width) } : { sideWidth: clampPaneWidth(pane, width) }),
  togglePane: (pane) => set((state) => (pane === 'corpus' ? { corpusCollapsed: !state.corpusCollapsed } : { sideCollapsed: !state.sideCollapsed })),
  applyLayout: (layout) =>
    set({ corpusWidth: clampPaneWidth('corpus', layout.corpusWidth), sideWidth: clampPaneWidth('side', layout.sideWidth), corpusCollapsed: layout.corpusCollapsed, sideCollapsed: layout.sideCollapsed }),
}));

/** The layout as kept in the settings. */
export function paneLayoutOf(state: PaneLayout): PaneLayout {
  return { corpusWidth: state.corpusWidth, sideWidth: state.sideWidth, corpusCollapsed: state.corpusCollapsed, sideCollapsed: state.sideCollapsed };
}
