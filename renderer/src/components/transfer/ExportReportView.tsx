import type { ExportFinished } from '../../../../shared/transferWire';
import { transferTexts, type TransferTextKey } from './transferText';
import type { UiLanguage } from '../../i18n/messages';
import { formatNumber } from '../../i18n/formatNumber';
import { fillTemplate } from '../../i18n/template';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { exportProblemText } from './exportProblemText';

interface ExportReportViewProps {
  result: ExportFinished;
  text: (key: TransferTextKey) => string;
  language: UiLanguage;
}

/** The outcome of an export: what was written, and per article what the format could not hold. */
export function ExportReportView({ result, text, language }: ExportReportViewProps) {
  const { totals } = result;
  const tagTypes = useCorpusViewStore((state) => state.corpus?.tagSet.types);
  const typeLabel = (type: string) => tagTypes?.find((entry) => entry.id === type)?.label[language] ?? type;
  const number = (value: number) => formatNumber(value, language);
  const filled = (key: TransferTextKey, count: number) => fillTemplate(transferTexts[language][key], { count }, language);
  // A refused export wrote nothing: its totals say what would have been written, so the banner and the totals agree.
  const writtenWord = result.written ? text('written') : text('wouldBeWritten');
  const duration = result.durationMs < 1000 ? filled('milliseconds', Math.round(result.durationMs)) : filled('seconds', Math.round(result.durationMs / 100) / 10);
  return (
    <div className="transfer-result" data-testid="export-result">
      {result.written ? (
        <p className="transfer-ok" role="status">
          {text('written')}: <bdi dir="ltr">{result.outFolder}</bdi> · <bdi>{duration}</bdi>
        </p>
      ) : (
        <p className="transfer-warning" role="alert">
          {text('notWritten')}
        </p>
      )}
      <p className="transfer-totals" data-testid="export-totals" data-written={result.written}>
        {number(totals.articles)} {text('articles')} · {number(totals.annotations)} {text('annotations')} · {number(totals.written)} {writtenWord}
        {totals.lost > 0 ? ` · ${number(totals.lost)} ${text('lost')}` : ''}
        {totals.changed > 0 ? ` · ${number(totals.changed)} ${text('changed')}` : ''}
        {totals.omitted > 0 ? ` · ${number(totals.omitted)} ${text('omitted')}` : ''}
        {totals.unreadable > 0 ? ` · ${number(totals.unreadable)} ${text('unreadable')}` : ''}
      </p>
      {result.written && result.files.length > 0 ? (
        <details className="transfer-files">
          <summary>
            {text('files')} ({number(result.filesTotal)})
          </summary>
          <ul>
            {result.files.map((file) => (
              <li key={file.path}>
                <bdi dir="ltr">{file.path}</bdi> <span className="muted">{file.bytes > 0 ? filled('bytes', file.bytes) : ''}</span>
              </li>
            ))}
            {result.filesTotal > result.files.length ? (
              <li className="muted">
                +{number(result.filesTotal - result.files.length)} {text('moreFiles')}
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
      <h3>{text('reportTitle')}</h3>
      {result.documents.length === 0 && result.unreadable.length === 0 ? <p data-testid="export-report-clean">{text('reportClean')}</p> : null}
      <ul className="transfer-report" data-testid="export-report">
        {result.unreadable.map((entry) => (
          <li key={`unreadable:${entry.article}`} className="effect-lost">
            {/* The engine's English words stay in the tooltip; the user reads that the article could not be read. */}
            <bdi dir="auto" className="transfer-article">{entry.article}</bdi>: <span title={entry.message}>{text('unreadable')}</span>
          </li>
        ))}
        {result.documents.map((document) => (
          <li key={document.article} data-article={document.article}>
            <bdi dir="auto" className="transfer-article">{document.article}</bdi>{' '}
            <span className="muted">
              (<bdi>{number(document.written)}/{number(document.annotations)}</bdi> {writtenWord})
            </span>
            <ul>
              {document.problems.map((problem, index) => (
                <li key={index} className={`effect-${problem.effect}`} data-kind={problem.kind}>
                  <span className="transfer-effect">{text(problem.effect)}</span>{' '}
                  {/* Worded in the user's language from the problem's code and parameters; the engine's English is for the CLI only. */}
                  <span className="transfer-message">{exportProblemText(problem, language, typeLabel) ?? text('unreadable')}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {result.documentsTotal > result.documents.length ? (
          <li className="muted">
            +{number(result.documentsTotal - result.documents.length)} {text('moreDocuments')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
