import { useState } from 'react';
import { ModalDialog } from '../app/ModalDialog';
import { FormField } from '../app/FormField';
import { SelectField } from '../app/SelectField';
import { api } from '../../api';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { problemOf } from '../../ipcError';
import { problemText } from '../../i18n/problemMessages';
import { saveTagSet } from '../../store/flows/corpus';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { useCatalog } from '../../i18n/useCatalog';
import { formatNumber, keyLabelDigits } from '../../i18n/formatNumber';
import { hotkeyLabel } from '../../../../shared/tagset/hotkeys';
import { DIMENSION_KINDS, type DimensionKind } from '../../../../shared/documentLabels/resolvedDimension';
import { emptyDimensionRow, toDimensionInputs, toDimensionRows, withKind, withScaleBounds, type DimensionRow, type RowProblem } from './dimensionRows';
import { DimensionValueRows } from './DimensionValueRows';

const KIND_WORDS = { single: 'kindSingle', multi: 'kindMulti', scale: 'kindScale', text: 'kindText' } as const;

/** A problem with the rows in the UI's language (numbers and keys in its digits). */
function useRowProblemText(): (problem: RowProblem) => string {
  const t = useCatalog(documentLabelsCatalog);
  const language = usePreferencesStore((state) => state.language);
  return (problem) => {
    switch (problem.key) {
      case 'badId':
        return t('badId');
      case 'badScale':
        return t('badScale', { id: problem.id, points: formatNumber(problem.points, language) });
      case 'duplicateValue':
        return t('duplicateValue', { id: problem.id, value: problem.value });
      case 'keyClash':
        return t('keyClash', { chord: keyLabelDigits(hotkeyLabel(problem.chord), language), first: problem.first, second: problem.second });
      default:
        return t(problem.key, { id: problem.id });
    }
  };
}

/** One dimension's fields: id, kind, labels, guideline; a scale's bounds and level; its values. */
function DimensionFields({ row, onChange, onRemove }: { row: DimensionRow; onChange: (row: DimensionRow) => void; onRemove: () => void }) {
  const t = useCatalog(documentLabelsCatalog);
  return (
    <fieldset className="dimension-fields" data-testid="dimension-row" data-dimension-id={row.id}>
      <legend>
        <bdi>{row.id}</bdi>
      </legend>
      <FormField label={t('dimensionId')} name="dimension-id" dir="ltr" size={12} value={row.id} onChange={(id) => onChange({ ...row, id: id.trim() })} />
      <SelectField label={t('kind')} value={row.kind} options={DIMENSION_KINDS.map((kind) => ({ value: kind, label: t(KIND_WORDS[kind]) }))} onChange={(kind: DimensionKind) => onChange(withKind(row, kind))} className="form-field" />
      <FormField label={t('labelFa')} name="dimension-fa" dir="rtl" size={14} value={row.fa} onChange={(fa) => onChange({ ...row, fa })} />
      <FormField label={t('labelEn')} name="dimension-en" dir="ltr" size={14} value={row.en} onChange={(en) => onChange({ ...row, en })} />
      <FormField label={t('guideline')} name="dimension-guideline" className="form-field dimension-guideline" dir="auto" value={row.guideline} onChange={(guideline) => onChange({ ...row, guideline })} />
      {row.kind === 'scale' ? (
        <>
          <FormField label={t('scaleMin')} name="scale-min" dir="ltr" size={4} value={row.min} onChange={(min) => onChange(withScaleBounds(row, min, row.max))} />
          <FormField label={t('scaleMax')} name="scale-max" dir="ltr" size={4} value={row.max} onChange={(max) => onChange(withScaleBounds(row, row.min, max))} />
          <SelectField
            label={t('scaleLevel')}
            className="form-field"
            value={row.level}
            options={[
              { value: 'ordinal', label: t('levelOrdinal') },
              { value: 'interval', label: t('levelInterval') },
            ]}
            onChange={(level) => onChange({ ...row, level })}
          />
        </>
      ) : null}
      {row.kind === 'text' ? null : <DimensionValueRows values={row.values} scale={row.kind === 'scale'} onChange={(values) => onChange({ ...row, values })} />}
      <button type="button" onClick={onRemove}>
        {t('removeDimension')}
      </button>
    </fieldset>
  );
}

/**
 * (#21) The tag set's document-label dimensions: added, described, each value given its labels,
 * guideline and key, removed; checked (ids, bounds, key clashes) before they are saved into
 * hashiye.json.
 */
export function DimensionEditor({ onClose }: { onClose: () => void }) {
  const corpus = useCorpusViewStore((state) => state.corpus);
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const rowProblemText = useRowProblemText();
  const [rows, setRows] = useState<DimensionRow[]>(() => toDimensionRows(corpus?.tagSet.dimensions ?? []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!corpus) return null;

  const save = async () => {
    const result = toDimensionInputs(rows);
    if ('problem' in result) {
      setError(rowProblemText(result.problem));
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
        <DimensionFields
          key={index}
          row={row}
          onChange={(next) => setRows((previous) => previous.map((candidate, position) => (position === index ? next : candidate)))}
          onRemove={() => setRows((previous) => previous.filter((_, position) => position !== index))}
        />
      ))}
      <button type="button" onClick={() => setRows((previous) => [...previous, emptyDimensionRow(previous.length + 1)])}>
        {t('addDimension')}
      </button>
      {error ? (
        <p className="error" role="alert" data-testid="dimension-editor-error">
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
