import type { ReactNode } from 'react';
import { tagSetRelationsCatalog } from '../../../i18n/catalog/tagSetRelations';
import { useCatalog } from '../../../i18n/useCatalog';

interface TypeIdentity {
  id: string;
  fa: string;
  en: string;
}

interface TypeCardProps {
  kind: 'relationKind' | 'eventKind';
  index: number;
  row: TypeIdentity;
  /** The card's name in labels: its id, or "unnamed … N" while it has none. */
  owner: string;
  disabled: boolean;
  testId: string;
  onChange: (change: Partial<TypeIdentity>) => void;
  onRemove: () => void;
  /** Controls after the labels in the card's head (a relation's symmetry). */
  headExtras?: ReactNode;
  children: ReactNode;
}

/** One relation or event type of the tag-set editor: id and labels in its head, its roles and attributes below. */
export function TypeCard({ kind, index, row, owner, disabled, testId, onChange, onRemove, headExtras, children }: TypeCardProps) {
  const t = useCatalog(tagSetRelationsCatalog);
  return (
    <fieldset className="type-card" data-testid={testId}>
      <legend>
        <bdi>{row.fa || row.en || row.id}</bdi>
      </legend>
      <div className="type-card-head">
        <input aria-label={t('idOf', { kind: t(kind), position: index + 1 })} value={row.id} disabled={disabled} dir="ltr" size={10} onChange={(event) => onChange({ id: event.target.value.trim() })} />
        <input aria-label={t('persianLabelOf', { owner })} value={row.fa} disabled={disabled} dir="rtl" size={10} onChange={(event) => onChange({ fa: event.target.value })} />
        <input aria-label={t('englishLabelOf', { owner })} value={row.en} disabled={disabled} dir="ltr" size={10} onChange={(event) => onChange({ en: event.target.value })} />
        {headExtras}
        <button type="button" aria-label={t('removeType', { owner })} disabled={disabled} onClick={onRemove}>
          ×
        </button>
      </div>
      {children}
    </fieldset>
  );
}
