import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { annotationPathFor } from '../storage/annotationStore';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';

/** A Persian news sentence with a character beyond U+FFFF first, so code points and UTF-16 differ from the start. */
export const FIXTURE_ARTICLE_TEXT = '😀 سرلشکر باقری رئیس ستاد کل نیروهای مسلح امروز در دمشق با همتای سوری دیدار کرد.\n';

const folders: string[] = [];

/** Writes `text` as «خبر.txt» in a fresh temporary folder (removed by `removeArticleFolders`). */
export async function articleIn(text: string, prefix = 'hashiye-article-'): Promise<{ articlePath: string; annotationPath: string; article: DecodedArticle }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  const articlePath = path.join(folder, 'خبر.txt');
  await fs.writeFile(articlePath, text);
  return { articlePath, annotationPath: annotationPathFor(articlePath), article: decodeArticle(await fs.readFile(articlePath)) };
}

export async function removeArticleFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
}
