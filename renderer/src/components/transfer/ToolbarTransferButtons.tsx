import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { transferActions } from '../../store/transferStore';
import { transferText } from './transferText';

export function ExportButton() {
  const language = usePreferencesStore((state) => state.language);
  const hasCorpus = useCorpusViewStore((state) => state.corpus !== null);
  return (
    <button type="button" onClick={transferActions.openExportDialog} disabled={!hasCorpus}>
      {transferText(language)('exportButton')}
    </button>
  );
}

export function ImportButton() {
  const language = usePreferencesStore((state) => state.language);
  return (
    <button type="button" onClick={transferActions.openImportDialog}>
      {transferText(language)('importButton')}
    </button>
  );
}
