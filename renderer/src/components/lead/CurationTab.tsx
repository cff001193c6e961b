import { useEffect } from 'react';
import type { z } from 'zod';
import type { CurationDecision } from '../../../../shared/curation/curationDecision';
import type { DisagreementGroupSchema } from '../../../../shared/curation/curationSchemas';
import { formatNumber } from '../../i18n/formatNumber';
import { decideDisagreement, loadCuration } from '../../store/flows/lead';
import { useLeadStore } from '../../store/leadStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useLeadMessages, type LeadMessageKey } from './leadMessages';
import { leadProblemDetail } from './leadProblemDetail';

type DisagreementGroup = z.infer<typeof DisagreementGroupSchema>;

const KIND_LABEL: Record<DisagreementGroup['kind'], LeadMessageKey> = { missing: 'kindMissing', type: 'kindType', boundary: 'kindBoundary', mixed: 'kindMixed' };

function sameDecision(a: CurationDecision | undefined, b: CurationDecision): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** One disagreement: each annotator's spans side by side, and the decisions that settle it. */
function GroupCard({ group, decision }: { group: DisagreementGroup; decision: CurationDecision | undefined }) {
  const language = usePreferencesStore((state) => state.language);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const busy = useLeadStore((state) => state.busy);
  const t = useLeadMessages();
  const tagLabel = (id: string) => tagSet?.types.find((type) => type.id === id)?.label[language] ?? id;
  const choices: { key: string; label: string; decision: CurationDecision }[] = [
    ...group.versions.map((version) => ({ key: `adopt:${version.annotator}`, label: t('adopt', { name: version.annotator }), decision: { kind: 'adopt', annotator: version.annotator } as const })),
    { key: 'adopt-all', label: t('adoptAll'), decision: { kind: 'adopt-all' } },
    { key: 'reject', label: t('reject'), decision: { kind: 'reject' } },
  ];
  return (
    <li className={`lead-group${decision ? ' lead-group-decided' : ''}`} data-testid="disagreement" data-group-id={group.id} data-kind={group.kind}>
      <div className="lead-group-head">
        <span className="lead-kind">{t(KIND_LABEL[group.kind])}</span>
        <span className="hint">
          {formatNumber(group.start, language)}–{formatNumber(group.end, language)}
        </span>
      </div>
      <div className="lead-versions">
        {group.versions.map((version) => (
          <div key={version.annotator} className="lead-version" data-annotator={version.annotator}>
            <strong>
              <bdi>{version.annotator}</bdi>
            </strong>
            {version.spans.length === 0 ? (
              <p className="hint">{t('nothing')}</p>
            ) : (
              <ul>
                {version.spans.map((span) => (
                  <li key={span.id} data-span-type={span.type}>
                    <span className="lead-span-text" dir="auto">
                      {span.text}
                    </span>{' '}
                    <span className="lead-span-type">{tagLabel(span.type)}</span>{' '}
                    <span className="hint">
                      {formatNumber(span.start, language)}–{formatNumber(span.end, language)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <div className="lead-actions">
        {choices.map((choice) => (
          <button
            key={choice.key}
            type="button"
            disabled={busy}
            aria-pressed={sameDecision(decision, choice.decision)}
            className={sameDecision(decision, choice.decision) ? 'lead-chosen' : undefined}
            onClick={() => void decideDisagreement(group.id, choice.decision)}
          >
            {choice.label}
          </button>
        ))}
        {decision ? (
          <button type="button" disabled={busy} onClick={() => void decideDisagreement(group.id, null)}>
            {t('undo')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** The open article's disagreements between its annotators, settled one by one into `NAME.ann.json`. */
export function CurationTab() {
  const curation = useLeadStore((state) => state.curation);
  const articleId = useArticleViewStore((state) => state.article?.id ?? null);
  const language = usePreferencesStore((state) => state.language);
  const t = useLeadMessages();
  // Another article opened while the tab is shown: its disagreements, not the last one's.
  useEffect(() => {
    if (articleId) void loadCuration();
  }, [articleId]);
  if (!articleId) return <p className="hint">{t('noArticleOpen')}</p>;
  if (!curation || curation.articleId !== articleId) {
    return (
      <div className="lead-actions">
        <button type="button" onClick={() => void loadCuration()}>
          {t('refresh')}
        </button>
      </div>
    );
  }
  const { listing } = curation;
  return (
    <div className="lead-curation" data-testid="curation">
      <p>
        <bdi>{articleId}</bdi>: {formatNumber(listing.agreed.length, language)} {t('agreed')} · {formatNumber(listing.groups.length, language)} {t('disagreements')} · {formatNumber(curation.undecided.length, language)} {t('undecided')}
      </p>
      {curation.stale.length > 0 ? (
        <p className="hint">
          {formatNumber(curation.stale.length, language)} {t('stale')}
        </p>
      ) : null}
      {curation.problems.map((problem) => (
        <p key={problem.annotator} className="problem" title={leadProblemDetail({ ...problem, kind: 'annotation-file' }, language)} data-testid="curation-problem">
          <bdi>{problem.annotator}</bdi>: {t('problemAnnotationFile')}
        </p>
      ))}
      {listing.groups.length === 0 ? <p className="hint">{t('noDisagreements')}</p> : null}
      <ol className="lead-groups">
        {listing.groups.map((group) => (
          <GroupCard key={group.id} group={group} decision={curation.decisions[group.id]} />
        ))}
      </ol>
    </div>
  );
}
