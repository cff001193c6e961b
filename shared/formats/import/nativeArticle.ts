import {
  NATIVE_FORMAT_ID,
  NATIVE_FORMAT_VERSION,
  type AnnotationFile,
  type StoredAnnotation,
} from '../../model/nativeFormat';
import { quoteAround } from '../../anchoring/quote';
import type { ImportedArticle, ImportFormat } from './importTypes';

/** Author recorded on every imported annotation. */
export const IMPORT_AUTHOR = 'import';

export interface NativeArticleContext {
  /** File name of the written article (`NAME.txt`). */
  articleFile: string;
  /** SHA-256 (hex) of the article's written bytes. */
  sha256: string;
  /** ISO timestamp of the import. */
  now: string;
  format: ImportFormat;
}

/**
 * The `NAME.ann.json` contents of an imported article: its spans with their text and quote
 * context, status `in-progress` when it has any annotation (else `new`), and the source's
 * token boundaries when it was tokenized. `importedFrom` (an extra field, kept by the loose
 * schema) says which source and line the article came from.
 */
export function toAnnotationFile(article: ImportedArticle, context: NativeArticleContext): AnnotationFile {
  const codePoints = Array.from(article.text);
  const slice = (start: number, end: number): string => codePoints.slice(start, end).join('');
  const annotations = article.spans.map((span): StoredAnnotation => {
    const text = span.fragments
      ? span.fragments.map((fragment) => slice(fragment.start, fragment.end)).join(' ')
      : slice(span.start, span.end);
    const annotation: StoredAnnotation = {
      id: span.id,
      type: span.type,
      start: span.start,
      end: span.end,
      text,
      quote: quoteAround(codePoints, span.start, span.end),
      author: IMPORT_AUTHOR,
      created: context.now,
      modified: context.now,
    };
    if (span.fragments) annotation.fragments = span.fragments.map((fragment) => ({ ...fragment }));
    if (span.note !== undefined) annotation.note = span.note;
    if (span.attributes) annotation.attributes = { ...span.attributes };
    if (span.roles) annotation.roles = span.roles.map((role) => ({ ...role }));
    if (span.entity) annotation.entity = span.entity;
    return annotation;
  });
  const documentLabels = article.documentLabels && Object.keys(article.documentLabels).length > 0 ? article.documentLabels : null;
  const annotated = annotations.length > 0 || article.relations.length > 0 || article.labels.length > 0 || documentLabels !== null;
  const file: AnnotationFile = {
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { file: context.articleFile, sha256: context.sha256, encoding: 'utf-8', length: codePoints.length },
    status: annotated ? 'in-progress' : 'new',
    annotations,
    relations: article.relations.map((relation) => ({ ...relation })),
    labels: [...article.labels],
    updated: context.now,
    importedFrom: { format: context.format, file: article.origin.file, line: article.origin.line },
  };
  if (documentLabels) file.documentLabels = { ...documentLabels };
  if (article.tokens) file.tokens = article.tokens.map(([start, end]): [number, number] => [start, end]);
  return file;
}
