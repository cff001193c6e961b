import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION, type AnnotationFile, type StoredAnnotation, type StoredRelation } from '../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../shared/model/status';
import { codePointIndexOf } from '../../../shared/formats/testArticles';

/** Writes real corpus files for the CLI tests: NAME.txt (given bytes) and NAME.ann.json. */
export interface TestArticle {
  id: string;
  /** The article file's bytes; a string is written as UTF-8. */
  bytes: string | Uint8Array;
  /** The document text the annotations refer to (defaults to the bytes as UTF-8). */
  text?: string;
  status?: ArticleStatus;
  annotations?: { type: string; part: string; occurrence?: number; note?: string }[];
  relations?: StoredRelation[];
  tokens?: [number, number][];
}

export async function writeTestArticle(root: string, article: TestArticle): Promise<void> {
  const file = path.join(root, ...article.id.split('/'));
  await fs.mkdir(path.dirname(file), { recursive: true });
  const bytes = typeof article.bytes === 'string' ? Buffer.from(article.bytes, 'utf8') : article.bytes;
  await fs.writeFile(file, bytes);
  if (!article.annotations && !article.status) return;
  const text = article.text ?? (typeof article.bytes === 'string' ? article.bytes : '');
  const annotations: StoredAnnotation[] = (article.annotations ?? []).map((entry, index) => {
    const start = codePointIndexOf(text, entry.part, entry.occurrence ?? 0);
    return { id: `T${index + 1}`, type: entry.type, start, end: start + Array.from(entry.part).length, text: entry.part, ...(entry.note ? { note: entry.note } : {}) };
  });
  const annotationFile: AnnotationFile = {
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { file: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: article.status ?? 'in-progress',
    annotations,
    relations: article.relations ?? [],
    labels: [],
    ...(article.tokens ? { tokens: article.tokens } : {}),
  };
  await fs.writeFile(file.replace(/\.txt$/, '.ann.json'), `${JSON.stringify(annotationFile, null, 2)}\n`);
}
