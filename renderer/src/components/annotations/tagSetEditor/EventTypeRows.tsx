import { tagSetRelationsCatalog } from '../../../i18n/catalog/tagSetRelations';
import { useCatalog } from '../../../i18n/useCatalog';
import { AttributeRows } from './AttributeRows';
import { RoleEditor, type TypeOption } from './RoleEditor';
import { TypeCard } from './TypeCard';
import { newEventRow, newRole, type EditableEvent } from './relationTypeEdits';

interface EventTypeRowsProps {
  rows: EditableEvent[];
  /** The types a role may allow: entity types, `<ENTITY>`, event types and `<EVENT>`. */
  options: readonly TypeOption[];
  disabled: boolean;
  onChange: (rows: EditableEvent[]) => void;
}

/**
 * The tag set's event types: id, labels, roles (name, allowed types, how many) and attributes.
 * An event is tagged on its trigger in the article, but it is not one of the entity span tags.
 */
export function EventTypeRows({ rows, options, disabled, onChange }: EventTypeRowsProps) {
  const t = useCatalog(tagSetRelationsCatalog);
  const update = (index: number, change: Partial<EditableEvent>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...change } : row)));
  return (
    <section className="event-type-rows" aria-labelledby="tagset-event-types">
      <h3 id="tagset-event-types">{t('eventTypes')}</h3>
      {rows.length === 0 ? <p className="muted">{t('noEventTypes')}</p> : null}
      {rows.map((row, index) => {
        const owner = row.id || t('unnamed', { kind: t('eventKind'), position: index + 1 });
        return (
          <TypeCard
            key={index}
            kind="eventKind"
            index={index}
            row={row}
            owner={owner}
            disabled={disabled}
            testId="event-type-row"
            onChange={(change) => update(index, change)}
            onRemove={() => onChange(rows.filter((_, position) => position !== index))}
          >
            {row.roles.map((role, roleIndex) => (
              <RoleEditor
                key={roleIndex}
                owner={owner}
                position={roleIndex + 1}
                role={role}
                options={options}
                disabled={disabled}
                withCardinality
                onRemove={() => update(index, { roles: row.roles.filter((_, position) => position !== roleIndex) })}
                onChange={(changed) => update(index, { roles: row.roles.map((entry, position) => (position === roleIndex ? changed : entry)) })}
              />
            ))}
            <button type="button" aria-label={t('addRoleTo', { owner })} disabled={disabled} onClick={() => update(index, { roles: [...row.roles, newRole(`Role${row.roles.length + 1}`)] })}>
              {t('addRole')}
            </button>
            <AttributeRows owner={owner} attributes={row.attributes} disabled={disabled} onChange={(attributes) => update(index, { attributes })} />
          </TypeCard>
        );
      })}
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, newEventRow(rows.length + 1)])}>
        {t('newEventType')}
      </button>
    </section>
  );
}
