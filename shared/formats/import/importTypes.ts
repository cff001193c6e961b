import type { BratEntityReference } from '../../entities/entityExportLinks';

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
  /** The same as a code with its values, for the window to say in the user's language (#19). */
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
  | { code: 'articleExists'; path: string }
  | { code: 'recordNotObject' }
  | { code: 'tagRepaired'; tag: string; scheme: string }
  // Strict reading (#22): what is not what it claims is refused.
  | { code: 'notATag'; tag: string }
  | { code: 'tagNotDeclared'; tag: string }
  | { code: 'tagOutsideScheme'; tag: string; scheme: string }
  | { code: 'tagColumnRefused'; lines: number }
  // Generic: only where no specific reason is known (the importers give the specific ones below).
  | { code: 'malformedRecord'; field: string }
  | { code: 'recordRefused' }
  | (SourceOffsetReason & { where: string })
  | BratReason
  | HfReason
  | LabelStudioReason
  | JsonlReason;

/** Why a span's offsets were refused or read otherwise (sourceOffsets.ts); the caller adds where in the record. Offsets from JSON are shown as they were written. */
export type SourceOffsetReason =
  | { code: 'offsetsNotWhole'; start: string; end: string }
  | { code: 'spanEmpty'; start: number; end: number }
  | { code: 'offsetPastEnd'; end: number; length: number }
  | { code: 'offsetSplitsCharacter'; start: number; end: number }
  | { code: 'offsetsReadAsUtf16'; start: number; end: number; text: string }
  | { code: 'offsetsReadAsCodePoints'; start: number; end: number; text: string }
  | { code: 'statedTextDiffers'; start: number; end: number; text: string; found: string };

export type BratReason =
  | { code: 'bratMalformedEntity' }
  | { code: 'bratOffsetsOutOfRange'; id: string; start: number; end: number; length: number }
  | { code: 'bratTextDiffers'; id: string; stated: string; covered: string }
  | { code: 'bratDuplicateId'; id: string }
  | { code: 'bratAttributeTarget'; id: string }
  | { code: 'bratNoteTarget'; id: string }
  | { code: 'bratRelationArguments'; id: string }
  | { code: 'bratEvent'; id: string }
  | { code: 'bratEventArguments'; id: string }
  | { code: 'bratEventSecondOnTrigger'; id: string; trigger: string }
  | { code: 'bratNormalization'; id: string }
  | { code: 'entityUnknown'; id: string; entity: string }
  | { code: 'entitiesNotImported' }
  | { code: 'bratEquivalence' }
  | { code: 'bratUnknownLine'; id: string };

export type HfReason =
  | { code: 'hfNeedsTokensAndTags'; tokenFields: string; tagFields: string }
  | { code: 'hfCountMismatch'; tokens: number; tags: number }
  | { code: 'hfBadToken'; index: number; token: string }
  | { code: 'hfNumericTagsNoLabels' }
  | { code: 'hfBadTag'; index: number; tag: string }
  | { code: 'hfUnknownTagAt'; tag: string; index: number }
  | { code: 'hfNumericTagRecords'; count: number };

export type LabelStudioReason =
  | { code: 'lsRegionNotNumeric'; where: string }
  | { code: 'lsRegionNoLabel'; where: string }
  | { code: 'lsResultNotObject'; where: string }
  | { code: 'lsResultsNotList' }
  | { code: 'lsResultTypeNotImported'; where: string; type: string }
  | { code: 'lsNoteUnattached'; where: string }
  | { code: 'lsRelationUnattached'; where: string }
  | { code: 'lsTaskNoText'; task: string }
  | { code: 'lsAnnotationCancelled'; id: string; by: string }
  | { code: 'lsAnnotationNotFirst'; id: string; by: string }
  | { code: 'lsPredictions'; count: number };

export type JsonlReason =
  | { code: 'jsonlNoText'; fields: string }
  | { code: 'jsonlLabelsNotList'; field: string }
  | { code: 'jsonlNotSpan'; where: string }
  | { code: 'jsonlRelationIncomplete'; where: string }
  | { code: 'jsonlEntityLinkUnmatched'; where: string };

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
  /** (#24) The entity the source links the span to (a brat N line); the import resolves it against the new corpus's registry. */
  link?: BratEntityReference;
  /** (#24) The registry entity `link` resolved to, set by the import before the article is written. */
  entity?: string;
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
  /** (#21) Document labels by dimension (doccano `cats`, Label Studio choices), kept as the source gives them. */
  documentLabels?: Record<string, string | string[] | number>;
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
