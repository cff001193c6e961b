import type { ExportFinished } from '../../../../shared/transferWire';
import type { TransferTextKey } from './transferText';
import type { UiLanguage } from '../../i18n/messages';
import { exportProblemText } from './exportProblemText';

interface ExportReportViewProps {
  result: ExportFinished;
  text: (key: TransferTextKey) => string;
  language: UiLanguage;
}

/** The outcome of an export: what was written, and per article what the format could not hold. */
export function ExportReportView({ result, text, language }: ExportReportViewProps) {
  const { totals } = result;
  return (
    <div className="transfer-result" data-testid="export-result">
      {result.written ? (
        <p className="transfer-ok" role="status">
          {text('written')}: <bdi dir="ltr">{result.outFolder}</bdi> · <bdi dir="ltr">{result.durationMs < 1000 ? `${Math.round(result.durationMs)} ms` : `${(result.durationMs / 1000).toFixed(1)} s`}</bdi>
        </p>
      ) : (
        <p className="transfer-warning" role="alert">
          {text('notWritten')}
        </p>
      )}
      <p className="transfer-totals" data-testid="export-totals">
        {totals.articles} {text('articles')} · {totals.annotations} {text('annotations')} · {totals.written} {text('written')}
        {totals.lost > 0 ? ` · ${totals.lost} ${text('lost')}` : ''}
        {totals.changed > 0 ? ` · ${totals.changed} ${text('changed')}` : ''}
        {totals.omitted > 0 ? ` · ${totals.omitted} ${text('omitted')}` : ''}
        {totals.unreadable > 0 ? ` · ${totals.unreadable} ${text('unreadable')}` : ''}
      </p>
      {result.written && result.files.length > 0 ? (
        <details className="transfer-files">
          <summary>
            {text('files')} ({result.filesTotal})
          </summary>
          <ul>
            {result.files.map((file) => (
              <li key={file.path}>
                <bdi dir="ltr">{file.path}</bdi> <span className="muted">{file.bytes > 0 ? `${file.bytes.toLocaleString()} B` : ''}</span>
              </li>
            ))}
            {result.filesTotal > result.files.length ? <li className="muted">+{result.filesTotal - result.files.length} {text('moreFiles')}</li> : null}
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
              ({document.written}/{document.annotations} {text('written')})
            </span>
            <ul>
              {document.problems.map((problem, index) => (
                <li key={index} className={`effect-${problem.effect}`} data-kind={problem.kind}>
                  <span className="transfer-effect">{text(problem.effect)}</span>{' '}
                  <bdi dir="auto" className="transfer-message" title={problem.message}>
                    {exportProblemText(problem, language) ?? problem.message}
                  </bdi>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {result.documentsTotal > result.documents.length ? (
          <li className="muted">
            +{result.documentsTotal - result.documents.length} {text('moreDocuments')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
