import { formatNumber } from '../i18n/formatNumber';
import { useMessages } from '../i18n/useMessages';
import { useDocumentStore } from '../store/documentStore';
import { useSessionStore } from '../store/sessionStore';

const SAVE_STATE_KEYS = { saved: 'saved', dirty: 'unsaved', saving: 'saving', error: 'saveError', readonly: 'readOnly' } as const;

export function StatusBar() {
  const saveState = useSessionStore((state) => state.saveState);
  const saveMessage = useSessionStore((state) => state.saveMessage);
  const article = useSessionStore((state) => state.article);
  const selection = useSessionStore((state) => state.textSelection);
  const annotator = useSessionStore((state) => state.annotator);
  const count = useDocumentStore((state) => state.annotations.length);
  const t = useMessages();
  const language = useSessionStore((state) => state.language);
  // The status bar shows offsets in code points, the unit of the files on disk.
  const selectionText =
    article && selection
      ? `${t('selection')}: ${article.converter.toCodePoint(selection.start)}–${article.converter.toCodePoint(selection.end)} (${
          article.converter.toCodePoint(selection.end) - article.converter.toCodePoint(selection.start)
        } ${t('characters')})`
      : '';
  return (
    <footer className="status-bar" role="status">
      <span className={`save-state save-${saveState}`} data-testid="save-state" data-state={saveState} title={saveMessage ?? undefined}>
        {t(SAVE_STATE_KEYS[saveState])}
        {saveMessage && saveState === 'error' ? `: ${saveMessage}` : ''}
      </span>
      {article ? (
        <span className="status-item">
          {t('encoding')}: {article.encoding}
          {article.encodingGuessed ? ` (${t('guessed')})` : ''}
          {article.encodingChosen ? ` (${t('chosenEncoding')})` : ''}
        </span>
      ) : null}
      {article?.invalidBytes ? (
        <span className="status-item decoding-problems" data-testid="invalid-bytes" data-count={article.invalidBytes} title={t('invalidBytesHint')}>
          {formatNumber(article.invalidBytes, language)} {t(article.invalidBytes === 1 ? 'invalidByteShown' : 'invalidBytesShown')}
        </span>
      ) : null}
      {article ? <span className="status-item">{t('annotations')}: {count}</span> : null}
      <span className="status-item selection-offsets" data-testid="selection-offsets">{selectionText}</span>
      <span className="status-item">
        {t('annotator')}: {annotator}
      </span>
    </footer>
  );
}
