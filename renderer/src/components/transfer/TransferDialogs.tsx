import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** File › Export and File › Import, rendered once by the App; each shows itself when opened. */
export function TransferDialogs() {
  return (
    <>
      <ExportDialog />
      <ImportDialog />
    </>
  );
}
