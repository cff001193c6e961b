import { ARTICLE_ENCODING_LABELS, ARTICLE_ENCODINGS, AUTO_ENCODING, articleEncodingChoiceOf, chooserEncodingOf } from '../../../../shared/text/articleEncodings';
import { useMessages } from '../../i18n/useMessages';
import { openArticle } from '../../store/flows/article';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';

/**
 * Reopens the open article in another encoding (or back to detection). Main keeps the choice
 * for the session, so saves decode the article the same way, and records it in the annotation
 * file, so later sessions, exports and searches do too; unsaved edits are saved first.
 */
export function EncodingChooser() {
  const article = useArticleViewStore((state) => state.article);
  const language = usePreferencesStore((state) => state.language);
  const t = useMessages();
  if (!article) return null;
  const value = article.encodingChosen ? (chooserEncodingOf(article.encoding) ?? AUTO_ENCODING) : AUTO_ENCODING;
  const autoLabel = `${ARTICLE_ENCODING_LABELS[AUTO_ENCODING][language]}${article.encodingChosen ? '' : ` (${article.encoding})`}`;
  return (
    <label className="toggle encoding-chooser">
      {t('encoding')}:
      <select
        aria-label={t('articleEncoding')}
        data-testid="encoding-chooser"
        value={value}
        onChange={(event) => void openArticle(article.id, { reload: true, encoding: articleEncodingChoiceOf(event.target.value) })}
      >
        <option value={AUTO_ENCODING}>{autoLabel}</option>
        {ARTICLE_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>
            {ARTICLE_ENCODING_LABELS[encoding][language]}
          </option>
        ))}
      </select>
    </label>
  );
}
