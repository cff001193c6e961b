import { useEffect, useState } from 'react';
import { metadataCatalog } from '../../i18n/catalog/metadata';
import { useCatalog } from '../../i18n/useCatalog';
import { loadArticleMetadata } from '../../store/flows/judgments/metadata';
import { useMetadataStore } from '../../store/window/metadataStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { MetadataDialog } from './MetadataDialog';
import { metadataProblemText } from './metadataProblemText';
import { formatPublicationDate } from './publicationDate';

/**
 * (#21) The open article's metadata under its name in the header: title, source, author, the
 * publication date (Jalali in Persian, Gregorian in English) and the URL as isolated LTR text.
 * "Edit metadata" opens the editor, unless the file has a problem: then it says why, read-only.
 */
export function MetadataLine({ articleId }: { articleId: string }) {
  const t = useCatalog(metadataCatalog);
  const language = usePreferencesStore((state) => state.language);
  const current = useMetadataStore((state) => (state.articleId === articleId ? state.current : null));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void loadArticleMetadata(articleId);
    setEditing(false);
  }, [articleId]);
  if (!current) return null;
  const { metadata, problem } = current;
  const parts = [
    metadata.title ? <bdi key="title" className="metadata-title">{metadata.title}</bdi> : null,
    metadata.source ? <bdi key="source" className="metadata-source">{metadata.source}</bdi> : null,
    metadata.author ? <span key="author">{t('byAuthor', { author: metadata.author })}</span> : null,
    metadata.published ? (
      <time key="published" dateTime={metadata.published} data-testid="metadata-date">
        {formatPublicationDate(metadata.published, language)}
      </time>
    ) : null,
    metadata.url ? (
      <bdi key="url" dir="ltr" className="metadata-url" data-testid="metadata-url">
        {metadata.url}
      </bdi>
    ) : null,
  ].filter((part) => part !== null);
  return (
    <div className="article-metadata" data-testid="article-metadata" aria-label={t('metadata')}>
      {problem ? (
        <span className="metadata-problem" role="status" data-testid="metadata-problem" data-code={problem.code}>
          ⚠ {t('readOnly', { reason: metadataProblemText(problem, t) })}
        </span>
      ) : parts.length > 0 ? (
        parts.flatMap((part, index) => (index === 0 ? [part] : [<span key={`dot${index}`} aria-hidden="true"> · </span>, part]))
      ) : (
        <span className="metadata-empty">{t('noMetadata')}</span>
      )}
      {problem ? null : (
        <button type="button" className="link-button" data-testid="edit-metadata" onClick={() => setEditing(true)}>
          {t('editMetadata')}
        </button>
      )}
      {editing && !problem ? <MetadataDialog articleId={articleId} initial={metadata} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
