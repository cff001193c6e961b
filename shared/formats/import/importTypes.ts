/**
 * What every import parser produces: articles whose offsets are already code points into the
 * document text (LF line ends, no BOM), ready to be written as `NAME.txt` + `NAME.ann.json`.
 */

/** Format ids accepted by import (the CLI's `--from`). */
export const IMPORT_FORMATS = ['brat', 'conll', 'jsonl', 'labelstudio', 'hf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** A place in a source file; `line` is 1-based, 0 when the problem concerns the whole file. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** Something the import left out (skipped) or changed (warning), with where and why. */
export interface ImportProblem extends SourceLocation {
  /** English, for the command line and the window's tooltip. */
  reason: string;
  /** The same as a code with its values, for the window to say in the user's language (#19); not every reason has one yet. */
  why?: ImportReason;
}

/** Import reasons the window words itself (renderer/src/i18n/catalog/importReasons.ts). */
export type ImportReason =
  | { code: 'emptyToken' }
  | { code: 'noTag'; separator: string }
  | { code: 'unknownTag'; tag: string }
  | { code: 'invalidJsonLine' }
  | { code: 'invalidJsonFile' }
  | { code: 'unreadableFile' }
  | { code: 'noArticle' }
  | { code: 'articleExists'; path: string };

export interface ImportedFragment {
  start: number;
  end: number;
}

export interface ImportedSpan {
  id: string;
  type: string;
  /** Code points into the document text; for a discontinuous span, its outer bounds. */
  start: number;
  end: number;
  /** Present only for a discontinuous span (two or more fragments). */
  fragments?: ImportedFragment[];
  note?: string;
  attributes?: Record<string, string | number | boolean>;
  /** An event trigger's role arguments (#20): each names the span filling it. */
  roles?: { role: string; target: string }[];
}

export interface ImportedRelation {
  id: string;
  type: string;
  /** Ids of spans of the same article. */
  from: string;
  to: string;
}

export interface ImportedArticle {
  /** Path of the article inside the new corpus without extension, forward slashes (`news/a-001`). */
  name: string;
  /** Document text: LF line ends, no BOM. */
  text: string;
  spans: ImportedSpan[];
  relations: ImportedRelation[];
  /** Document-level labels. */
  labels: string[];
  /** Source token boundaries [start, end) in code points, for tokenized sources. */
  tokens?: Array<[number, number]>;
  /** Where the article begins in its source. */
  origin: SourceLocation;
}

export interface ParseResult {
  articles: ImportedArticle[];
  /** Lines or items not imported. */
  skipped: ImportProblem[];
  /** Items imported with a change the user should know about. */
  warnings: ImportProblem[];
}

export function emptyParseResult(): ParseResult {
  return { articles: [], skipped: [], warnings: [] };
}
