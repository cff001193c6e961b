import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { decodeArticle } from '../article/articleDecoder';

/**
 * A small real corpus with annotator files, for the agreement, curation and CLI tests. The
 * expected figures are worked out by hand in those tests from the spans listed here.
 *
 * - `news/a1.txt`: UTF-8 with BOM and CRLF; an emoji first, ZWNJ, NBSP, a run-together word.
 *   Annotators ali, sara, reza (reza's spans are ali's).
 * - `a2.txt`: Windows-1256 (Arabic yeh), with source tokens; ali and sara agree fully.
 * - `a3.txt`: ali only (not compared). `a4.txt`: nobody.
 * - `a5.txt`: ali, and a broken file of sara's (listed as a problem, not compared).
 */
export const A1_TEXT = '😀 علی\u200cرضا احمدی در\u00a0تهران امنیتیگروه 🇮🇷 دید.\nسازمان ملل';
export const A2_TEXT = 'علي در تهران';

type Span = [type: string, start: number, end: number];

export const A1_ALI: Span[] = [['PER', 2, 15], ['LOC', 19, 24], ['ORG', 31, 35], ['ORG', 44, 54]];
export const A1_SARA: Span[] = [['PER', 2, 9], ['LOC', 19, 24], ['LOC', 44, 54]];
export const A2_BOTH: Span[] = [['PER', 0, 3], ['LOC', 7, 12]];

function toAnnotations(text: string, spans: readonly Span[], author: string): StoredAnnotation[] {
  const codePoints = Array.from(text);
  return spans.map(([type, start, end], index) => ({ id: `T${index + 1}`, type, start, end, text: codePoints.slice(start, end).join(''), author }));
}

export async function writeAnnotatorFile(articlePath: string, annotator: string, text: string, spans: readonly Span[], tokens?: [number, number][]): Promise<void> {
  const article = decodeArticle(await fs.readFile(articlePath));
  if (article.text !== text) throw new Error(`Fixture text mismatch for ${articlePath}`);
  await saveAnnotationFileAt(annotatorFilePath(articlePath, annotator), articlePath, article, {
    status: 'done',
    annotations: toAnnotations(text, spans, annotator),
    ...(tokens ? { tokens } : {}),
  });
}

export async function makeAnnotatorCorpus(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-annotators-'));
  await fs.mkdir(path.join(root, 'news'));
  const a1 = path.join(root, 'news', 'a1.txt');
  await fs.writeFile(a1, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(A1_TEXT.replace('\n', '\r\n'), 'utf8')]));
  await writeAnnotatorFile(a1, 'ali', A1_TEXT, A1_ALI);
  await writeAnnotatorFile(a1, 'sara', A1_TEXT, A1_SARA);
  await writeAnnotatorFile(a1, 'reza', A1_TEXT, A1_ALI);
  const a2 = path.join(root, 'a2.txt');
  await fs.writeFile(a2, iconv.encode(A2_TEXT, 'windows-1256'));
  const a2Text = decodeArticle(await fs.readFile(a2)).text;
  await writeAnnotatorFile(a2, 'ali', a2Text, A2_BOTH, [[0, 3], [4, 6], [7, 12]]);
  await writeAnnotatorFile(a2, 'sara', a2Text, A2_BOTH, [[0, 3], [4, 6], [7, 12]]);
  const a3 = path.join(root, 'a3.txt');
  await fs.writeFile(a3, 'فقط علی');
  await writeAnnotatorFile(a3, 'ali', 'فقط علی', [['PER', 4, 7]]);
  await fs.writeFile(path.join(root, 'a4.txt'), 'بدون حاشیه');
  const a5 = path.join(root, 'a5.txt');
  await fs.writeFile(a5, 'خراب');
  await writeAnnotatorFile(a5, 'ali', 'خراب', []);
  await fs.writeFile(path.join(root, 'a5.annotators', 'sara.ann.json'), '{ not json');
  return root;
}
