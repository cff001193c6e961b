import { ModalDialog } from '../app/ModalDialog';
import { useRef, useState } from 'react';
import type { TagTypeWire } from '../../../../shared/corpusWire';
import { api } from '../../api';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { problemOf } from '../../ipcError';
import { problemText } from '../../i18n/problemMessages';
import { saveTagSet } from '../../store/flows/corpus';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { useCatalog } from '../../i18n/useCatalog';
import { tagSetRelationsCatalog } from '../../i18n/catalog/tagSetRelations';
import { ANY_ENTITY, ANY_EVENT } from '../../../../shared/tagset/bratMacros';
import { eventRowsOf, relationRowsOf, type EditableEvent, type EditableRelation } from './tagSetEditor/relationTypeEdits';
import { eventRoleRenames, relationTypeChanges, relationTypesToSave } from './tagSetEditor/relationTypeSave';
import { RelationTypeRows } from './tagSetEditor/RelationTypeRows';
import { EventTypeRows } from './tagSetEditor/EventTypeRows';

interface EditableType {
  /** The id the type had when the editor opened (null for a new type): renames are derived from it. */
  originalId: string | null;
  /** Stable through renames (the original id, or `new N`): relation and event roles name types by it. */
  key: string;
  id: string;
  fa: string;
  en: string;
  color: string;
  hotkey: string;
  guideline: string;
  attributes: TagTypeWire['attributes'];
}

interface Plan {
  articles: { id: string; renamed: number; removed: number }[];
  renamed: number;
  removed: number;
  skipped: { id: string; reason: string }[];
}

const DIGITS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0'];
const HOTKEYS = ['', ...DIGITS, ...DIGITS.map((code) => `Shift+${code}`)];

function toRows(types: readonly TagTypeWire[]): EditableType[] {
  return types.map((type) => ({ originalId: type.id, key: type.id, id: type.id, fa: type.label.fa, en: type.label.en, color: type.color, hotkey: type.hotkey ?? '', guideline: type.guideline, attributes: type.attributes }));
}

/** The rows as a tag set: rows merged into the same id collapse into the first of them. */
function toTypes(rows: readonly EditableType[]) {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    return [{ id: row.id, label: { fa: row.fa, en: row.en }, color: row.color, ...(row.hotkey ? { hotkey: row.hotkey } : {}), ...(row.guideline ? { guideline: row.guideline } : {}), ...(row.attributes.length ? { attributes: row.attributes } : {}) }];
  });
}

/** Adds, renames, recolours, reorders and removes tag types; changes in use are previewed first. */
export function TagSetEditor({ onClose }: { onClose: () => void }) {
  const corpus = useCorpusViewStore((state) => state.corpus);
  const language = usePreferencesStore((state) => state.language);
  const [rows, setRows] = useState<EditableType[]>(() => toRows(corpus?.tagSet.types ?? []));
  const [originalIds] = useState<string[]>(() => (corpus?.tagSet.types ?? []).map((type) => type.id));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [relationRows, setRelationRows] = useState<EditableRelation[]>(() => relationRowsOf(corpus?.tagSet.relationTypes ?? []));
  const [eventRows, setEventRows] = useState<EditableEvent[]>(() => eventRowsOf(corpus?.tagSet.eventTypes ?? []));
  const [originalLinkIds] = useState<string[]>(() => [...(corpus?.tagSet.relationTypes ?? []), ...(corpus?.tagSet.eventTypes ?? [])].map((type) => type.id));
  const newTypes = useRef(0);
  const t = useCatalog(annotationCatalog);
  const words = useCatalog(tagSetRelationsCatalog);
  if (!corpus) return null;
  const brat = corpus.mode === 'brat';
  const entityOptions = [...rows.map((row) => ({ key: row.key, id: row.id, label: (language === 'fa' ? row.fa : row.en) || row.id })), { key: ANY_ENTITY, id: ANY_ENTITY, label: words('anyEntity') }];
  const eventOptions = [...entityOptions, ...eventRows.map((row) => ({ key: row.id, id: row.id, label: (language === 'fa' ? row.fa : row.en) || row.id })), { key: ANY_EVENT, id: ANY_EVENT, label: words('anyEvent') }];
  const relationTypes = () => relationTypesToSave(rows, originalIds, relationRows, eventRows);
  // Entity, relation and event ids are one namespace: one list of renames and removals for the files.
  const allChanges = () => {
    // Entity types follow the same rule: a row's original id renamed, an original id no row keeps removed (merges included).
    const entity = relationTypeChanges(rows, originalIds);
    const linked = relationTypeChanges([...relationRows, ...eventRows], originalLinkIds);
    return { renames: [...entity.renames, ...linked.renames], removals: [...entity.removals, ...linked.removals], roleRenames: eventRoleRenames(eventRows) };
  };

  const update = (index: number, change: Partial<EditableType>) => setRows((previous) => previous.map((row, position) => (position === index ? { ...row, ...change } : row)));
  const move = (index: number, step: -1 | 1) =>
    setRows((previous) => {
      const next = [...previous];
      const target = index + step;
      if (target < 0 || target >= next.length) return previous;
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });

  const validate = (): string | null => {
    if (rows.length === 0) return t('atLeastOneType');
    for (const row of rows) if (!/^[^\s]+$/.test(row.id)) return t('theIdMustNot', { id: row.id });
    const hotkeys = toTypes(rows).flatMap((type) => ('hotkey' in type && type.hotkey ? [type.hotkey] : []));
    if (new Set(hotkeys).size !== hotkeys.length) return t('duplicateHotkey');
    const relationProblem = relationTypes().problem;
    if (relationProblem) {
      const { code, ...values } = relationProblem;
      return words(code, values);
    }
    return null;
  };

  const preview = async () => {
    const problem = validate();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      setPlan(await api().tagset.preview({ changes: allChanges() }));
    } catch (cause) {
      setError(problemText(problemOf(cause), language));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    // The rows may have changed since the preview: nothing is saved until they are valid.
    const problem = validate();
    setError(problem);
    if (problem) return;
    setBusy(true);
    const { relations, events } = relationTypes();
    try {
      await saveTagSet(() => api().tagset.save({ types: toTypes(rows), changes: allChanges(), relations, events }));
      onClose();
    } catch (cause) {
      setError(problemText(problemOf(cause), language));
      setBusy(false);
    }
  };

  return (
    <ModalDialog className="sheet tagset-editor" label={t('editTheTagSet')} onEscape={onClose}>
        <h2>{t('tagSet')}</h2>
        {brat ? <p className="notice">{t('bratTagSetReadOnly')}</p> : null}
        <table>
          <thead>
            <tr>
              <th>{t('id')}</th>
              <th>{t('persianLabel')}</th>
              <th>{t('englishLabel')}</th>
              <th>{t('colour')}</th>
              <th>{t('key')}</th>
              <th>{t('guideline')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} data-testid="tag-row">
                <td>
                  <input aria-label={t('idOfTag', { position: index + 1 })} value={row.id} disabled={brat} dir="ltr" size={8} onChange={(event) => update(index, { id: event.target.value.trim() })} />
                </td>
                <td>
                  <input aria-label={t('persianLabel2', { position: index + 1 })} value={row.fa} disabled={brat} dir="rtl" size={10} onChange={(event) => update(index, { fa: event.target.value })} />
                </td>
                <td>
                  <input aria-label={t('englishLabel2', { position: index + 1 })} value={row.en} disabled={brat} dir="ltr" size={10} onChange={(event) => update(index, { en: event.target.value })} />
                </td>
                <td>
                  <input type="color" aria-label={t('colour2', { position: index + 1 })} value={row.color} disabled={brat} onChange={(event) => update(index, { color: event.target.value })} />
                </td>
                <td>
                  <select aria-label={t('key2', { position: index + 1 })} value={row.hotkey} disabled={brat} onChange={(event) => update(index, { hotkey: event.target.value })}>
                    {HOTKEYS.map((code) => (
                      <option key={code} value={code}>
                        {code ? code.replace('Digit', '') : t('auto')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('guideline2', { position: index + 1 })} value={row.guideline} disabled={brat} dir="auto" onChange={(event) => update(index, { guideline: event.target.value })} />
                </td>
                <td className="row-actions">
                  <button type="button" aria-label={t('moveUp')} disabled={brat || index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={t('moveDown')} disabled={brat || index === rows.length - 1} onClick={() => move(index, 1)}>
                    ↓
                  </button>
                  <button type="button" aria-label={t('remove', { id: row.id })} disabled={brat} onClick={() => setRows((previous) => previous.filter((_, position) => position !== index))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          disabled={brat}
          onClick={() => setRows((previous) => [...previous, { originalId: null, key: `new ${++newTypes.current}`, id: `TYPE${previous.length + 1}`, fa: '', en: '', color: '#6b6760', hotkey: '', guideline: '', attributes: [] }])}
        >
          {t('newType')}
        </button>
        {brat ? (
          <p className="notice" data-testid="brat-relations-read-only">
            {words('bratRelationsReadOnly')}
          </p>
        ) : null}
        <RelationTypeRows rows={relationRows} options={entityOptions} disabled={brat} onChange={setRelationRows} />
        <EventTypeRows rows={eventRows} options={eventOptions} disabled={brat} onChange={setEventRows} />
        {error ? (
          <p className="problem" role="alert">
            {error}
          </p>
        ) : null}
        {plan ? (
          <div className="tagset-plan" data-testid="tagset-plan">
            <p>
              {t('annotationsAreRenamedAnd', { renamed: plan.renamed, removed: plan.removed, articles: plan.articles.length })}
            </p>
            <ul>
              {plan.articles.slice(0, 50).map((article) => (
                <li key={article.id}>
                  <bdi>{article.id}</bdi>: {t('renamedRemoved', { renamed: article.renamed, removed: article.removed })}
                </li>
              ))}
            </ul>
            {plan.skipped.length > 0 ? (
              <p className="notice">
                {t('unreadableFilesUntouched')}
                {plan.skipped.map((entry) => entry.id).join('، ')}
              </p>
            ) : null}
            <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
              {t('saveAndRewriteTheFiles')}
            </button>
          </div>
        ) : (
          <button type="button" className="primary" disabled={busy || brat} onClick={() => void preview()}>
            {t('previewTheChanges')}
          </button>
        )}{' '}
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
    </ModalDialog>
  );
}
