import type { KeyboardEvent, PointerEvent } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { usePreferencesStore } from '../../store/preferencesStore';
import { PANE_WIDTH_LIMITS, usePaneLayoutStore, type SidePane } from '../../store/window/paneLayoutStore';

const KEY_STEP_PX = 16;

/**
 * The bar between the article and a side pane: drag or arrow keys resize the pane, Enter or a
 * double-click collapses and reopens it. In a right-to-left window the corpus pane is on the
 * right, so the pointer's movement is mirrored for it (and for the other pane the other way round).
 */
export function PaneSplitter({ pane }: { pane: SidePane }) {
  const language = usePreferencesStore((state) => state.language);
  const width = usePaneLayoutStore((state) => (pane === 'corpus' ? state.corpusWidth : state.sideWidth));
  const collapsed = usePaneLayoutStore((state) => (pane === 'corpus' ? state.corpusCollapsed : state.sideCollapsed));
  const { setPaneWidth, togglePane } = usePaneLayoutStore.getState();
  const rtl = language === 'fa';
  // Moving the pointer rightwards widens the pane on the left of the splitter.
  const paneOnLeft = (pane === 'corpus') !== rtl;
  const t = useMessages();
  const name = t(pane === 'corpus' ? 'paneFileList' : 'paneTags');

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (collapsed || event.button !== 0) return;
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = width;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const onMove = (move: globalThis.PointerEvent) => {
      const delta = move.clientX - startX;
      setPaneWidth(pane, startWidth + (paneOnLeft ? delta : -delta));
    };
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
      target.removeEventListener('pointercancel', onUp);
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
    target.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      togglePane(pane);
      return;
    }
    if (collapsed || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const rightwards = event.key === 'ArrowRight' ? 1 : -1;
    setPaneWidth(pane, width + rightwards * (paneOnLeft ? KEY_STEP_PX : -KEY_STEP_PX));
  };

  const { min, max } = PANE_WIDTH_LIMITS[pane];
  return (
    <div
      className={`pane-splitter pane-splitter-${pane}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={name}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={collapsed ? 0 : width}
      aria-expanded={!collapsed}
      tabIndex={0}
      title={t('splitterHint')}
      data-testid={`splitter-${pane}`}
      onPointerDown={onPointerDown}
      onDoubleClick={() => togglePane(pane)}
      onKeyDown={onKeyDown}
    />
  );
}
