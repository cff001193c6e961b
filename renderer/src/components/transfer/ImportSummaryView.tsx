import type { ImportFinished, ImportProblemWire } from '../../../../shared/transferWire';
import type { TransferTextKey } from './transferText';
import { catalogText } from '../../i18n/catalog/defineCatalog';
import { importReasonCatalog, isImportReasonKey } from '../../i18n/catalog/importReasons';
import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { usePreferencesStore } from '../../store/preferencesStore';
import { IsolatedText } from '../app/IsolatedText';

function isWorded(problem: ImportProblemWire): boolean {
  return problem.why !== undefined && isImportReasonKey(problem.why.code);
}

/** The reason in the user's language from its code; an uncoded reason (another version of main) keeps the importer's English words for the tooltip. */
function reasonText(problem: ImportProblemWire, language: UiLanguage): string {
  const say = catalogText(importReasonCatalog, language);
  const why = problem.why;
  if (!why || !isImportReasonKey(why.code)) return language === 'en' ? problem.reason : say('other');
  const { code, ...values } = why;
  return say(code, values);
}

interface ImportSummaryViewProps {
  result: ImportFinished;
  text: (key: TransferTextKey) => string;
}

function ProblemList({ problems, total, testId, text }: { problems: ImportProblemWire[]; total: number; testId: string; text: (key: TransferTextKey) => string }) {
  const language = usePreferencesStore((state) => state.language);
  return (
    <ul className="transfer-report" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={index}>
          {/* file:line, as editors and terminals write it; line 0 is the whole file. */}
          <bdi dir="ltr" className="transfer-location">
            {problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file}
          </bdi>
          {problem.line === 0 ? <span className="muted"> ({text('wholeFile')})</span> : null} <span title={isWorded(problem) ? undefined : problem.reason} data-reason={problem.why?.code}>
            <IsolatedText text={reasonText(problem, language)} />
          </span>
        </li>
      ))}
      {total > problems.length ? (
        <li className="muted">
          +{formatNumber(total - problems.length, language)} {text('more')}
        </li>
      ) : null}
    </ul>
  );
}

/** The outcome of an import: counts, what was skipped and why (file:line), and warnings. */
export function ImportSummaryView({ result, text }: ImportSummaryViewProps) {
  const language = usePreferencesStore((state) => state.language);
  const number = (value: number) => formatNumber(value, language);
  return (
    <div className="transfer-result" data-testid="import-summary">
      <p className={result.cancelled ? 'transfer-warning' : 'transfer-ok'} role="status">
        {result.cancelled ? text('importCancelled') : text('imported')}: <bdi dir="ltr">{result.out}</bdi>
      </p>
      <p className="transfer-totals" data-testid="import-totals">
        {number(result.articles)} {text('articles')} · {number(result.annotations)} {text('annotations')} · {number(result.skippedTotal)} {text('skipped')} · {number(result.warningsTotal)} {text('warnings')}
      </p>
      {result.detected.length > 0 ? (
        <p className="muted" data-testid="import-detected">
          {text('detected')}:{' '}
          {result.detected.map((layout) => (
            <bdi key={layout.file} dir="ltr">
              {layout.file} ({[layout.separator, layout.scheme].filter(Boolean).join(', ')}){' '}
            </bdi>
          ))}
        </p>
      ) : null}
      <h3>
        {text('skipped')} ({number(result.skippedTotal)})
      </h3>
      {result.skippedTotal === 0 ? <p>{text('nothingSkipped')}</p> : <ProblemList problems={result.skipped} total={result.skippedTotal} testId="import-skipped" text={text} />}
      {result.warningsTotal > 0 ? (
        <>
          <h3>
            {text('warnings')} ({number(result.warningsTotal)})
          </h3>
          <ProblemList problems={result.warnings} total={result.warningsTotal} testId="import-warnings" text={text} />
        </>
      ) : null}
    </div>
  );
}
