import { create } from 'zustand';
import { buildMatchingKey, findHits, type MatchingKey, type TextHit } from '../../../shared/text/matchingKey';
import type { OpenArticle } from './articleViewStore';

/** Find-in-article state: session only, never saved. */
export interface FindState {
  open: boolean;
  query: string;
  wholeWords: boolean;
  hits: TextHit[];
  current: number;
  /** The tag chosen for "tag all", while its preview is shown. */
  previewType: string | null;
}

export const useFindStore = create<FindState>()(() => ({
  open: false,
  query: '',
  wholeWords: true,
  hits: [],
  current: 0,
  previewType: null,
}));

export const findActions = {
  open(): void {
    useFindStore.setState({ open: true });
  },
  // The hits go with the bar (#25 heap: the bar is not mounted while closed, so it no longer clears them itself).
  close(): void {
    useFindStore.setState({ open: false, previewType: null, hits: [], current: 0 });
  },
  /** A new query: the tag-all preview of the old one is gone. */
  changeQuery(query: string): void {
    useFindStore.setState({ query, previewType: null });
  },
  setWholeWords(wholeWords: boolean): void {
    useFindStore.setState({ wholeWords });
  },
  /** The hits of the query as it is now, the first one current. */
  showHits(hits: TextHit[]): void {
    useFindStore.setState({ hits, current: 0 });
  },
  goToHit(index: number): void {
    useFindStore.setState({ current: index });
  },
  /** Shows (or, with null, hides) what "tag all" would add as that tag. */
  previewTagAll(type: string | null): void {
    useFindStore.setState({ previewType: type });
  },
};

const keyCache = new WeakMap<OpenArticle, MatchingKey>();

/** The article's matching key, built once per opened article. */
export function matchingKeyOf(article: OpenArticle): MatchingKey {
  let key = keyCache.get(article);
  if (!key) {
    key = buildMatchingKey(article.text);
    keyCache.set(article, key);
  }
  return key;
}

export function searchArticle(article: OpenArticle | null, query: string, wholeWords: boolean): TextHit[] {
  if (!article || query.trim() === '') return [];
  return findHits(article.text, matchingKeyOf(article), query, { wholeWords });
}
