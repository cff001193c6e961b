import { ARTICLE_STATUSES, isArticleStatus } from '../../../../shared/articleStatuses';
import { statusLabels } from '../../i18n/messages';
import { EncodingChooser } from './EncodingChooser';
import { markDoneAndOpenNext } from '../../store/flows/article';
import { setArticleStatus } from '../../store/flows/editing';
import { useDocumentStore } from '../../store/documentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { articleCatalog } from '../../i18n/catalog/article';
import { useCatalog } from '../../i18n/useCatalog';
import { MetadataLine } from '../metadata/MetadataLine';

/** The open article's name and workflow status, with "done, next" (Ctrl+Enter). */
export function ArticleHeader() {
  const article = useArticleViewStore((state) => state.article);
  const language = usePreferencesStore((state) => state.language);
  const status = useDocumentStore((state) => state.status);
  const t = useCatalog(articleCatalog);
  if (!article) return null;
  return (
    <div className="article-header">
      <bdi className="article-name">{article.name}</bdi>
      <label className="toggle">
        {t('status')}
        <select aria-label={t('articleStatus')} value={status} disabled={article.problem !== null} onChange={(event) => isArticleStatus(event.target.value) && setArticleStatus(event.target.value)}>
          {ARTICLE_STATUSES.map((option) => (
            <option key={option} value={option}>
              {statusLabels[language][option]}
            </option>
          ))}
        </select>
      </label>
      <EncodingChooser />
      <button type="button" className="primary" disabled={article.problem !== null} title="Ctrl+Enter" onClick={() => void markDoneAndOpenNext()}>
        {t('doneNext')}
      </button>
      <MetadataLine articleId={article.id} />
    </div>
  );
}
