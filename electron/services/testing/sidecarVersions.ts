import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EntityRegistry } from '../../../shared/entities/registry';
import type { ArticleMetadata } from '../../../shared/metadata/articleMetadata';
import type { GazetteerEntry } from '../../../shared/pretag/gazetteer';
import { FOOTER_BODIES, footerArticle } from './footerCorpus';

/**
 * (#17) The corpus and the two versions (A, B) of each corpus file the sidecar fault tests write:
 * `entities.json`, `NAME.meta.json`, the pre-annotation file `NAME.annotators/AS.ann.json`, and
 * the zones of `NAME.ann.json` (a footer proposal accepted, then taken back). The versions differ
 * in length and content, so a torn write passes for neither. Shared by the writing child and the
 * tests that check what it left.
 */
export type SidecarKind = 'entities' | 'metadata' | 'pretag' | 'zones';
export const SIDECAR_KINDS: readonly SidecarKind[] = ['entities', 'metadata', 'pretag', 'zones'];

/** The article's id in the corpus (its path) and its file name. */
export const SIDECAR_ARTICLE_ID = 'news1.txt';
export const SIDECAR_ARTICLE = SIDECAR_ARTICLE_ID;

/** Four news articles sharing a footer (the zones kind needs a repeated one); news1 is the one written. */
export async function writeSidecarCorpus(root: string): Promise<void> {
  await fs.mkdir(root, { recursive: true });
  for (const [index, body] of FOOTER_BODIES.entries()) {
    // news1 also names the places the gazetteers look for.
    const text = index === 0 ? `${body}\nسفر از تهران به مشهد و سپس به اصفهان و شیراز بود.` : body;
    await fs.writeFile(path.join(root, `news${index + 1}.txt`), footerArticle(text, 1000 + index));
  }
}

/** Version A: 40 entities; version B: 90, with other names. */
export function sidecarRegistry(version: 'A' | 'B'): EntityRegistry {
  const count = version === 'A' ? 40 : 90;
  return {
    version: 1,
    entities: Array.from({ length: count }, (_, index) => ({
      id: `${version}${index}`,
      type: index % 2 === 0 ? 'PER' : 'LOC',
      names: { fa: `${version === 'A' ? 'محمدجواد ظریف' : 'عباس عراقچی'} ${index}`, latin: `${version}-name-${index}` },
      aliases: [`${version}‌نام ${index}`],
    })),
  };
}

export function sidecarMetadata(version: 'A' | 'B'): ArticleMetadata {
  return version === 'A'
    ? { title: 'سفر وزیر خارجه به دمشق', source: 'ایرنا', published: '2024-03-20' }
    : { title: `دیدار با همتای سوری ${'و گفت‌وگو درباره منطقه '.repeat(150)}`, source: 'ایسنا', url: 'https://www.isna.ir/news/1403', author: 'مریم', published: '2024-03-21' };
}

export function sidecarGazetteer(version: 'A' | 'B'): GazetteerEntry[] {
  const places = version === 'A' ? ['تهران', 'مشهد'] : ['تهران', 'اصفهان', 'شیراز', 'دمشق'];
  return places.map((phrase) => ({ phrase, type: 'LOC' }));
}
