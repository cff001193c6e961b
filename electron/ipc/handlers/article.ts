import type { DomainHandlers, HandlerContext } from '../handlerTypes';
import { loadArticleMetadata, saveArticleMetadata } from '../../services/metadata/articleMetadataFile';
import { articlePathIn } from '../../services/corpus/corpusPaths';

/**
 * Loading an article and saving its annotations. The session takes the confined article's id
 * and resolves it against its root again at the moment it reads or writes: the corpus open then
 * is the one written to, and tests and the CLI's tools call it with ids of their own.
 */
export function articleHandlers({ session }: HandlerContext): DomainHandlers<'article'> {
  return {
    'article.load': async ({ id: article, encoding, firstPageEarly }) => session.loadArticle(article.id, encoding, { firstPageEarly }),
    'article.annotationPage': async ({ id: article, revision, from }) => session.annotationPage(article.id, revision, from),
    'article.suggestions': async ({ id: article }) => ({ suggestions: await session.suggestions(article.id) }),
    'annotations.save': async ({ id: article, sha256, ...request }) => session.saveAnnotations(article.id, sha256, request),
    'annotations.saveChanges': async ({ id: article, sha256, base, remove, insert, count, ...request }) =>
      session.saveAnnotationChanges(article.id, sha256, base, { remove, insert, count }, request),
    'annotations.previewDelete': async ({ id: article, annotationId }) => ({ lines: await session.previewDelete(article.id, annotationId) }),
    // (#21) The metadata file beside the article, through the confined path of the corpus open now.
    'article.metadata': async ({ id: article }) => loadArticleMetadata(article.root, articlePathIn(session.rootPath ?? '', article)),
    'article.saveMetadata': async ({ id: article, metadata, base }) => saveArticleMetadata(article.root, articlePathIn(session.rootPath ?? '', article), metadata, base),
    'annotations.moveAside': async ({ id: article }) => ({ movedTo: await session.moveAsideAnnotationFile(article.id) }),
  };
}
