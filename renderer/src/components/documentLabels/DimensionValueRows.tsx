import { useState, type KeyboardEvent } from 'react';
import { dimensionKeyOfPress } from '../../../../shared/documentLabels/resolvedDimension';
import { hotkeyLabel } from '../../../../shared/tagset/hotkeys';
import { documentLabelsCatalog } from '../../i18n/catalog/documentLabels';
import { useCatalog } from '../../i18n/useCatalog';
import { keyLabelDigits, formatNumber } from '../../i18n/formatNumber';
import { usePreferencesStore } from '../../store/preferencesStore';
import { emptyValueRow, type ValueRow } from './dimensionRows';

/**
 * (#21) A key taken from a key press by `KeyboardEvent.code` (so a Persian layout gives the same
 * key): Alt+Digit or Alt+Shift+Digit; Delete or Backspace gives it back (automatic); any other
 * chord is refused with a reason, and Tab still moves on.
 */
function KeyChordField({ value, onChange, label }: { value: string; onChange: (chord: string) => void; label: string }) {
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const [refused, setRefused] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab' || event.key === 'Escape') return;
    event.preventDefault();
    if (['Alt', 'Shift', 'Control', 'Meta'].includes(event.key)) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      setRefused(false);
      onChange('');
      return;
    }
    const chord = dimensionKeyOfPress(event);
    setRefused(chord === null);
    if (chord) onChange(chord);
  };
  return (
    <span className="key-chord">
      <input
        className="key-chord-input"
        aria-label={label}
        title={t('keyPressHint')}
        readOnly
        dir="ltr"
        size={10}
        value={value ? keyLabelDigits(hotkeyLabel(value), language) : t('keyAutomatic')}
        data-chord={value}
        onKeyDown={onKeyDown}
      />
      {refused ? (
        <span className="error" role="alert">
          {t('notAltKey')}
        </span>
      ) : null}
    </span>
  );
}

/**
 * (#21) A dimension's values, one row each: id, Persian and English label, guideline and key. A
 * scale's points have fixed ids (the numbers its bounds give), so no row is added or removed.
 */
export function DimensionValueRows({ values, scale, onChange }: { values: readonly ValueRow[]; scale: boolean; onChange: (values: ValueRow[]) => void }) {
  const language = usePreferencesStore((state) => state.language);
  const t = useCatalog(documentLabelsCatalog);
  const update = (index: number, change: Partial<ValueRow>) => onChange(values.map((value, position) => (position === index ? { ...value, ...change } : value)));
  return (
    <div className="dimension-values">
      <table>
        <caption>{scale ? t('scalePoints') : t('values')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('valueId')}</th>
            <th scope="col">{t('labelFa')}</th>
            <th scope="col">{t('labelEn')}</th>
            <th scope="col">{t('guideline')}</th>
            <th scope="col">{t('valueKey')}</th>
            {scale ? null : <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {values.map((value, index) => (
            <tr key={index} data-testid="dimension-value" data-value-id={value.id}>
              <td>
                {scale ? (
                  <span>{formatNumber(Number(value.id), language)}</span>
                ) : (
                  <input aria-label={t('valueId')} name="value-id" dir="ltr" size={8} value={value.id} onChange={(event) => update(index, { id: event.target.value.trim() })} />
                )}
              </td>
              <td>
                <input aria-label={t('labelFa')} name="value-fa" dir="rtl" size={10} value={value.fa} onChange={(event) => update(index, { fa: event.target.value })} />
              </td>
              <td>
                <input aria-label={t('labelEn')} name="value-en" dir="ltr" size={10} value={value.en} onChange={(event) => update(index, { en: event.target.value })} />
              </td>
              <td>
                <input aria-label={t('guideline')} name="value-guideline" dir="auto" size={14} value={value.guideline} onChange={(event) => update(index, { guideline: event.target.value })} />
              </td>
              <td>
                <KeyChordField label={t('valueKey')} value={value.hotkey} onChange={(hotkey) => update(index, { hotkey })} />
              </td>
              {scale ? null : (
                <td>
                  <button type="button" className="link-button" aria-label={t('removeValue', { value: value.id })} onClick={() => onChange(values.filter((_, position) => position !== index))}>
                    ×
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {scale ? null : (
        <button type="button" onClick={() => onChange([...values, emptyValueRow()])} data-testid="add-value">
          {t('addValue')}
        </button>
      )}
    </div>
  );
}
