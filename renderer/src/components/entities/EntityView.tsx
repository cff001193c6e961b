import { useState } from 'react';
import { createEntityId } from '../../../../shared/entities/entityOperations';
import { displayName } from '../../../../shared/entities/entityLookup';
import type { Entity } from '../../../../shared/entities/registry';
import { findEntity } from '../../../../shared/entities/registryEntries';
import type { EntityMention, EntityView as EntityViewData, UnlinkedMention } from '../../../../shared/entities/entityWire';
import { entitiesCatalog } from '../../i18n/catalog/entities';
import { formatNumber } from '../../i18n/formatNumber';
import { useCatalog } from '../../i18n/useCatalog';
import { entityActions, useEntityStore } from '../../store/entities/entityStore';
import { editEntities, linkUnlinkedMention, openEntityView } from '../../store/entities/entityFlows';
import { usePreferencesStore } from '../../store/preferencesStore';
import { ModalDialog } from '../app/ModalDialog';
import { ProblemText } from '../app/ProblemText';
import { showHit } from '../corpus/CorpusSearch';
import { EntityEditor } from './EntityEditor';
import { formatPublicationDate } from '../metadata/publicationDate';
import './entities.css';

/**
 * The entity view (#24): every mention of the entity across the corpus in context (article,
 * date when the article's metadata has one), counts per article and per type, and the unlinked
 * occurrences of its names, each linked with one key (Enter or L). Clicking a mention opens its
 * article there. Aliases and mentions can be split off into a new entity.
 */
export function EntityView() {
  const viewedId = useEntityStore((state) => state.viewedId);
  const entity = useEntityStore((state) => (state.viewedId === null ? undefined : findEntity(state.registry, state.viewedId)));
  if (viewedId === null) return null;
  return <EntityViewDialog entity={entity} />;
}

function mentionKey(mention: { articleId: string; start: number; end: number }): string {
  return `${mention.articleId}:${mention.start}:${mention.end}`;
}

function Kwic({ mention }: { mention: { before: string; match: string; after: string } }) {
  return (
    <span dir="auto" className="kwic-text">
      …{mention.before}
      <mark>{mention.match}</mark>
      {mention.after}…
    </span>
  );
}

function close(): void {
  entityActions.closeView();
}

function EntityViewDialog({ entity }: { entity: Entity | undefined }) {
  const t = useCatalog(entitiesCatalog);
  const language = usePreferencesStore((state) => state.language);
  const { view, progress, problem, busy } = useEntityStore();
  const [chosenAliases, setChosenAliases] = useState<ReadonlySet<string>>(new Set());
  const [chosenMentions, setChosenMentions] = useState<ReadonlySet<string>>(new Set());
  const number = (value: number) => formatNumber(value, language);

  const split = async () => {
    if (!entity || !view) return;
    const mentions = view.mentions.filter((mention) => chosenMentions.has(mentionKey(mention))).map((mention) => ({ articleId: mention.articleId, annotationId: mention.annotationId }));
    if (await editEntities({ kind: 'split', id: entity.id, newId: createEntityId(), aliases: [...chosenAliases], mentions })) {
      setChosenAliases(new Set());
      setChosenMentions(new Set());
      await openEntityView(entity.id);
    }
  };
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  return (
    <ModalDialog className="sheet entity-view" label={t('entityView')} onEscape={close} testId="entity-view">
      <h2>
        {t('entityView')}: <bdi>{entity ? displayName(entity, language) : ''}</bdi> {entity ? <span className="muted">({entity.type})</span> : null}
      </h2>
      {problem ? <ProblemText problem={problem} /> : null}
      {progress && busy ? <p role="status">{t('scanning', { done: progress.done, total: progress.total })}</p> : null}
      <div className="entity-view-body">
        {entity ? <EntityEditor key={`${entity.id}:${JSON.stringify(entity)}`} entity={entity} /> : null}
        {view && entity ? (
          <div className="entity-mentions">
            <Counts view={view} number={number} />
            <h3>{t('mentions', { count: view.mentions.length })}</h3>
            <table className="kwic entity-kwic" data-testid="entity-mentions">
              <thead>
                <tr>
                  <th />
                  <th>{t('article')}</th>
                  <th>{t('date')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {view.mentions.map((mention) => (
                  <MentionRow key={mentionKey(mention)} mention={mention} chosen={chosenMentions.has(mentionKey(mention))} onToggle={() => setChosenMentions(toggle(chosenMentions, mentionKey(mention)))} />
                ))}
              </tbody>
            </table>
            <h3>{t('unlinkedMentions', { count: view.unlinked.length })}</h3>
            <p className="hint">{t('unlinkedHint', { type: entity.type })}</p>
            <ol className="kwic entity-unlinked" data-testid="entity-unlinked">
              {view.unlinked.map((mention) => (
                <UnlinkedRow key={mentionKey(mention)} mention={mention} busy={busy} />
              ))}
            </ol>
            {view.truncated ? <p className="muted">{t('truncated')}</p> : null}
            {view.skipped.length > 0 ? <p className="muted">{t('skipped', { count: view.skipped.length })}</p> : null}
            {entity.aliases.length > 0 ? (
              <fieldset className="entity-split">
                <legend>{t('split')}</legend>
                {entity.aliases.map((alias) => (
                  <label key={alias} className="toggle">
                    <input type="checkbox" checked={chosenAliases.has(alias)} onChange={() => setChosenAliases(toggle(chosenAliases, alias))} />
                    <bdi>{alias}</bdi>
                  </label>
                ))}
                <button type="button" disabled={busy || chosenAliases.size === 0} onClick={() => void split()} data-testid="entity-split">
                  {t('splitButton')}
                </button>
              </fieldset>
            ) : null}
          </div>
        ) : null}
      </div>
      <button type="button" className="close-entity-view" onClick={close}>
        {t('close')}
      </button>
    </ModalDialog>
  );
}

function Counts({ view, number }: { view: EntityViewData; number: (value: number) => string }) {
  const t = useCatalog(entitiesCatalog);
  return (
    <div className="entity-counts">
      <p>
        {t('perType')}:{' '}
        {view.perType.map((row, index) => (
          <span key={row.type}>
            {index > 0 ? ' · ' : ''}
            <bdi>{row.type}</bdi> {number(row.count)}
          </span>
        ))}
      </p>
      <p>
        {t('perArticle')}:{' '}
        {view.perArticle.map((row, index) => (
          <span key={row.articleId}>
            {index > 0 ? ' · ' : ''}
            <bdi>{row.articleId}</bdi> {number(row.count)}
          </span>
        ))}
      </p>
    </div>
  );
}

function openMention(mention: { articleId: string; start: number; end: number }): void {
  void showHit(mention.articleId, mention.start, mention.end).then(close);
}

/** (#24) The article's publication date: Jalali in Persian, Gregorian in English, as the metadata line shows it. */
function MentionDate({ date }: { date: string | undefined }) {
  const language = usePreferencesStore((state) => state.language);
  return date ? <bdi className="kwic-date">{formatPublicationDate(date, language)}</bdi> : null;
}

function MentionRow({ mention, chosen, onToggle }: { mention: EntityMention; chosen: boolean; onToggle: () => void }) {
  return (
    <tr data-article-id={mention.articleId}>
      <td>
        <input type="checkbox" checked={chosen} onChange={onToggle} aria-label={mention.match} />
      </td>
      <td>
        <bdi className="kwic-article">{mention.articleId}</bdi>
      </td>
      <td data-testid="entity-mention-date">
        <MentionDate date={mention.date} />
      </td>
      <td>
        <button type="button" className="kwic-hit" onClick={() => openMention(mention)}>
          <Kwic mention={mention} />
        </button>
      </td>
    </tr>
  );
}

/** After a link, focus stays in the view: on the next unlinked mention (so L, L, L links one after another), else on the dialog. */
function linkAndMoveOn(mention: UnlinkedMention): void {
  void linkUnlinkedMention(mention).then(() => {
    const view = document.querySelector<HTMLElement>('[data-testid="entity-view"]');
    const next = view?.querySelector<HTMLElement>('[data-testid="entity-unlinked-mention"]:not([disabled])') ?? view?.querySelector<HTMLElement>('button.close-entity-view');
    next?.focus();
  });
}

function UnlinkedRow({ mention, busy }: { mention: UnlinkedMention; busy: boolean }) {
  return (
    <li data-article-id={mention.articleId}>
      <button
        type="button"
        className="kwic-hit"
        disabled={busy}
        data-testid="entity-unlinked-mention"
        onClick={() => linkAndMoveOn(mention)}
        onKeyDown={(event) => {
          if (event.code === 'KeyL' && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            linkAndMoveOn(mention);
          }
        }}
      >
        <bdi className="kwic-article">{mention.articleId}</bdi> <MentionDate date={mention.date} /> <Kwic mention={mention} />
      </button>
      <button type="button" className="link-like" onClick={() => openMention(mention)} aria-label={mention.articleId}>
        ↗
      </button>
    </li>
  );
}
