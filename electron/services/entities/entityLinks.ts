import { listArticleIds } from '../corpus/articleFiles';
import type { WriteTurn } from '../corpus/corpusSearch';
import { withUserProblem } from '../problems/userProblems';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { readEntityArticle, rewriteAnnotations } from './entityCorpusFiles';

/**
 * Links in the corpus's annotation files (#24): re-pointing them after a merge, a split or a
 * removal of an entity, and linking one span of an article that is not open in the window (the
 * entity view). Each file is written once, under its lock, as the session's own write.
 */

/** `repoint`: old entity id → new ('' removes the link); `only`: just these annotations (`articleId\0annotationId`). */
export async function repointLinks(root: string, repoint: ReadonlyMap<string, string>, write: WriteTurn, only?: ReadonlySet<string>): Promise<string[]> {
  const rewritten: string[] = [];
  for (const id of await listArticleIds(root)) {
    let located;
    try {
      located = await readEntityArticle(root, id);
    } catch {
      continue; // An unreadable article has no annotations the window can show; nothing to re-point.
    }
    const outcome = await rewriteAnnotations(located, write, (annotations) => {
      let changed = false;
      const next = annotations.map((annotation) => {
        if (annotation.entity === undefined || !repoint.has(annotation.entity)) return annotation;
        if (only && !only.has(`${id}\0${annotation.id}`)) return annotation;
        changed = true;
        const target = repoint.get(annotation.entity) ?? '';
        const copy: StoredAnnotation = { ...annotation };
        if (target === '') delete copy.entity;
        else copy.entity = target;
        return copy;
      });
      return changed ? next : null;
    });
    if ('written' in outcome && outcome.written) rewritten.push(id);
  }
  return rewritten;
}

export interface LinkSpan {
  articleId: string;
  entity: string;
  start: number;
  end: number;
  type: string;
  annotationId?: string;
}

/**
 * Links the annotation `annotationId` (or, without one, the annotation of `type` exactly on the
 * span, or a new one there) to the entity. Returns the annotation's id.
 */
export async function linkSpan(root: string, link: LinkSpan, context: { author: string; newId: () => string }, write: WriteTurn): Promise<string> {
  const located = await readEntityArticle(root, link.articleId);
  const chars = Array.from(located.article.text);
  if (link.end <= link.start || link.end > chars.length) throw new Error(`span ${link.start}–${link.end} is outside ${link.articleId}`);
  let linkedId = '';
  const outcome = await rewriteAnnotations(located, write, (annotations) => {
    const now = new Date().toISOString();
    const existing =
      annotations.find((annotation) => annotation.id === link.annotationId) ??
      annotations.find((annotation) => annotation.start === link.start && annotation.end === link.end && annotation.type === link.type);
    if (existing) {
      linkedId = existing.id;
      return annotations.map((annotation) => (annotation === existing ? { ...annotation, entity: link.entity, modified: now } : annotation));
    }
    linkedId = context.newId();
    const created: StoredAnnotation = { id: linkedId, type: link.type, start: link.start, end: link.end, text: chars.slice(link.start, link.end).join(''), author: context.author, created: now, modified: now, entity: link.entity };
    return [...annotations, created].sort((a, b) => a.start - b.start || b.end - a.end);
  });
  if ('problem' in outcome) throw withUserProblem(new Error(outcome.problem), { code: 'editsNotApplicable' });
  return linkedId;
}
