import path from 'node:path';
import type { Corpus } from '../../../../shared/corpusWire';
import { AUTO_ENCODING } from '../../../../shared/text/articleEncodings';
import { decodeArticle, UnreadableArticleError, type DecodedArticle, type DecodeOptions } from '../../article/articleDecoder';
import { readEncodingRecord } from '../../article/encodingRecord';
import { withUserProblem } from '../../problems/userProblems';
import { readArticleBytes } from '../confinedReaders';
import type { KnownFileState } from '../watchedFileState';

/**
 * Reads the session's articles: the encoding each is decoded in, and the last decoding kept so
 * that a save's check of the article does not decode the same bytes again.
 */
export class ArticleReader {
  /** The last article file decoded, with its bytes: saves read the article again to check it. */
  private last: { path: string; bytes: Buffer; decodedAs: string; article: DecodedArticle } | null = null;
  /**
   * Encodings the user chose, by article path, for this session (`auto`: detection, whatever the
   * annotation file records): every read of it (saves too) decodes so. The choice is also
   * recorded in the annotation file (`source`), which decides in later sessions.
   */
  private readonly chosenEncodings = new Map<string, string>();

  choose(articlePath: string, encoding: string): void {
    this.chosenEncodings.set(articlePath, encoding);
  }

  clear(): void {
    this.chosenEncodings.clear();
    this.last = null;
  }

  /**
   * The article decoded, and the file as read (size and mtime from the stat before reading, the
   * bytes' SHA-256) for the watcher. Bytes equal to the last ones decoded (every save checks the
   * article again) reuse that decoding: it depends on nothing but the bytes.
   * `like`: the article as loaded in the window; its encoding decodes saves unless the user chose another since.
   */
  async readFile(root: string, mode: Corpus['mode'], articlePath: string, like?: DecodedArticle): Promise<{ article: DecodedArticle; file: KnownFileState }> {
    const { bytes, size, mtimeMs } = await readArticleBytes(root, articlePath);
    const last = this.last;
    const options = await this.decodeOptions(root, mode, articlePath, like);
    const decodedAs = JSON.stringify(options);
    let article: DecodedArticle;
    if (last !== null && last.path === articlePath && last.decodedAs === decodedAs && last.bytes.equals(bytes)) {
      article = last.article;
    } else {
      article = decodeOrExplain(articlePath, bytes, options);
      this.last = { path: articlePath, bytes, decodedAs, article };
    }
    return { article, file: { exists: true, size, mtimeMs, sha256: article.sha256 } };
  }

  /**
   * In order: the user's choice in this session, the encoding the text in the window was decoded
   * with, what the annotation file records for these bytes, detection.
   */
  private async decodeOptions(root: string, mode: Corpus['mode'], articlePath: string, like?: DecodedArticle): Promise<DecodeOptions> {
    const chosen = this.chosenEncodings.get(articlePath);
    if (chosen === AUTO_ENCODING) return {};
    if (chosen !== undefined) return { encoding: chosen };
    if (like !== undefined) return { encoding: like.encoding, chosen: like.chosen };
    return { record: mode === 'native' ? await readEncodingRecord(root, articlePath, { annotators: false }) : null };
  }
}

function decodeOrExplain(articlePath: string, bytes: Buffer, options: DecodeOptions): DecodedArticle {
  try {
    return decodeArticle(bytes, options);
  } catch (error) {
    if (error instanceof UnreadableArticleError) throw withUserProblem(new Error(`${path.basename(articlePath)} cannot be read: ${error.message}`), { code: 'articleUnreadable', file: path.basename(articlePath) });
    throw error;
  }
}
