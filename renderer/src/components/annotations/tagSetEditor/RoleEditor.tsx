import { bratSuffixOfCardinality } from '../../../../../shared/tagset/relationTypes';
import { tagSetRelationsCatalog } from '../../../i18n/catalog/tagSetRelations';
import { useCatalog } from '../../../i18n/useCatalog';
import { CARDINALITY_CHOICES, cardinalityKeyOf, toggledType, type CardinalityKey, type EditableRole } from './relationTypeEdits';

/** A type a role may allow: `key` is what the role stores, `id` the type's id as it stands, `label` what the user reads. */
export interface TypeOption {
  key: string;
  id: string;
  label: string;
}

const CARDINALITY_WORDS: Record<CardinalityKey, 'cardinalityOne' | 'cardinalityOptional' | 'cardinalityAny' | 'cardinalityMany'> = {
  one: 'cardinalityOne',
  optional: 'cardinalityOptional',
  any: 'cardinalityAny',
  many: 'cardinalityMany',
};

interface RoleEditorProps {
  owner: string;
  position: number;
  role: EditableRole;
  options: readonly TypeOption[];
  disabled: boolean;
  /** Shown before the role name (From / To for a relation's two ends). */
  caption?: string;
  /** Events only: how many arguments the role takes, and a way to remove the role. */
  withCardinality?: boolean;
  onRemove?: () => void;
  onChange: (role: EditableRole) => void;
}

/** One role: its name, the types it allows (ticked from the tag set), and for events how many it takes. */
export function RoleEditor({ owner, position, role, options, disabled, caption, withCardinality, onRemove, onChange }: RoleEditorProps) {
  const t = useCatalog(tagSetRelationsCatalog);
  const roleName = role.role || String(position);
  // A type the role allows that the tag set no longer has is still listed, so that it can be unticked.
  const strays = role.types.filter((type) => !options.some((option) => option.key === type)).map((type) => ({ key: type, id: type, label: t('notInTagSet', { type }) }));
  const cardinality = cardinalityKeyOf(role);
  return (
    <div className="role-editor" data-testid="role-editor">
      {caption ? <span className="role-caption">{caption}</span> : null}
      <input aria-label={t('roleNameOf', { position, owner })} value={role.role} disabled={disabled} dir="ltr" size={9} onChange={(event) => onChange({ ...role, role: event.target.value.trim() })} />
      {withCardinality ? (
        <select
          aria-label={t('cardinalityOf', { role: roleName, owner })}
          value={cardinality ?? 'custom'}
          disabled={disabled}
          onChange={(event) => {
            const choice = CARDINALITY_CHOICES.find((entry) => entry.key === event.target.value);
            if (choice) onChange({ ...role, min: choice.min, max: choice.max });
          }}
        >
          {CARDINALITY_CHOICES.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {t(CARDINALITY_WORDS[choice.key])}
            </option>
          ))}
          {cardinality === null ? (
            <option value="custom" title={bratSuffixOfCardinality({ min: role.min, max: role.max })}>
              {role.max === null ? t('cardinalityFrom', { min: role.min }) : t('cardinalityRange', { min: role.min, max: role.max })}
            </option>
          ) : null}
        </select>
      ) : null}
      <ul className="role-types" role="group" aria-label={t('allowedTypesOf', { role: roleName, owner })}>
        {[...options, ...strays].map((option) => (
          <li key={option.key}>
            <label className={strays.includes(option) ? 'stray' : undefined} title={option.id}>
              <input
                type="checkbox"
                aria-label={t('allowTypeIn', { type: option.id, role: roleName, owner })}
                checked={role.types.includes(option.key)}
                disabled={disabled}
                onChange={(event) => onChange({ ...role, types: toggledType(role.types, option.key, event.target.checked) })}
              />
              <bdi>{option.label}</bdi>
            </label>
          </li>
        ))}
      </ul>
      {onRemove ? (
        <button type="button" aria-label={t('removeRole', { role: roleName, owner })} disabled={disabled} onClick={onRemove}>
          ×
        </button>
      ) : null}
    </div>
  );
}
