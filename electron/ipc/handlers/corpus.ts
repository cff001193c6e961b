import { openCorpus } from '../corpusOpening';
import { resolveDroppedPath } from '../droppedPath';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';
import { summarizeArticles } from '../../services/metadata/articleSummaries';
import { articlePathIn } from '../../services/corpus/corpusPaths';

/** Opening a corpus (dialog, drop, main's menu), its listing, and search and tag-all across it. */
export function corpusHandlers(context: HandlerContext): DomainHandlers<'corpus'> {
  const { session, settings, host, switchRequests } = context;
  return {
    'corpus.openDialog': async () => {
      const folder = await host.pickFolder();
      return folder === null ? null : openCorpus(context, folder);
    },
    'corpus.confirmSwitch': async ({ token }) => {
      const folder = switchRequests.take(token);
      return folder === null ? null : openCorpus(context, folder);
    },
    'corpus.openDropped': async ({ path: droppedPath }) => {
      const target = await resolveDroppedPath(droppedPath);
      const corpus = await openCorpus(context, target.folder);
      return { corpus, articleId: target.articleName };
    },
    'corpus.summaries': async ({ ids }) => {
      const root = session.rootPath ?? '';
      return { summaries: await summarizeArticles(root, ids.map((article) => ({ id: article.id, path: articlePathIn(root, article) }))) };
    },
    'corpus.refresh': async () => (session.rootPath ? session.refreshListing() : null),
    'corpus.search': async ({ query, wholeWords }) => session.searchCorpus(query, wholeWords),
    'corpus.tagAll': async ({ query, wholeWords, type }) => {
      const result = await session.tagAllInCorpus(query, wholeWords, type, settings.annotator());
      host.emit('corpus.listChanged', await session.describe());
      return result;
    },
    'corpus.footerProposals': async ({ minArticles }) => session.footerProposals(minArticles),
    'corpus.decideFooter': async ({ key, articleIds, decision }) => {
      const result = await session.decideFooter(key, articleIds, decision);
      host.emit('corpus.listChanged', await session.describe());
      return result;
    },
    'corpus.undoTagAll': async ({ batchId }) => {
      const result = await session.undoTagAll(batchId);
      host.emit('corpus.listChanged', await session.describe());
      return result;
    },
  };
}
