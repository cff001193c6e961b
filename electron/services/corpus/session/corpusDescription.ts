import path from 'node:path';
import type { Corpus } from '../../../../shared/corpusWire';
import { countBratEntities, loadBratCorpusTagSet } from '../../brat/bratStore';
import { loadTagSet } from '../../tagset/tagSetLoader';
import { listCorpusFirst, scanCorpusWithSkipped, type OpenedListingCache } from '../corpusScanner';
import type { CorpusWalk } from '../articleFiles';

/** The open corpus as the window lists it: its articles (with brat entity counts in a brat corpus), tag set and skipped files. */
export async function describeCorpus(root: string, mode: Corpus['mode'], cacheFolder: string | null | undefined, cache?: Promise<OpenedListingCache>): Promise<Corpus> {
  if (mode === 'brat') {
    const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder, cache }), loadBratCorpusTagSet(root)]);
    const counted = await Promise.all(
      articles.map(async (entry) => {
        const count = await countBratEntities(path.join(root, ...entry.id.split('/')));
        return { ...entry, annotationCount: count, status: count > 0 ? ('in-progress' as const) : ('new' as const) };
      }),
    );
    return { name: path.basename(root), displayPath: root, mode: 'brat', articles: counted, tagSet, skipped };
  }
  const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder, cache }), loadTagSet(root)]);
  return { name: path.basename(root), displayPath: root, mode: 'native', articles, tagSet, skipped };
}

/** (#25) What the session read already: the corpus's folders (the watcher's first read), the listing cache (being read, and its files' stamps). */
export interface FirstReads {
  walk?: CorpusWalk | null;
  cache?: Promise<OpenedListingCache>;
}

/**
 * (#25) The native corpus listed before the annotation files not in the listing cache are read
 * (those articles carry `statusPending`), and `complete`, which reads them and gives the whole
 * description; null when nothing is left to read (a brat corpus is described whole).
 */
export async function describeCorpusFirst(
  root: string,
  mode: Corpus['mode'],
  cacheFolder: string | null | undefined,
  read: FirstReads = {},
): Promise<{ corpus: Corpus; complete: (() => Promise<Corpus>) | null; completesFromCache: boolean }> {
  if (mode === 'brat') return { corpus: await describeCorpus(root, mode, cacheFolder, read.cache), complete: null, completesFromCache: false };
  const [first, tagSet] = await Promise.all([listCorpusFirst(root, { cacheFolder, cache: read.cache }, { defer: true, walk: read.walk }), loadTagSet(root)]);
  const describe = (articles: Corpus['articles'], skipped: Corpus['skipped']): Corpus => ({ name: path.basename(root), displayPath: root, mode: 'native', articles, tagSet, skipped });
  const pending = first.articles.some((entry) => entry.statusPending === true);
  const complete = async () => {
    const { articles, skipped } = await first.complete();
    return describe(articles, skipped);
  };
  return { corpus: describe(first.articles, first.skipped), complete: pending ? complete : null, completesFromCache: first.onlyStampsPending };
}
