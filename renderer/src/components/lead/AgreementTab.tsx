import type { z } from 'zod';
import type { PairAgreementSchema, SpanScoresSchema } from '../../../../shared/agreement/agreementReport';
import { formatNumber } from '../../i18n/formatNumber';
import type { UiLanguage } from '../../i18n/messages';
import { NO_ITEMS } from '../../store/emptyArrays';
import { computeAgreementReport } from '../../store/flows/lead';
import { type AgreementMode, leadActions, useLeadStore } from '../../store/leadStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { SelectField } from '../app/SelectField';
import { formatRatio } from './leadFormat';
import { leadProblemDetail } from './leadProblemDetail';
import { useLeadMessages } from './leadMessages';
import { ScoreHeadings } from './ScoreHeadings';
import { LabelAgreementSection } from './LabelAgreementSection';
import { RelationAgreementTable } from './RelationAgreementTable';

/** The user's-language words for each kind of agreement problem main reports. */
const AGREEMENT_PROBLEM_KEYS = { article: 'problemArticle', 'annotation-file': 'problemAnnotationFile', tokens: 'problemTokens' } as const;

type SpanScores = z.infer<typeof SpanScoresSchema>;
type PairAgreement = z.infer<typeof PairAgreementSchema>;

function ScoreCells({ scores, language }: { scores: { precision: number | null; recall: number | null; f1: number | null }; language: UiLanguage }) {
  return (
    <>
      <td>{formatRatio(scores.precision, language)}</td>
      <td>{formatRatio(scores.recall, language)}</td>
      <td>{formatRatio(scores.f1, language)}</td>
    </>
  );
}

/** Per-tag P/R/F1 on exact and on overlapping spans, with micro and macro rows. */
function PairTable({ pair, language }: { pair: PairAgreement; language: UiLanguage }) {
  const t = useLeadMessages();
  const overlapOf = (tag: string) => pair.overlap.perTag.find((row) => row.tag === tag);
  const row = (key: string, label: string, exact: SpanScores['micro'] | SpanScores['perTag'][number], overlap: SpanScores['micro'] | undefined) => (
    <tr key={key} data-row={key}>
      <th scope="row">{label}</th>
      <td>{formatNumber(exact.countA, language)}</td>
      <td>{formatNumber(exact.countB, language)}</td>
      <td>{formatNumber(exact.matched, language)}</td>
      <ScoreCells scores={exact} language={language} />
      <td>{overlap ? formatNumber(overlap.matched, language) : '—'}</td>
      {overlap ? <ScoreCells scores={overlap} language={language} /> : <td colSpan={3}>—</td>}
    </tr>
  );
  return (
    <table className="lead-table" data-testid={`agreement-table-${pair.a}-${pair.b}`}>
      <thead>
        <tr>
          <th rowSpan={2}>{t('tag')}</th>
          <th rowSpan={2}>
            <bdi>{pair.a}</bdi>
          </th>
          <th rowSpan={2}>
            <bdi>{pair.b}</bdi>
          </th>
          <th colSpan={4}>{t('exact')}</th>
          <th colSpan={4}>{t('overlap')}</th>
        </tr>
        <tr>
          <ScoreHeadings />
          <ScoreHeadings />
        </tr>
      </thead>
      <tbody>
        {pair.exact.perTag.map((exact) => row(exact.tag, exact.tag, exact, overlapOf(exact.tag)))}
        {row('micro', t('micro'), pair.exact.micro, pair.overlap.micro)}
        <tr data-row="macro">
          <th scope="row">{t('macro')}</th>
          <td colSpan={3} />
          <ScoreCells scores={pair.exact.macro} language={language} />
          <td />
          <ScoreCells scores={pair.overlap.macro} language={language} />
        </tr>
      </tbody>
    </table>
  );
}

/** Agreement between two annotators, or every pair and Fleiss' kappa over all of them. */
export function AgreementTab() {
  const annotators = useLeadStore((state) => state.annotators?.annotators ?? NO_ITEMS);
  const mode = useLeadStore((state) => state.agreementMode);
  const a = useLeadStore((state) => state.agreementA);
  const b = useLeadStore((state) => state.agreementB);
  const report = useLeadStore((state) => state.agreement);
  const busy = useLeadStore((state) => state.busy);
  const language = usePreferencesStore((state) => state.language);
  const t = useLeadMessages();
  if (annotators.length < 2) return <p className="hint">{t('noAnnotators')}</p>;
  const annotatorOptions = annotators.map((name) => ({ value: name, label: name }));
  return (
    <div className="lead-agreement">
      <div className="lead-actions">
        {(['pair', 'all'] as AgreementMode[]).map((option) => (
          <label key={option}>
            <input type="radio" name="agreement-mode" checked={mode === option} onChange={() => leadActions.chooseAgreementMode(option)} /> {t(option)}
          </label>
        ))}
        {mode === 'pair' ? (
          <>
            <SelectField label={t('annotatorA')} value={a} options={annotatorOptions} onChange={(agreementA) => leadActions.chooseAgreementPair({ a: agreementA })} testId="agreement-a" />
            <SelectField label={t('annotatorB')} value={b} options={annotatorOptions} onChange={(agreementB) => leadActions.chooseAgreementPair({ b: agreementB })} testId="agreement-b" />
          </>
        ) : null}
        <button type="button" disabled={busy || (mode === 'pair' && (a === b || !a || !b))} onClick={() => void computeAgreementReport()} data-testid="compute-agreement">
          {t('compute')}
        </button>
      </div>
      {report ? (
        <div data-testid="agreement-report">
          {report.pairs.map((pair) => (
            <section key={`${pair.a}\u0000${pair.b}`} className="lead-pair">
              <h3>
                <bdi>{pair.a}</bdi> ↔ <bdi>{pair.b}</bdi>: {formatNumber(pair.documents, language)} {t('bothAnnotated')}
              </h3>
              <p data-testid="cohen-kappa">
                {t('cohen', { n: formatNumber(pair.tokens.items, language) })}: <strong>{formatRatio(pair.tokens.kappa, language)}</strong> ({t('observed')} {formatRatio(pair.tokens.observed, language)}{language === 'fa' ? '، ' : ', '}{t('chance')}{' '}
                {formatRatio(pair.tokens.expected, language)})
              </p>
              <PairTable pair={pair} language={language} />
              <RelationAgreementTable pair={pair} language={language} />
            </section>
          ))}
          {report.group ? (
            <p data-testid="fleiss-kappa">
              {t('fleiss', { n: formatNumber(report.group.tokens.items, language), r: formatNumber(report.group.tokens.raters, language), d: formatNumber(report.group.documents, language) })}: <strong>{formatRatio(report.group.tokens.kappa, language)}</strong>
            </p>
          ) : null}
          <LabelAgreementSection report={report} language={language} />
          {report.problems.length > 0 ? (
            <div>
              <strong>{t('problems')}</strong>
              <ul>
                {report.problems.map((problem, index) => (
                  <li key={index} dir="auto" title={leadProblemDetail(problem, language)} data-testid="agreement-problem">
                    <bdi>{problem.article}</bdi>
                    {problem.annotator ? (
                      <>
                        {' '}
                        (<bdi>{problem.annotator}</bdi>)
                      </>
                    ) : null}
                    : {t(AGREEMENT_PROBLEM_KEYS[problem.kind])}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
