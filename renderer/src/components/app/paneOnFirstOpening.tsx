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
