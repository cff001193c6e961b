import { lazy, Suspense, type ComponentType } from 'react';

/**
 * (#25 heap) A pane that renders nothing while closed, loaded with its first opening: while it
 * stays closed its code is neither compiled nor kept in the window's heap. `useOpen` is read by
 * the wrapper alone, so opening the pane re-renders nothing else. For panes opened by a click or
 * a menu, not for ones that take typing at once (their first keys would go elsewhere while the
 * chunk loads).
 */
export function paneOnFirstOpening(useOpen: () => boolean, load: () => Promise<ComponentType>): ComponentType {
  const Pane = lazy(async () => ({ default: await load() }));
  return function PaneWhenOpen() {
    const open = useOpen();
    if (!open) return null;
    return (
      <Suspense fallback={null}>
        <Pane />
      </Suspense>
    );
  };
}

/**
 * (#25 heap) A part of the window that renders nothing most of the time (a closed bar or dialog,
 * the details of a selection when nothing is selected), mounted only while `useShown` says so.
 * V8 compiles a function on its first call and tiers it up as it is called again: a component
 * that returns null once closed still had its whole body compiled, and re-rendered with every
 * store change it read. Behind this wrapper its body is never called until it is shown, and it
 * is drawn in the same frame as when it rendered itself (its code is in the window's chunk, not
 * loaded on first use), so nothing flashes. Only for components with no state or effect to keep
 * while hidden: they start afresh each time they are shown.
 */
export function shownWhen(useShown: () => boolean, Part: ComponentType): ComponentType {
  return function PartWhenShown() {
    return useShown() ? <Part /> : null;
  };
}
