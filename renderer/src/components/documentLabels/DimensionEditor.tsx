import { useState } from 'react';
import { ModalDialog } from '../app/ModalDialog';
import { api } from '../../api';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { problemOf } from '../../ipcError';
import { problemText } from '../../i18n/problemMessages';
import { saveTagSet } from '../../store/flows/corpus';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { useCatalog } from '../../i18n/useCatalog';
import { DIMENSION_KINDS, type DimensionKind } from '../../../../shared/documentLabels/dimensions';
import { emptyDimensionRow, toDimensionInputs, toDimensionRows, type DimensionRow } from './dimensionRows';

const KIND_WORDS = { single: 'kindSingle', multi: 'kindMulti', scale: 'kindScale', text: 'kindText' } as const;

/** (#21) The tag set's document-label dimensions: added, described, given values, removed; saved into hashiye.json. */
export function DimensionEditor({ onClose }: { onClose: () => void }) {
  const corpus = useCorpusViewStore((state) => state.corpus);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const [rows, setRows] = useState<DimensionRow[]>(() => toDimensionRows(corpus?.tagSet.dimensions ?? []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!corpus) return null;
  const update = (index: number, change: Partial<DimensionRow>) => setRows((previous) => previous.map((row, position) => (position === index ? { ...row, ...change } : row)));

  const save = async () => {
    const result = toDimensionInputs(rows);
    if ('problem' in result) {
      setError(t(result.problem.key, 'id' in result.problem ? { id: result.problem.id } : undefined));
      return;
    }
    setBusy(true);
    try {
      await saveTagSet(() => api().tagset.saveDimensions({ dimensions: result.dimensions }));
      onClose();
    } catch (cause) {
      setError(t('saveFailed', { reason: problemText(problemOf(cause), language) }));
      setBusy(false);
    }
  };

  return (
    <ModalDialog className="sheet dimension-editor" label={t('editorTitle')} onEscape={onClose} testId="dimension-editor">
      <h2>{t('editorTitle')}</h2>
      <p className="hint">{t('editorIntro')}</p>
      {rows.map((row, index) => (
        <fieldset key={index} className="dimension-fields" data-testid="dimension-row">
          <legend>{row.id}</legend>
          <label>
            {t('dimensionId')} <input value={row.id} dir="ltr" size={12} onChange={(event) => update(index, { id: event.target.value.trim() })} />
          </label>
          <label>
            {t('kind')}{' '}
            <select value={row.kind} onChange={(event) => update(index, { kind: event.target.value as DimensionKind })}>
              {DIMENSION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(KIND_WORDS[kind])}
                </option>
              ))}
            </select>
          </label>
          {row.kind === 'scale' ? (
            <label>
              {t('scaleLevel')}{' '}
              <select value={row.level} onChange={(event) => update(index, { level: event.target.value === 'interval' ? 'interval' : 'ordinal' })}>
                <option value="ordinal">{t('levelOrdinal')}</option>
                <option value="interval">{t('levelInterval')}</option>
              </select>
            </label>
          ) : null}
          <label>
            {t('labelFa')} <input value={row.fa} dir="rtl" size={14} onChange={(event) => update(index, { fa: event.target.value })} />
          </label>
          <label>
            {t('labelEn')} <input value={row.en} dir="ltr" size={14} onChange={(event) => update(index, { en: event.target.value })} />
          </label>
          <label className="dimension-guideline">
            {t('guideline')} <input value={row.guideline} dir="auto" onChange={(event) => update(index, { guideline: event.target.value })} />
          </label>
          {row.kind === 'text' ? null : (
            <label className="dimension-values">
              {t('values')}
              <textarea value={row.valuesText} dir="auto" rows={4} onChange={(event) => update(index, { valuesText: event.target.value })} />
            </label>
          )}
          <button type="button" onClick={() => setRows((previous) => previous.filter((_, position) => position !== index))}>
            {t('removeDimension')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows((previous) => [...previous, emptyDimensionRow(previous.length + 1)])}>
        {t('addDimension')}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('save')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
