import { formatNumber } from '../../i18n/formatNumber';
import { useMessages } from '../../i18n/useMessages';
import { useProblemText } from '../../i18n/useProblemText';
import { ProblemText } from './ProblemText';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { saveStatusActions, useSaveStatusStore } from '../../store/saveStatusStore';
import { useKeyHintStore } from '../../store/window/keyHintStore';

const SAVE_STATE_KEYS = { saved: 'saved', dirty: 'unsaved', saving: 'saving', error: 'saveError', readonly: 'readOnly', unwritable: 'unwritable', conflict: 'conflict' } as const;

export function StatusBar() {
  const saveState = useSaveStatusStore((state) => state.saveState);
  const saveProblem = useSaveStatusStore((state) => state.saveProblem);
  const saveRetrying = useSaveStatusStore((state) => state.saveRetrying);
  const say = useProblemText();
  const article = useArticleViewStore((state) => state.article);
  const selection = useArticleViewStore((state) => state.textSelection);
  const annotator = usePreferencesStore((state) => state.annotator);
  const count = useDocumentStore((state) => state.annotations.length);
  const unsavedArticles = useSaveStatusStore((state) => state.unsavedArticles);
  const unsavedElsewhere = unsavedArticles.length;
  // Which articles, and why each is not saved, on hover.
  const unsavedList = unsavedArticles.map((entry) => (entry.problem ? `${entry.id}: ${say(entry.problem.problem)}` : entry.id)).join('\n');
  const conflictPrompt = useSaveStatusStore((state) => state.conflictPrompt);
  const t = useMessages();
  const keyHint = useKeyHintStore((state) => state.hint);
  const keyHintSerial = useKeyHintStore((state) => state.serial);
  // "Saved" only when nothing is held anywhere: edits of another article that did not reach the disk are said here too.
  const shownState = saveState === 'saved' && unsavedElsewhere > 0 ? 'unsaved-elsewhere' : saveState;
  const language = usePreferencesStore((state) => state.language);
  // The status bar shows offsets in code points, the unit of the files on disk.
  const selectionStart = article && selection ? article.converter.toCodePoint(selection.start) : 0;
  const selectionEnd = article && selection ? article.converter.toCodePoint(selection.end) : 0;
  const selectionText = article && selection ? t('selectionRange', { start: selectionStart, end: selectionEnd, length: selectionEnd - selectionStart }) : '';
  return (
    <footer className="status-bar" role="status" data-testid="status-bar">
      <span className={`save-state save-${shownState}`} data-testid="save-state" data-state={shownState} title={(shownState === 'unsaved-elsewhere' ? unsavedList : saveProblem ? say(saveProblem.problem) : null) ?? undefined}>
        {shownState === 'unsaved-elsewhere' ? `${t('unsavedElsewhere')}: ${formatNumber(unsavedElsewhere, language)}` : t(SAVE_STATE_KEYS[saveState])}
      </span>
      {/* Why the save failed, in the user's language (main's English detail in the tooltip). A read-only file is
          already said by the state itself: why it is read-only is the state's tooltip. */}
      {saveProblem && saveState === 'error' ? (
        <bdi className="save-message" data-testid="save-message">
          <ProblemText problem={saveProblem.problem} detail={saveProblem.detail} />
          {saveRetrying ? <span data-testid="save-retrying"> {t('editsKeptRetrying')}</span> : null}
        </bdi>
      ) : null}
      {conflictPrompt && !conflictPrompt.open ? (
        <button type="button" className="status-action" data-testid="reopen-conflicts" onClick={() => saveStatusActions.reopenConflicts()}>
          {t('chooseVersions')}
        </button>
      ) : null}
      {unsavedElsewhere > 0 && shownState !== 'unsaved-elsewhere' ? (
        <span className="status-item save-unsaved-elsewhere" data-testid="unsaved-elsewhere" title={unsavedList}>
          {t('unsavedElsewhere')}: {formatNumber(unsavedElsewhere, language)}
        </span>
      ) : null}
      {article ? (
        <span className="status-item">
          {t('encoding')}: <bdi dir="ltr">{article.encoding}</bdi>
          {article.encodingGuessed ? ` (${t('guessed')})` : ''}
          {article.encodingChosen ? ` (${t('chosenEncoding')})` : ''}
        </span>
      ) : null}
      {article?.encodingRecordIgnored ? (
        <span className="status-item decoding-problems" data-testid="encoding-record-ignored" data-reason={article.encodingRecordIgnored.reason} title={t('encodingRecordIgnoredHint')}>
          {t(article.encodingRecordIgnored.reason === 'article-changed' ? 'encodingRecordArticleChanged' : 'encodingRecordUnknown', { encoding: article.encodingRecordIgnored.encoding })}
        </span>
      ) : null}
      {article?.invalidBytes ? (
        <span className="status-item decoding-problems" data-testid="invalid-bytes" data-count={article.invalidBytes} title={t('invalidBytesHint')}>
          {formatNumber(article.invalidBytes, language)} {t(article.invalidBytes === 1 ? 'invalidByteShown' : 'invalidBytesShown')}
        </span>
      ) : null}
      {article ? (
        <span className="status-item" data-testid="annotation-count" data-count={count} data-loading={article.annotationsIncomplete ? 'true' : undefined}>
          {t('annotations')}: {formatNumber(count, language)}
          {/* (#17) Shown from its first page: the count grows and tagging waits until the rest is read. */}
          {article.annotationsIncomplete ? ` (${t('annotationsLoading')})` : ''}
        </span>
      ) : null}
      <span className="status-item selection-offsets" data-testid="selection-offsets">{selectionText}</span>
      <span className="status-item">
        {t('annotator')}: <bdi>{annotator}</bdi>
      </span>
      {keyHint ? (
        <span className="status-item key-hint" data-testid="key-hint" data-hint={keyHint} key={keyHintSerial}>
          {t(keyHint)}
        </span>
      ) : null}
    </footer>
  );
}
