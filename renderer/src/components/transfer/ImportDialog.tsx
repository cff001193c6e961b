import { IMPORT_FORMATS } from '../../../../shared/formats/import/importTypes';
import { IMPORT_SOURCE_KINDS } from '../../../../shared/transferWire';
import { usePreferencesStore } from '../../store/preferencesStore';
import { cancelImport, openImportedCorpus, startImport } from '../../store/flows/transfer';
import { transferActions } from '../../store/transferStore';
import { useTransferStore, type ImportChoices } from '../../store/transferStore';
import { ImportSummaryView } from './ImportSummaryView';
import { SelectField } from '../app/SelectField';
import { TransferActions, TransferDialogFrame } from './TransferDialogFrame';
import { TransferError, TransferForm } from './TransferForm';
import { TransferProgress } from './TransferProgress';
import { isolateText } from '../../i18n/template';
import { IsolatedText } from '../app/IsolatedText';
import { IMPORT_FORMAT_DESCRIPTIONS, transferText } from './transferText';

const SEPARATORS: { value: ImportChoices['separator']; label: string }[] = [
  { value: 'auto', label: '' },
  { value: 'tab', label: 'tab' },
  { value: 'space', label: 'space' },
  { value: 'pipe', label: '|' },
];
const SCHEMES: { value: ImportChoices['scheme']; label: string }[] = [
  { value: 'auto', label: '' },
  { value: 'iob2', label: 'IOB2' },
  { value: 'iob1', label: 'IOB1' },
  { value: 'bioes', label: 'BIOES' },
  { value: 'io', label: 'IO' },
];

/** File › Import: the source format and options, then progress with Cancel, then the summary. */
export function ImportDialog() {
  const open = useTransferStore((state) => state.importOpen);
  const stage = useTransferStore((state) => state.importStage);
  const choices = useTransferStore((state) => state.importChoices);
  const progress = useTransferStore((state) => state.importProgress);
  const result = useTransferStore((state) => state.importResult);
  const error = useTransferStore((state) => state.importError);
  const language = usePreferencesStore((state) => state.language);
  if (!open) return null;
  const text = transferText(language);
  const choose = (change: Partial<ImportChoices>) => transferActions.chooseImport(change);
  const tokenized = choices.from === 'conll' || choices.from === 'hf';

  return (
    <TransferDialogFrame title={text('importTitle')} closeLabel={text('close')} onClose={transferActions.closeDialogs}>
      {stage === 'form' ? (
        <TransferForm onSubmit={() => void startImport()} error={error} submitLabel={text('chooseSource')} closeLabel={text('close')} onClose={transferActions.closeDialogs}>
          <SelectField
            className="transfer-field"
            label={text('from')}
            value={choices.from}
            options={IMPORT_FORMATS.map((id) => ({ value: id, label: isolateText(`${IMPORT_FORMAT_DESCRIPTIONS[id].name} (${id})`) }))}
            onChange={(from) => choose({ from })}
          />
          <p className="transfer-description" dir={language === 'fa' ? 'rtl' : 'ltr'}>
            <IsolatedText text={IMPORT_FORMAT_DESCRIPTIONS[choices.from][language]} />
          </p>
          {choices.from !== 'brat' ? (
            <fieldset className="transfer-fieldset">
              <legend>{text('source')}</legend>
              {IMPORT_SOURCE_KINDS.map((kind) => (
                <label key={kind} className="transfer-choice">
                  <input type="radio" name="import-source" value={kind} checked={choices.sourceKind === kind} onChange={() => choose({ sourceKind: kind })} />
                  {text(kind === 'file' ? 'sourceFile' : 'sourceFolder')}
                </label>
              ))}
            </fieldset>
          ) : null}
          {choices.from === 'conll' ? (
            <SelectField
              className="transfer-field"
              label={text('separator')}
              value={choices.separator}
              options={SEPARATORS.map((separator) => ({ value: separator.value, label: separator.value === 'auto' ? text('auto') : separator.label }))}
              onChange={(separator) => choose({ separator })}
            />
          ) : null}
          {tokenized ? (
            <>
              <SelectField
                className="transfer-field"
                label={text('importScheme')}
                value={choices.scheme}
                options={SCHEMES.map((scheme) => ({ value: scheme.value, label: scheme.value === 'auto' ? text('auto') : scheme.label }))}
                onChange={(scheme) => choose({ scheme })}
              />
              <label className="transfer-field">
                <span>{text('sentencesPerArticle')}</span>
                <input type="text" inputMode="numeric" dir="ltr" placeholder="50" value={choices.sentencesPerArticle} onChange={(event) => choose({ sentencesPerArticle: event.target.value })} />
              </label>
            </>
          ) : null}
        </TransferForm>
      ) : null}
      {stage === 'running' ? (
        <TransferProgress
          label={`${text(progress?.phase === 'writing' ? 'importPhaseWriting' : 'importPhaseReading')}${progress ? ` · ${progress.file}` : ''}`}
          fraction={progress ? progress.fraction : null}
          detail={progress ? `${progress.filesDone} / ${progress.filesTotal} · ${progress.articlesWritten} ${text('articles')}` : ''}
          cancelLabel={text('cancel')}
          onCancel={() => void cancelImport()}
        />
      ) : null}
      {stage === 'finished' && result ? (
        <>
          <ImportSummaryView result={result} text={text} />
          <TransferError problem={error} />
          <TransferActions againLabel={text('importAgain')} onAgain={transferActions.openImportDialog} closeLabel={text('close')} onClose={transferActions.closeDialogs}>
            {result.articles > 0 ? (
              <button type="button" className="primary" onClick={() => void openImportedCorpus()}>
                {text('openImported')}
              </button>
            ) : null}
          </TransferActions>
        </>
      ) : null}
    </TransferDialogFrame>
  );
}
