import type { ImportReason, ParseResult } from './importTypes';
import { isBlankLine, removeBidiMarks, splitSourceLines, type SourceLine } from './sourceLines';
import { detectTagScheme, parseTag, type TagScheme } from './tagScheme';
import { refuseTagColumn, tagRefusal } from './tagValidation';
import {
  buildTokenizedArticles,
  DEFAULT_SENTENCES_PER_ARTICLE,
  type SourceDocument,
  type SourceSentence,
  type SourceToken,
} from './tokenizedArticles';

/**
 * CoNLL-style token-per-line files: `token SEP ... SEP tag`, sentences separated by blank lines
 * (or lines of only white space / bidi marks, as NewsFANE's `\t\r\n`), documents by
 * `-DOCSTART-`. The token is the first column and the tag the last (middle columns such as
 * POS are not imported); with `|` the tag is what follows the last `|`, so a token may hold
 * spaces (PEYMA) with `|` or tab separators. Bidi marks inside tokens are kept (a lossless
 * round trip needs NewsFANE's LRMs); in tags and separator lines they are ignored.
 */
export const CONLL_SEPARATORS = ['tab', 'pipe', 'space'] as const;
export type ConllSeparator = (typeof CONLL_SEPARATORS)[number];

export interface ConllOptions {
  /** Source file, as shown in messages. */
  file: string;
  /** Article names are `baseName-001`, ... */
  baseName: string;
  separator?: ConllSeparator | 'auto';
  scheme?: TagScheme | 'auto';
  sentencesPerArticle?: number;
  /** Tags the user declared (`--labels`): a file with any other tag is refused. */
  tagSet?: readonly string[];
}

export interface ConllParseResult extends ParseResult {
  separator: ConllSeparator;
  scheme: TagScheme;
}

interface SplitLine {
  token: string;
  tag: string | null;
}

function splitLine(text: string, separator: ConllSeparator): SplitLine {
  if (separator === 'pipe') {
    const bar = text.lastIndexOf('|');
    return bar === -1 ? { token: text, tag: null } : { token: text.slice(0, bar), tag: text.slice(bar + 1) };
  }
  if (separator === 'tab') {
    const fields = text.split('\t');
    while (fields.length > 1 && removeBidiMarks(fields[fields.length - 1]).trim() === '') fields.pop();
    return fields.length < 2 ? { token: fields[0], tag: null } : { token: fields[0], tag: fields[fields.length - 1] };
  }
  const fields = text.replace(/^[ \t]+|[ \t]+$/g, '').split(/[ \t]+/);
  return fields.length < 2 ? { token: fields[0], tag: null } : { token: fields[0], tag: fields[fields.length - 1] };
}

function isDocumentStart(text: string): boolean {
  return removeBidiMarks(text).trimStart().startsWith('-DOCSTART-');
}

/** Picks the separator under which most lines end in a well-formed tag; ties go tab, pipe, space. */
export function detectConllSeparator(lines: readonly SourceLine[]): ConllSeparator {
  const sample = lines.filter((line) => !isBlankLine(line.text) && !isDocumentStart(line.text)).slice(0, 2000);
  let best: ConllSeparator = 'space';
  let bestScore = -1;
  for (const separator of CONLL_SEPARATORS) {
    let score = 0;
    for (const line of sample) {
      const { token, tag } = splitLine(line.text, separator);
      if (tag === null || removeBidiMarks(token).trim() === '') continue;
      const parsed = parseTag(tag);
      if (parsed) score += parsed.outside || !parsed.bare ? 1 : 0.5;
    }
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Lines whose tag column is not a tag: one is enough to refuse the file (tagValidation.ts). */
type BadTags = { line: number; why: ImportReason }[];

/** A token line: its token and tag, or null when it is skipped (the reason in `skipped`); a tag that is not one goes to `badTags`. */
function readTokenLine(line: SourceLine, separator: ConllSeparator, options: ConllOptions, skipped: ConllParseResult['skipped'], badTags: BadTags): SourceToken | null {
  const { file } = options;
  const { token, tag } = splitLine(line.text, separator);
  if (removeBidiMarks(token).trim() === '') {
    skipped.push({ file, line: line.number, reason: 'empty token; line skipped', why: { code: 'emptyToken' } });
    return null;
  }
  if (tag === null) {
    skipped.push({ file, line: line.number, reason: `no tag after a ${separator} separator; line skipped`, why: { code: 'noTag', separator } });
    return null;
  }
  const parsed = parseTag(tag);
  const refusal = tagRefusal(tag, parsed, { scheme: options.scheme ?? 'auto', tagSet: options.tagSet });
  if (refusal || !parsed) {
    badTags.push({ line: line.number, why: refusal ?? { code: 'notATag', tag } });
    return null;
  }
  return { text: token, tag: parsed, rawTag: tag, line: line.number };
}

export function parseConll(content: string, options: ConllOptions): ConllParseResult {
  const lines = splitSourceLines(content);
  const separator = !options.separator || options.separator === 'auto' ? detectConllSeparator(lines) : options.separator;
  const skipped: ConllParseResult['skipped'] = [];
  const badTags: BadTags = [];
  const documents: SourceDocument[] = [];
  let sawDocumentStart = false;
  let document: SourceDocument | null = null;
  let sentence: SourceSentence | null = null;

  const endSentence = (): void => {
    if (sentence && sentence.tokens.length > 0) {
      if (!document) {
        document = { sentences: [], line: sentence.line };
        documents.push(document);
      }
      document.sentences.push(sentence);
    }
    sentence = null;
  };

  for (const line of lines) {
    if (isDocumentStart(line.text)) {
      endSentence();
      sawDocumentStart = true;
      document = { sentences: [], line: line.number };
      documents.push(document);
      continue;
    }
    if (isBlankLine(line.text)) {
      endSentence();
      continue;
    }
    const sourceToken = readTokenLine(line, separator, options, skipped, badTags);
    if (sourceToken === null) continue;
    if (!sentence) sentence = { tokens: [], line: line.number };
    sentence.tokens.push(sourceToken);
  }
  endSentence();
  if (badTags.length > 0) {
    return { articles: [], skipped: [...skipped, ...refuseTagColumn(options.file, badTags)], warnings: [], separator, scheme: options.scheme && options.scheme !== 'auto' ? options.scheme : 'iob2' };
  }

  const scheme =
    !options.scheme || options.scheme === 'auto'
      ? detectTagScheme(documents.flatMap((each) => each.sentences.map((item) => item.tokens.map((token) => token.tag))))
      : options.scheme;
  const built = buildTokenizedArticles(documents, {
    file: options.file,
    baseName: options.baseName,
    scheme,
    sentencesPerArticle: options.sentencesPerArticle ?? DEFAULT_SENTENCES_PER_ARTICLE,
    explicitDocuments: sawDocumentStart,
  });
  return { articles: built.articles, skipped, warnings: built.warnings, separator, scheme };
}
