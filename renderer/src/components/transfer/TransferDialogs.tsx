import { lazy, Suspense } from 'react';
import { useTransferStore } from '../../store/transferStore';

/**
 * (#25 heap) Each dialog's code, and the transfer contract's zod schemas it checks choices with,
 * load with its first opening: closed, neither is compiled nor built in the window.
 */
const ExportDialog = lazy(() => import('./ExportDialog').then((module) => ({ default: module.ExportDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((module) => ({ default: module.ImportDialog })));

/** File › Export and File › Import, rendered once by the App; each shows while it is open. */
export function TransferDialogs() {
  const exportOpen = useTransferStore((state) => state.exportOpen);
  const importOpen = useTransferStore((state) => state.importOpen);
  return (
    <>
      <Suspense fallback={null}>{exportOpen ? <ExportDialog /> : null}</Suspense>
      <Suspense fallback={null}>{importOpen ? <ImportDialog /> : null}</Suspense>
    </>
  );
}
