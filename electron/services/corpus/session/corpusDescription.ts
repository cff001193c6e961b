import path from 'node:path';
import type { Corpus } from '../../../../shared/corpusWire';
import { countBratEntities, loadBratCorpusTagSet } from '../../brat/bratStore';
import { loadTagSet } from '../../tagset/tagSetLoader';
import { scanCorpusWithSkipped } from '../corpusScanner';

/** The open corpus as the window lists it: its articles (with brat entity counts in a brat corpus), tag set and skipped files. */
export async function describeCorpus(root: string, mode: Corpus['mode'], cacheFolder: string | null | undefined): Promise<Corpus> {
  if (mode === 'brat') {
    const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder }), loadBratCorpusTagSet(root)]);
    const counted = await Promise.all(
      articles.map(async (entry) => {
        const count = await countBratEntities(path.join(root, ...entry.id.split('/')));
        return { ...entry, annotationCount: count, status: count > 0 ? ('in-progress' as const) : ('new' as const) };
      }),
    );
    return { name: path.basename(root), displayPath: root, mode: 'brat', articles: counted, tagSet, skipped };
  }
  const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder }), loadTagSet(root)]);
  return { name: path.basename(root), displayPath: root, mode: 'native', articles, tagSet, skipped };
}
