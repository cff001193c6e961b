import { tagSetRelationsCatalog } from '../../../i18n/catalog/tagSetRelations';
import { useCatalog } from '../../../i18n/useCatalog';
import { AttributeRows } from './AttributeRows';
import { RoleEditor, type TypeOption } from './RoleEditor';
import { TypeCard } from './TypeCard';
import { newRelationRow, type EditableRelation } from './relationTypeEdits';

interface RelationTypeRowsProps {
  rows: EditableRelation[];
  /** The entity types a relation's ends may allow (and `<ENTITY>`). */
  options: readonly TypeOption[];
  disabled: boolean;
  onChange: (rows: EditableRelation[]) => void;
}

/** The tag set's relation types: id, labels, the two ends (role name, allowed types), symmetry, attributes. */
export function RelationTypeRows({ rows, options, disabled, onChange }: RelationTypeRowsProps) {
  const t = useCatalog(tagSetRelationsCatalog);
  const update = (index: number, change: Partial<EditableRelation>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...change } : row)));
  return (
    <section className="relation-type-rows" aria-labelledby="tagset-relation-types">
      <h3 id="tagset-relation-types">{t('relationTypes')}</h3>
      {rows.length === 0 ? <p className="muted">{t('noRelationTypes')}</p> : null}
      {rows.map((row, index) => {
        const owner = row.id || t('unnamed', { kind: t('relationKind'), position: index + 1 });
        return (
          <TypeCard
            key={index}
            kind="relationKind"
            index={index}
            row={row}
            owner={owner}
            disabled={disabled}
            testId="relation-type-row"
            onChange={(change) => update(index, change)}
            onRemove={() => onChange(rows.filter((_, position) => position !== index))}
            headExtras={
                <label title={t('symmetricOf', { owner })}>
                  <input type="checkbox" aria-label={t('symmetricOf', { owner })} checked={row.symmetric} disabled={disabled} onChange={(event) => update(index, { symmetric: event.target.checked })} />
                  {t('symmetric')}
                </label>
            }
          >
            {row.args.map((role, end) => (
              <RoleEditor
                key={end}
                owner={owner}
                position={end + 1}
                role={role}
                options={options}
                disabled={disabled}
                caption={end === 0 ? t('fromRole') : t('toRole')}
                onChange={(changed) => update(index, { args: end === 0 ? [changed, row.args[1]] : [row.args[0], changed] })}
              />
            ))}
            <AttributeRows owner={owner} attributes={row.attributes} disabled={disabled} onChange={(attributes) => update(index, { attributes })} />
          </TypeCard>
        );
      })}
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, newRelationRow(rows.length + 1)])}>
        {t('newRelationType')}
      </button>
    </section>
  );
}
