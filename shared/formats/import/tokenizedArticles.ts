import { codePointLength } from '../../anchoring/offsets';
import type { ImportProblem, ImportedArticle, ImportedSpan } from './importTypes';
import { decodeSentenceTags, type ParsedTag, type TagScheme } from './tagScheme';

/** One token of a tokenized source (CoNLL line, HF list item) with its tag and source line. */
export interface SourceToken {
  text: string;
  tag: ParsedTag;
  /** The token's raw tag, for messages. */
  rawTag: string;
  line: number;
}

export interface SourceSentence {
  tokens: SourceToken[];
  line: number;
}

/** Sentences between two `-DOCSTART-` lines, or all of a file that has none. */
export interface SourceDocument {
  sentences: SourceSentence[];
  line: number;
}

export interface TokenizedArticleOptions {
  /** Source file, as shown in messages. */
  file: string;
  /** Article names are `baseName-001`, `baseName-002`, ... */
  baseName: string;
  scheme: TagScheme;
  /** Used only when the source has no document breaks of its own. */
  sentencesPerArticle: number;
  /** True when `documents` come from explicit breaks (`-DOCSTART-`): one article each. */
  explicitDocuments: boolean;
}

export const DEFAULT_SENTENCES_PER_ARTICLE = 50;

/** Separator between tokens, and between sentences, in the rebuilt document text. */
export const TOKEN_SEPARATOR = ' ';
export const SENTENCE_SEPARATOR = '\n';

/** Names `base-001` ... with at least three digits, wider when there are more articles. */
export function numberedName(baseName: string, index: number, count: number): string {
  const width = Math.max(3, String(count).length);
  return `${baseName}-${String(index + 1).padStart(width, '0')}`;
}

function groupSentences(documents: readonly SourceDocument[], options: TokenizedArticleOptions): SourceDocument[] {
  const nonEmpty = documents
    .map((document) => ({ ...document, sentences: document.sentences.filter((sentence) => sentence.tokens.length > 0) }))
    .filter((document) => document.sentences.length > 0);
  if (options.explicitDocuments) return nonEmpty;
  const size = Math.max(1, Math.floor(options.sentencesPerArticle));
  const sentences = nonEmpty.flatMap((document) => document.sentences);
  const groups: SourceDocument[] = [];
  for (let index = 0; index < sentences.length; index += size) {
    const chunk = sentences.slice(index, index + size);
    groups.push({ sentences: chunk, line: chunk[0].line });
  }
  return groups;
}

/**
 * Rebuilds articles from tokenized sentences, the documented way: tokens joined by one space,
 * sentences by one line break. Each token's [start, end) in code points is kept in `tokens`,
 * so a tokenized export gives the same tokens back (a token may itself hold spaces). Entities
 * come from the tags, read in the given scheme, within each sentence.
 */
export function buildTokenizedArticles(
  documents: readonly SourceDocument[],
  options: TokenizedArticleOptions,
): { articles: ImportedArticle[]; warnings: ImportProblem[] } {
  const groups = groupSentences(documents, options);
  const warnings: ImportProblem[] = [];
  const articles = groups.map((group, articleIndex): ImportedArticle => {
    const pieces: string[] = [];
    const tokens: Array<[number, number]> = [];
    const spans: ImportedSpan[] = [];
    let position = 0;
    group.sentences.forEach((sentence, sentenceIndex) => {
      if (sentenceIndex > 0) {
        pieces.push(SENTENCE_SEPARATOR);
        position += 1;
      }
      const firstToken = tokens.length;
      sentence.tokens.forEach((token, tokenIndex) => {
        if (tokenIndex > 0) {
          pieces.push(TOKEN_SEPARATOR);
          position += 1;
        }
        const length = codePointLength(token.text);
        pieces.push(token.text);
        tokens.push([position, position + length]);
        position += length;
      });
      const decoded = decodeSentenceTags(sentence.tokens.map((token) => token.tag), options.scheme);
      for (const index of decoded.repairedAt) {
        const token = sentence.tokens[index];
        warnings.push({
          file: options.file,
          line: token.line,
          reason: `tag ${token.rawTag} does not follow a tag of its type (${options.scheme.toUpperCase()}); read as the start of an entity`,
          why: { code: 'tagRepaired', tag: token.rawTag, scheme: options.scheme.toUpperCase() },
        });
      }
      for (const entity of decoded.entities) {
        spans.push({
          id: `T${spans.length + 1}`,
          type: entity.type,
          start: tokens[firstToken + entity.from][0],
          end: tokens[firstToken + entity.to - 1][1],
        });
      }
    });
    return {
      name: numberedName(options.baseName, articleIndex, groups.length),
      text: pieces.join(''),
      spans,
      relations: [],
      labels: [],
      tokens,
      origin: { file: options.file, line: group.line },
    };
  });
  return { articles, warnings };
}
