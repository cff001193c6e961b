import path from 'node:path';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import type { DecodedArticle, DecodeOptions } from './articleDecoder';

/**
 * The `source` a save writes: what the file had (fields of newer versions kept), the article's
 * file name, bytes' SHA-256, encoding and length, and `encodingChosen` only when the encoding is
 * the user's choice, so that it lasts; a detected encoding drops an earlier flag.
 */
export function sourceRecordFor(previous: AnnotationFile['source'] | undefined, articlePath: string, article: Pick<DecodedArticle, 'sha256' | 'encoding' | 'chosen'>, length: number): AnnotationFile['source'] {
  const { encodingChosen: _chosen, ...kept } = (previous ?? {}) as Partial<AnnotationFile['source']> & { encodingChosen?: unknown };
  return { ...kept, file: path.basename(articlePath), sha256: article.sha256, encoding: article.encoding, length, ...(article.chosen ? { encodingChosen: true } : {}) };
}

/**
 * The encoding record of an annotation file already parsed (its `source`), for `decodeArticle`:
 * the same record `encodingRecordIn` finds in the file's text, without scanning it again.
 */
export function encodingRecordOf(source: AnnotationFile['source']): NonNullable<DecodeOptions['record']> | null {
  return source.encoding === '' ? null : { sha256: source.sha256, encoding: source.encoding, chosen: source.encodingChosen === true };
}
