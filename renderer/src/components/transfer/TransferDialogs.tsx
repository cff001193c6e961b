import { useTransferStore } from '../../store/transferStore';
import { paneOnFirstOpening } from '../app/paneOnFirstOpening';

/** (#25 heap) Each dialog's code, and the transfer contract's zod schemas it checks choices with, load with its first opening. */
const ExportDialog = paneOnFirstOpening(
  () => useTransferStore((state) => state.exportOpen),
  () => import('./ExportDialog').then((module) => module.ExportDialog),
);
const ImportDialog = paneOnFirstOpening(
  () => useTransferStore((state) => state.importOpen),
  () => import('./ImportDialog').then((module) => module.ImportDialog),
);

/** File › Export and File › Import, rendered once by the App; each shows while it is open. */
export function TransferDialogs() {
  return (
    <>
      <ExportDialog />
      <ImportDialog />
    </>
  );
}
