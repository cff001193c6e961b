import { lazy, Suspense, useState } from 'react';
import { useDesktopStore } from '../../store/window/desktopStore';

/** The sheet and what only it uses (the docs bundled at build time, marked) load with the first opening (#25 heap). */
const HelpGuideSheet = lazy(() => import('./HelpGuideSheet'));

/** Help › User Guide. The chosen chapter is kept here, so the guide opens again where it was left. */
export function HelpGuide() {
  const open = useDesktopStore((state) => state.helpView === 'guide');
  const [chosenId, setChosenId] = useState<string | null>(null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <HelpGuideSheet chosenId={chosenId} choose={setChosenId} />
    </Suspense>
  );
}
