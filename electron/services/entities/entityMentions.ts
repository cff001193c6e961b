import { buildMatchingKey, findHits } from '../../../shared/text/matchingKey';
import { createOffsetConverter } from '../../../shared/anchoring/offsets';
import type { Entity } from '../../../shared/entities/registry';
import { namesOf } from '../../../shared/entities/registryEntries';
import type { EntityMention, EntityView, UnlinkedMention } from '../../../shared/entities/entityWire';
import { listArticleIds } from '../corpus/articleFiles';
import { loadAnnotations } from '../storage/annotationStore';
import { readEntityArticle, type EntityArticle } from './entityCorpusFiles';
import { loadArticleMetadata } from '../metadata/articleMetadataFile';

/**
 * The entity view's data (#24): every annotation linked to the entity across the corpus, in
 * context with the article's publication date, and every untagged or unlinked occurrence of its names found with the Persian-aware
 * matching keys (lost ZWNJ, letter variants), at exact offsets. Bounded: at most `limit` of each
 * are returned; `onProgress` hears how many articles were scanned.
 */
const CONTEXT = 40;

export interface ScanOptions {
  limit: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function kwic(text: string, start: number, end: number) {
  const flat = (part: string) => part.replace(/\n/g, ' ');
  return { before: flat(text.slice(Math.max(0, start - CONTEXT), start)), match: text.slice(start, end), after: flat(text.slice(end, end + CONTEXT)) };
}

function unlinkedIn(located: EntityArticle, entity: Entity, annotations: readonly { id: string; start: number; end: number; entity?: string }[]): UnlinkedMention[] {
  const { text } = located.article;
  const converter = createOffsetConverter(text);
  const key = buildMatchingKey(text);
  const linked = annotations.filter((annotation) => annotation.entity === entity.id);
  const hits: { start: number; end: number; from: number; to: number }[] = [];
  for (const name of namesOf(entity)) {
    for (const hit of findHits(text, key, name, { wholeWords: true })) hits.push({ start: converter.toCodePoint(hit.start), end: converter.toCodePoint(hit.end), from: hit.start, to: hit.end });
  }
  // The longest name wins where names overlap: «ظریف» inside «محمد جواد ظریف» is not a mention of its own.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [...linked];
  const found: UnlinkedMention[] = [];
  for (const hit of hits) {
    if (taken.some((span) => span.start < hit.end && hit.start < span.end)) continue;
    taken.push(hit);
    const exact = annotations.find((annotation) => annotation.start === hit.start && annotation.end === hit.end);
    // An annotation there linked to another entity was linked on purpose: not offered again.
    if (exact?.entity !== undefined) continue;
    found.push({ articleId: located.id, start: hit.start, end: hit.end, ...kwic(text, hit.from, hit.to), ...(exact ? { annotationId: exact.id } : {}) });
  }
  return found.sort((a, b) => a.start - b.start);
}

function mentionsIn(located: EntityArticle, entity: Entity, annotations: readonly { id: string; type: string; start: number; end: number; entity?: string }[]): EntityMention[] {
  const { text } = located.article;
  const converter = createOffsetConverter(text);
  return annotations
    .filter((annotation) => annotation.entity === entity.id)
    .map((annotation) => {
      const from = converter.toUtf16(annotation.start);
      const to = converter.toUtf16(annotation.end);
      return { articleId: located.id, annotationId: annotation.id, type: annotation.type, start: annotation.start, end: annotation.end, ...kwic(text, from, to) };
    });
}

/** Counts per article and per type, of every mention (also those past the limit). */
function tally(view: EntityView, mentions: readonly EntityMention[]): void {
  const perType = new Map(view.perType.map((row) => [row.type, row.count]));
  for (const mention of mentions) perType.set(mention.type, (perType.get(mention.type) ?? 0) + 1);
  view.perType = [...perType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
  if (mentions.length > 0) view.perArticle.push({ articleId: mentions[0].articleId, count: mentions.length });
}

export async function scanEntity(root: string, entity: Entity, options: ScanOptions): Promise<EntityView> {
  const view: EntityView = { entityId: entity.id, mentions: [], unlinked: [], perArticle: [], perType: [], truncated: false, skipped: [] };
  const ids = await listArticleIds(root);
  for (const [index, id] of ids.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.(index, ids.length);
    let located: EntityArticle;
    try {
      located = await readEntityArticle(root, id);
    } catch (error) {
      view.skipped.push({ id, reason: (error as Error).message });
      continue;
    }
    const loaded = await loadAnnotations(located.path, located.article);
    if (loaded.problem) {
      view.skipped.push({ id, reason: loaded.problem.message });
      continue;
    }
    // The article's publication date from NAME.meta.json (#21), beside each of its mentions; a broken meta file gives none.
    const published = (await loadArticleMetadata(root, located.path)).metadata.published;
    const dated = <T extends object>(items: T[]): T[] => (published === undefined ? items : items.map((item) => ({ ...item, date: published })));
    const mentions = dated(mentionsIn(located, entity, loaded.annotations));
    const unlinked = dated(unlinkedIn(located, entity, loaded.annotations));
    tally(view, mentions);
    if (view.mentions.length + mentions.length > options.limit || view.unlinked.length + unlinked.length > options.limit) view.truncated = true;
    view.mentions.push(...mentions.slice(0, Math.max(0, options.limit - view.mentions.length)));
    view.unlinked.push(...unlinked.slice(0, Math.max(0, options.limit - view.unlinked.length)));
  }
  options.onProgress?.(ids.length, ids.length);
  return view;
}
