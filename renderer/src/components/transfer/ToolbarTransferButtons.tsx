import { useSessionStore } from '../../store/sessionStore';
import { openExportDialog, openImportDialog } from '../../store/transferActions';
import { transferText } from './transferText';

export function ExportButton() {
  const language = useSessionStore((state) => state.language);
  const hasCorpus = useSessionStore((state) => state.corpus !== null);
  return (
    <button type="button" onClick={openExportDialog} disabled={!hasCorpus}>
      {transferText(language)('exportButton')}
    </button>
  );
}

export function ImportButton() {
  const language = useSessionStore((state) => state.language);
  return (
    <button type="button" onClick={openImportDialog}>
      {transferText(language)('importButton')}
    </button>
  );
}
