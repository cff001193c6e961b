import { tagSetRelationsCatalog } from '../../../i18n/catalog/tagSetRelations';
import { useCatalog } from '../../../i18n/useCatalog';
import { newAttribute, type EditableAttribute } from './relationTypeEdits';

interface AttributeRowsProps {
  owner: string;
  attributes: EditableAttribute[];
  disabled: boolean;
  onChange: (attributes: EditableAttribute[]) => void;
}

const KINDS = [
  { type: 'boolean', word: 'kindBoolean' },
  { type: 'enum', word: 'kindEnum' },
  { type: 'text', word: 'kindText' },
] as const;

/** The attributes of a relation or event type: id, labels, kind (yes/no, choice, text) and a choice's values. */
export function AttributeRows({ owner, attributes, disabled, onChange }: AttributeRowsProps) {
  const t = useCatalog(tagSetRelationsCatalog);
  const update = (index: number, change: Partial<EditableAttribute>) => onChange(attributes.map((attribute, position) => (position === index ? { ...attribute, ...change } : attribute)));
  return (
    <div className="attribute-rows">
      <span className="role-caption">{t('attributes')}</span>
      {attributes.map((attribute, index) => {
        const name = attribute.id || String(index + 1);
        return (
          <div key={index} className="attribute-row" data-testid="attribute-row">
            <input aria-label={t('attributeIdOf', { position: index + 1, owner })} value={attribute.id} disabled={disabled} dir="ltr" size={8} onChange={(event) => update(index, { id: event.target.value.trim() })} />
            <input aria-label={t('attributePersianOf', { attribute: name, owner })} value={attribute.fa} disabled={disabled} dir="rtl" size={8} onChange={(event) => update(index, { fa: event.target.value })} />
            <input aria-label={t('attributeEnglishOf', { attribute: name, owner })} value={attribute.en} disabled={disabled} dir="ltr" size={8} onChange={(event) => update(index, { en: event.target.value })} />
            <select aria-label={t('attributeKindOf', { attribute: name, owner })} value={attribute.type} disabled={disabled} onChange={(event) => update(index, { type: KINDS.find((kind) => kind.type === event.target.value)?.type ?? 'boolean' })}>
              {KINDS.map((kind) => (
                <option key={kind.type} value={kind.type}>
                  {t(kind.word)}
                </option>
              ))}
            </select>
            {attribute.type === 'enum' ? (
              <input aria-label={t('attributeValuesOf', { attribute: name, owner })} placeholder={t('valuesPlaceholder')} value={attribute.values} disabled={disabled} dir="auto" size={14} onChange={(event) => update(index, { values: event.target.value })} />
            ) : null}
            <button type="button" aria-label={t('removeAttribute', { attribute: name, owner })} disabled={disabled} onClick={() => onChange(attributes.filter((_, position) => position !== index))}>
              ×
            </button>
          </div>
        );
      })}
      <button type="button" aria-label={t('addAttributeTo', { owner })} disabled={disabled} onClick={() => onChange([...attributes, newAttribute(attributes.length + 1)])}>
        {t('addAttribute')}
      </button>
    </div>
  );
}
