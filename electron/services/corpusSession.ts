import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleDocument, Corpus, SaveResult } from '../../shared/ipc';
import { decodeArticle, UnreadableArticleError, type DecodedArticle } from './articleDecoder';
import { loadAnnotations, saveAnnotations, SaveRefusedError, type SaveRequest } from './annotationStore';
import { moveAsideBrokenFile } from './brokenAnnotationFile';
import { reanchorOnLoad, type ReanchorReport } from './reanchorOnLoad';
import { resolveInCorpus } from './corpusPaths';
import { scanCorpus } from './corpusScanner';
import { loadTagSet } from './tagSetLoader';

/** The corpus open in the window: the only root that article ids are resolved against. */
export class CorpusSession {
  private root: string | null = null;

  get rootPath(): string | null {
    return this.root;
  }

  async open(folder: string): Promise<Corpus> {
    const resolved = path.resolve(folder);
    const stat = await fs.stat(resolved);
    if (!stat.isDirectory()) throw new Error(`${resolved} is not a folder.`);
    this.root = resolved;
    return this.describe();
  }

  async describe(): Promise<Corpus> {
    const root = this.requireRoot();
    const [articles, tagSet] = await Promise.all([scanCorpus(root), loadTagSet(root)]);
    return {
      name: path.basename(root),
      displayPath: root,
      mode: 'native',
      articles,
      tagSet,
    };
  }

  async loadArticle(id: string): Promise<ArticleDocument> {
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    const article = await this.readArticle(articlePath);
    // An article changed on disk since it was annotated: place every annotation again by its
    // text and context and save that at once, so the offsets on disk follow the text.
    const reanchored = await reanchorOnLoad(articlePath, article, { write: true });
    const loaded = await loadAnnotations(articlePath, article);
    return {
      id,
      name: path.basename(articlePath),
      text: article.text,
      encoding: article.encoding,
      encodingGuessed: article.guessed,
      sha256: article.sha256,
      ...loaded,
      orphans: loaded.orphans ?? [],
      reanchored: reanchored ? summarizeReanchoring(reanchored.report) : null,
    };
  }

  async saveAnnotations(id: string, sha256: string, request: SaveRequest): Promise<SaveResult> {
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    const article = await this.readArticle(articlePath);
    if (article.sha256 !== sha256) {
      return { ok: false, message: 'The article changed on disk since it was opened; reopen it before saving.', retryable: false };
    }
    try {
      const file = await saveAnnotations(articlePath, article, request);
      return { ok: true, savedAt: file.updated ?? new Date().toISOString() };
    } catch (error) {
      return { ok: false, message: (error as Error).message, retryable: !(error instanceof SaveRefusedError) };
    }
  }

  /** Moves a broken annotation file aside; returns its new file name. */
  async moveAsideAnnotationFile(id: string): Promise<string> {
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    return path.basename(await moveAsideBrokenFile(articlePath));
  }

  private async readArticle(articlePath: string): Promise<DecodedArticle> {
    const bytes = await fs.readFile(articlePath);
    try {
      return decodeArticle(bytes);
    } catch (error) {
      if (error instanceof UnreadableArticleError) throw new Error(`${path.basename(articlePath)} cannot be read: ${error.message}`);
      throw error;
    }
  }

  private requireRoot(): string {
    if (this.root === null) throw new Error('No corpus is open.');
    return this.root;
  }
}

function summarizeReanchoring(report: ReanchorReport): { moved: number; fuzzy: number; orphaned: number } {
  const count = (status: string) => report.changes.filter((change) => change.status === status).length;
  return { moved: count('moved') + count('recovered'), fuzzy: count('fuzzy'), orphaned: count('orphan') };
}
