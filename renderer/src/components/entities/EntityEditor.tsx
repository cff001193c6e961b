import { useState } from 'react';
import { displayName } from '../../../../shared/entities/entityLookup';
import type { Entity } from '../../../../shared/entities/registry';
import { isWikidataId } from '../../../../shared/entities/wikidataId';
import { entitiesCatalog } from '../../i18n/catalog/entities';
import { useCatalog } from '../../i18n/useCatalog';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { NO_ITEMS } from '../../store/emptyArrays';
import { useEntityStore } from '../../store/entities/entityStore';
import { editEntities, openEntityView } from '../../store/entities/entityFlows';
import { usePreferencesStore } from '../../store/preferencesStore';

/** The entity view's form (#24): names, aliases, QID and note, and merging another entity into this one. */
export function EntityEditor({ entity }: { entity: Entity }) {
  const t = useCatalog(entitiesCatalog);
  const language = usePreferencesStore((state) => state.language);
  const types = useCorpusViewStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  const registry = useEntityStore((state) => state.registry);
  const others = registry.entities.filter((other) => other.id !== entity.id);
  const busy = useEntityStore((state) => state.busy);
  const [fa, setFa] = useState(entity.names.fa ?? '');
  const [latin, setLatin] = useState(entity.names.latin ?? '');
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [wikidata, setWikidata] = useState(entity.wikidata ?? '');
  const [note, setNote] = useState(entity.note ?? '');
  const [type, setType] = useState(entity.type);
  const [absorbed, setAbsorbed] = useState('');
  // The entity's own type stays choosable when the tag set no longer has it.
  const typeChoices = [...(types.some((item) => item.id === entity.type) ? [] : [{ id: entity.type, label: entity.type }]), ...types.map((item) => ({ id: item.id, label: `${item.label[language]} · ${item.id}` }))];
  const qidOk = wikidata.trim() === '' || isWikidataId(wikidata.trim());

  const save = async () => {
    const ok = await editEntities({ kind: 'update', id: entity.id, type, fa, latin, wikidata: wikidata.trim(), note, aliases: aliases.split('\n').filter((alias) => alias.trim() !== '') });
    if (ok) await openEntityView(entity.id);
  };
  const merge = async () => {
    if (absorbed !== '' && (await editEntities({ kind: 'merge', kept: entity.id, absorbed }))) await openEntityView(entity.id);
  };

  return (
    <form
      className="entity-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (qidOk) void save();
      }}
    >
      <label className="field">
        <span>{t('persianName')}</span>
        <input type="text" dir="rtl" value={fa} onChange={(event) => setFa(event.target.value)} data-testid="entity-fa" />
      </label>
      <label className="field">
        <span>{t('latinName')}</span>
        <input type="text" dir="ltr" value={latin} onChange={(event) => setLatin(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('type')}</span>
        <select value={type} onChange={(event) => setType(event.target.value)}>
          {typeChoices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('aliases')}</span>
        <textarea dir="auto" rows={3} value={aliases} onChange={(event) => setAliases(event.target.value)} data-testid="entity-aliases" />
      </label>
      <label className="field">
        <span>{t('wikidata')}</span>
        <input type="text" dir="ltr" value={wikidata} aria-invalid={!qidOk} onChange={(event) => setWikidata(event.target.value)} />
      </label>
      {qidOk ? null : <p className="problem">{t('badQid')}</p>}
      <label className="field">
        <span>{t('note')}</span>
        <textarea dir="auto" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || !qidOk} data-testid="entity-save">
        {t('save')}
      </button>
      <fieldset className="entity-merge">
        <legend>{t('mergeInto')}</legend>
        <select value={absorbed} onChange={(event) => setAbsorbed(event.target.value)} aria-label={t('mergeInto')} data-testid="entity-merge-choice">
          <option value="">{t('choose')}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {displayName(other, language)} ({other.type})
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || absorbed === ''} onClick={() => void merge()} data-testid="entity-merge">
          {t('merge')}
        </button>
      </fieldset>
    </form>
  );
}
