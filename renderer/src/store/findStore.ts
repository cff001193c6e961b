import { create } from 'zustand';
import { buildMatchingKey, findHits, type MatchingKey, type TextHit } from '../../../shared/text/matchingKey';
import type { OpenArticle } from './sessionStore';

/** Find-in-article state: session only, never saved. */
export interface FindState {
  open: boolean;
  query: string;
  wholeWords: boolean;
  hits: TextHit[];
  current: number;
  /** The tag chosen for "tag all", while its preview is shown. */
  previewType: string | null;
  set: (change: Partial<Omit<FindState, 'set'>>) => void;
}

export const useFindStore = create<FindState>()((set) => ({
  open: false,
  query: '',
  wholeWords: true,
  hits: [],
  current: 0,
  previewType: null,
  set: (change) => set(change),
}));

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
