import { EXPORT_FORMAT_IDS, JSONL_VARIANTS, TAGGING_SCHEMES, type JsonlVariant, type TaggingScheme } from '../../../../shared/formats/exportTypes';
import { EXPORT_SCOPES, type ExportScopeChoice } from '../../../../shared/transferWire';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { cancelExport, startExport } from '../../store/flows/transfer';
import { transferActions } from '../../store/transferStore';
import { useTransferStore, type ExportChoices } from '../../store/transferStore';
import { ExportReportView } from './ExportReportView';
import { SelectField } from '../app/SelectField';
import { TransferActions, TransferDialogFrame } from './TransferDialogFrame';
import { TransferForm } from './TransferForm';
import { TransferProgress } from './TransferProgress';
import { isolateText } from '../../i18n/template';
import { IsolatedText } from '../app/IsolatedText';
import { EXPORT_FORMAT_DESCRIPTIONS, transferText, type TransferTextKey } from './transferText';

const SCOPE_LABELS: Record<ExportScopeChoice, TransferTextKey> = { article: 'scopeArticle', corpus: 'scopeCorpus', done: 'scopeDone' };
const PHASE_LABELS = { listing: 'phaseListing', reading: 'phaseReading', writing: 'phaseWriting', done: 'phaseDone' } as const;
const SCHEME_NAMES: Record<TaggingScheme, string> = { iob2: 'IOB2', iob1: 'IOB1', bioes: 'BIOES' };
const VARIANT_LABELS: Record<JsonlVariant, TransferTextKey> = { label: 'variantLabel', entities: 'variantEntities' };

/** File › Export: format and options, then progress with Cancel, then the report. */
export function ExportDialog() {
  const open = useTransferStore((state) => state.exportOpen);
  const stage = useTransferStore((state) => state.exportStage);
  const choices = useTransferStore((state) => state.exportChoices);
  const progress = useTransferStore((state) => state.exportProgress);
  const result = useTransferStore((state) => state.exportResult);
  const error = useTransferStore((state) => state.exportError);
  const language = usePreferencesStore((state) => state.language);
  const hasArticle = useArticleViewStore((state) => state.article !== null);
  if (!open) return null;
  const text = transferText(language);
  const choose = (change: Partial<ExportChoices>) => transferActions.chooseExport(change);
  const tokenFormat = choices.format === 'conll' || choices.format === 'hf';

  return (
    <TransferDialogFrame title={text('exportTitle')} closeLabel={text('close')} onClose={transferActions.closeDialogs}>
      {stage === 'form' ? (
        <TransferForm onSubmit={() => void startExport()} error={error} submitLabel={text('chooseFolder')} closeLabel={text('close')} onClose={transferActions.closeDialogs}>
          <SelectField
            className="transfer-field"
            label={text('format')}
            value={choices.format}
            options={EXPORT_FORMAT_IDS.map((id) => ({ value: id, label: isolateText(`${EXPORT_FORMAT_DESCRIPTIONS[id].name} (${id})`) }))}
            onChange={(format) => choose({ format })}
          />
          <p className="transfer-description" data-testid="format-description" dir={language === 'fa' ? 'rtl' : 'ltr'}>
            <IsolatedText text={EXPORT_FORMAT_DESCRIPTIONS[choices.format][language]} />
          </p>
          <fieldset className="transfer-fieldset">
            <legend>{text('scope')}</legend>
            {EXPORT_SCOPES.map((scope) => (
              <label key={scope} className="transfer-choice">
                <input type="radio" name="export-scope" value={scope} checked={choices.scope === scope} disabled={scope === 'article' && !hasArticle} onChange={() => choose({ scope })} />
                {text(SCOPE_LABELS[scope])}
              </label>
            ))}
          </fieldset>
          {tokenFormat ? (
            <SelectField
              className="transfer-field"
              label={text('scheme')}
              value={choices.scheme}
              options={TAGGING_SCHEMES.map((scheme) => ({ value: scheme, label: SCHEME_NAMES[scheme] }))}
              onChange={(scheme) => choose({ scheme })}
            />
          ) : null}
          {choices.format === 'jsonl' ? (
            <SelectField
              className="transfer-field"
              label={text('jsonlVariant')}
              value={choices.jsonlVariant}
              options={JSONL_VARIANTS.map((variant) => ({ value: variant, label: text(VARIANT_LABELS[variant]) }))}
              onChange={(jsonlVariant) => choose({ jsonlVariant })}
            />
          ) : null}
          {choices.format === 'csv' ? (
            <label className="transfer-choice">
              <input type="checkbox" data-testid="export-excel" checked={choices.excel} onChange={(event) => choose({ excel: event.target.checked })} />
              {text('excelCsv')}
            </label>
          ) : null}
          <label className="transfer-choice">
            <input type="checkbox" checked={choices.allowLossy} onChange={(event) => choose({ allowLossy: event.target.checked })} />
            {text('allowLossy')}
          </label>
        </TransferForm>
      ) : null}
      {stage === 'running' ? (
        <TransferProgress
          label={text(PHASE_LABELS[progress?.phase ?? 'listing'])}
          fraction={progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null}
          detail={progress && progress.total > 0 ? `${progress.done} / ${progress.total}` : ''}
          cancelLabel={text('cancel')}
          onCancel={() => void cancelExport()}
        />
      ) : null}
      {stage === 'finished' && result ? (
        <>
          {result.outcome === 'cancelled' ? (
            <p role="status" data-testid="export-cancelled">
              {text('cancelled')}
            </p>
          ) : null}
          {result.outcome === 'finished' ? <ExportReportView result={result} text={text} language={language} /> : null}
          <TransferActions againLabel={text('back')} onAgain={transferActions.openExportDialog} closeLabel={text('close')} onClose={transferActions.closeDialogs} />
        </>
      ) : null}
    </TransferDialogFrame>
  );
}
