import { useState } from 'react';
import type { SwitchSummary } from '../../../../shared/curation/curationSchemas';
import { formatNumber } from '../../i18n/formatNumber';
import { NO_ITEMS } from '../../store/emptyArrays';
import { assignArticles, previewAnnotatorSwitch, switchToAnnotatorFiles } from '../../store/flows/lead';
import { leadActions, useLeadStore } from '../../store/leadStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useLeadMessages } from './leadMessages';
import { PretaggerScoresView } from '../pretag/PretaggerScoresView';

const SHOWN_ROWS = 50;

function SwitchSummaryView({ summary, title, testId }: { summary: SwitchSummary; title: string; testId: string }) {
  const t = useLeadMessages();
  const language = usePreferencesStore((state) => state.language);
  return (
    <div className="lead-switch-summary" data-testid={testId}>
      <strong>
        {title}: {formatNumber(summary.written.length, language)}
      </strong>
      <ul>
        {summary.written.slice(0, SHOWN_ROWS).map((entry) => (
          <li key={`${entry.id}/${entry.annotator}`}>
            <bdi>{entry.id}</bdi> → <bdi>{entry.annotator}</bdi> ({formatNumber(entry.annotations, language)})
          </li>
        ))}
      </ul>
      {summary.skipped.length > 0 ? (
        <>
          <strong>
            {t('skipped')}: {formatNumber(summary.skipped.length, language)}
          </strong>
          <ul>
            {summary.skipped.slice(0, SHOWN_ROWS).map((entry, index) => (
              <li key={index} dir="auto">
                <bdi>{entry.id}</bdi>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.relationsNotCarried > 0 ? (
        <p>
          {t('relationsNotCarried')}: {formatNumber(summary.relationsNotCarried, language)}
        </p>
      ) : null}
    </div>
  );
}

/** Who annotates what: the annotators, the switch to one file each (previewed first), assignments. */
export function AnnotatorsTab() {
  const annotators = useLeadStore((state) => state.annotators);
  const preview = useLeadStore((state) => state.switchPreview);
  const done = useLeadStore((state) => state.switchDone);
  const assignResult = useLeadStore((state) => state.assignResult);
  const selection = useLeadStore((state) => state.assignSelection);
  const busy = useLeadStore((state) => state.busy);
  const articles = useCorpusViewStore((state) => state.corpus?.articles ?? NO_ITEMS);
  const currentAnnotator = usePreferencesStore((state) => state.annotator);
  const language = usePreferencesStore((state) => state.language);
  const [assignee, setAssignee] = useState('');
  const t = useLeadMessages();
  const articleCount = (name: string) => annotators?.articles.filter((entry) => entry.annotators.includes(name)).length ?? 0;
  return (
    <div className="lead-annotators">
      <section>
        <h3>{t('annotators')}</h3>
        {annotators && annotators.annotators.length > 0 ? (
          <ul className="lead-annotator-list" data-testid="annotator-list">
            {annotators.annotators.map((name) => (
              <li key={name}>
                <bdi>{name}</bdi> · {formatNumber(articleCount(name), language)} {t('annotatorArticles')}
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t('noAnnotators')}</p>
        )}
      </section>
      <section>
        <h3>{t('switchTitle')}</h3>
        <p className="hint">{t('switchExplain')}</p>
        <div className="lead-actions">
          <button type="button" disabled={busy} onClick={() => void previewAnnotatorSwitch()} data-testid="preview-switch">
            {t('previewSwitch')}
          </button>
          {preview ? (
            <button type="button" disabled={busy || preview.written.length === 0} onClick={() => void switchToAnnotatorFiles()} data-testid="do-switch">
              {t('doSwitch')}
            </button>
          ) : null}
        </div>
        {preview ? <SwitchSummaryView summary={preview} title={t('wouldWrite')} testId="switch-preview" /> : null}
        {done ? <SwitchSummaryView summary={done} title={t('written')} testId="switch-done" /> : null}
      </section>
      <section>
        <h3>{t('assignTitle')}</h3>
        <div className="lead-actions">
          <label>
            {t('assignTo')}{' '}
            <input list="lead-annotator-names" value={assignee} placeholder={currentAnnotator} onChange={(event) => setAssignee(event.target.value)} dir="auto" data-testid="assignee-input" />
          </label>
          <datalist id="lead-annotator-names">
            {(annotators?.annotators ?? NO_ITEMS).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="button" disabled={busy || selection.length === 0 || assignee.trim() === ''} onClick={() => void assignArticles(assignee)} data-testid="assign">
            {t('assign')}
          </button>
          <button type="button" disabled={busy || selection.length === 0} onClick={() => void assignArticles(null)}>
            {t('unassign')}
          </button>
          <span className="hint">
            {formatNumber(selection.length, language)} {t('selected')}
          </span>
        </div>
        {assignResult ? (
          <p role="status" data-testid="assign-result">
            {t('assigned')}: {formatNumber(assignResult.updated.length, language)}
            {assignResult.failed.length > 0 ? ` · ${t('failed')}: ${assignResult.failed.map((entry) => `${entry.id} (${entry.reason})`).join('; ')}` : ''}
          </p>
        ) : null}
        <ul className="lead-assign-list" data-testid="assign-list">
          {articles.map((article) => (
            <li key={article.id}>
              <label>
                <input type="checkbox" checked={selection.includes(article.id)} onChange={() => leadActions.toggleAssignSelection(article.id)} />
                <bdi>{article.id}</bdi>
                {article.assignee ? (
                  <span className="hint">
                    {' '}
                    · {t('assignee')}: <bdi>{article.assignee}</bdi>
                  </span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
      </section>
      <PretaggerScoresView />
    </div>
  );
}
