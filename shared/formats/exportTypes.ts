import type { StoredAnnotation, StoredRelation } from '../model/nativeFormat';
import type { BratConfiguration } from '../brat/confPlacement';
import type { DimensionKind } from '../documentLabels/dimensions';
import type { ArticleMetadata } from '../metadata/articleMetadata';
import type { ExportEntities } from '../entities/entityExportLinks';

/** Format ids, fixed by DESIGN.md. */
export const EXPORT_FORMAT_IDS = ['brat', 'conll', 'jsonl', 'labelstudio', 'w3c', 'csv', 'hf'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

export function isExportFormatId(value: string): value is ExportFormatId {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

/** One article as the serializers see it. Offsets are code points, as in `NAME.ann.json`. */
export interface ExportDocument {
  /** The article id: its path inside the corpus, forward slashes (`news/001.txt`). */
  id: string;
  text: string;
  annotations: readonly StoredAnnotation[];
  relations: readonly StoredRelation[];
  /** Source token boundaries [start, end) in code points, for articles imported from a tokenized format. */
  tokens?: readonly (readonly [number, number])[];
  /** Problems found while reading the article's annotations (a brat `.ann` line not understood), reported with the format's own. */
  sourceProblems?: readonly ExportProblem[];
  /** (#21) Boilerplate ranges cut from the text before export (original code points); offsets above are already shifted. */
  boilerplateCut?: readonly { start: number; end: number }[];
  /** (#21) The article's document labels (dimension id → value), undeclared dimensions included, as the file holds them. */
  documentLabels?: Readonly<Record<string, string | string[] | number>>;
  /** (#21) The article's metadata (`NAME.meta.json`), the fields with a value; absent: none or unreadable. */
  metadata?: ArticleMetadata;
  /**
   * An article of a brat corpus: its `NAME.ann` exactly as read. The brat export patches the
   * annotations onto it, so an unedited article is written byte for byte as it was.
   */
  bratSource?: string;
}

export const TAGGING_SCHEMES = ['iob2', 'iob1', 'bioes'] as const;
export type TaggingScheme = (typeof TAGGING_SCHEMES)[number];

export const JSONL_VARIANTS = ['label', 'entities'] as const;
export type JsonlVariant = (typeof JSONL_VARIANTS)[number];

export interface SerializeOptions {
  /** Token tagging scheme for CoNLL and Hugging Face; IOB2 unless asked. */
  scheme?: TaggingScheme;
  /** doccano JSONL: `{"label": [[s, e, type]]}` (default) or `{"entities", "relations"}`. */
  jsonlVariant?: JsonlVariant;
  /** Entity types in the corpus tag set's order; types found only in documents follow, sorted. */
  types?: readonly string[];
  /**
   * Exporting a brat corpus: each folder's `annotation.conf` as read. The brat export writes
   * them at the same paths instead of one made-up configuration for the whole corpus.
   */
  bratConfigurations?: readonly BratConfiguration[];
  /** (#21) The tag set's document-label dimensions, in its order: Hugging Face's `ClassLabel`s, Label Studio's choices. */
  dimensions?: readonly ExportDimension[];
  /** (#24) The registry's entities by id: the name and Wikidata QID each format writes beside a link. */
  entities?: ExportEntities;
  /**
   * (#25) The chunk may come as UTF-8 bytes (`DocumentOutput.chunkBytes`, `chunk` then ''), from
   * a format that writes bytes for less than a string (CoNLL): asked by an export that joins its
   * main file from the chunks' bytes.
   */
  utf8Chunks?: boolean;
}

/** A document-label dimension as an export needs it: its kind and its values' ids in order. */
export interface ExportDimension {
  id: string;
  kind: DimensionKind;
  values: readonly string[];
}

/**
 * What happened to the information a problem is about:
 * - `lost`: an annotation (its label) is not in the output;
 * - `changed`: the label is in the output, but its extent or form differs from the annotation;
 * - `omitted`: something other than a label (a note, attributes, a relation) the format has no place for.
 */
export type ProblemEffect = 'lost' | 'changed' | 'omitted';

export type ProblemKind =
  | 'text-mismatch'
  | 'out-of-range'
  | 'empty-span'
  | 'overlap'
  | 'not-on-token-edge'
  | 'discontinuous'
  | 'crosses-line'
  | 'type-renamed'
  | 'relation-dangling'
  | 'relations-omitted'
  | 'events-omitted'
  | 'notes-omitted'
  | 'attributes-omitted'
  | 'token-text-changed'
  | 'note-flattened'
  | 'tokens-invalid'
  | 'source-line';

export interface ExportProblem {
  kind: ProblemKind;
  effect: ProblemEffect;
  /** The annotation or relation concerned, when there is one. */
  annotation?: string;
  /** That annotation as the user knows it, by its text and type (never its internal id): see nameProblemSpans. */
  span?: ProblemSpan;
  /** The problem's parameters for the report the user reads (the window words them in fa and en; `message` is the CLI's English). */
  params?: ProblemParams;
  message: string;
}

/**
 * What a coded problem says beyond its kind: the format concerned, the span another one
 * overlaps (by text and type, never an id), the number of pieces of a discontinuous span.
 */
export interface ProblemParams {
  format?: string;
  other?: ProblemSpan;
  pieces?: number;
}

export interface ProblemSpan {
  text: string;
  type: string;
}

export interface DocumentReport {
  article: string;
  /** Annotations in the article. */
  annotations: number;
  /** Annotations whose label is in the output (possibly `changed`). */
  written: number;
  problems: ExportProblem[];
  /** (#21) Boilerplate ranges cut from the article's text (original code points), named in the manifest. */
  boilerplateCut?: { start: number; end: number }[];
}

export interface ExportFile {
  /** Path relative to the export folder, forward slashes. */
  path: string;
  content: string;
  /** `main`: the format's corpus file; `document`: one article's file; `schema`: a label list, a config or a companion table (CSV's relations.csv). */
  role: 'main' | 'document' | 'schema';
}

export interface SerializedExport {
  files: ExportFile[];
  reports: DocumentReport[];
}

/** A sentence ready for a token-classification file. */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** One document serialized on its own; `finish` assembles these, in document order. */
export interface DocumentOutput {
  article: string;
  /** The document's part of the format's main file ('' when it has none). */
  chunk: string;
  /** (#25) With `utf8Chunks`, from a format that writes bytes: the chunk as UTF-8 (`chunk` is then ''). */
  chunkBytes?: Uint8Array;
  /** Files of the document's own (brat's NAME.txt and NAME.ann). */
  files: ExportFile[];
  report: DocumentReport;
  entityTypes: string[];
  relationTypes: string[];
  /** Attribute names, as `name` (a flag) or `name TAB value`, for a schema file. */
  attributeNames: string[];
  /** A second file's part, beside the main one: CSV's `relations.csv` rows. */
  sideChunk?: string;
  /** Event types (brat from a brat source), for a schema file. */
  eventTypes?: string[];
  /** (#21) The document's metadata and labels, for formats that write them in `finish` (CSV's documents.csv, Hugging Face's columns). */
  metadata?: ArticleMetadata;
  documentLabels?: Readonly<Record<string, string | string[] | number>>;
  /** Token-classification formats: the tagged sentences, turned into ids once all labels are known. */
  sentences?: TaggedSentence[];
}

export type OffsetUnit = 'codepoint' | 'utf16' | 'token';

export interface FormatSerializer {
  id: ExportFormatId;
  title: string;
  /** Extension of the main file, with the dot; null when the format writes one file per article. */
  mainExtension: string | null;
  offsetUnit: OffsetUnit;
  serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput;
  /** The format's files from all documents' outputs, in document order. */
  finish(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile[];
  /**
   * (#25) True when `finish` gives one file, the main one, whose content is the documents'
   * chunks joined in order and nothing else: an export may then encode each batch's chunks where
   * they are made and join the bytes (formatChunks.test.ts holds the formats to it).
   */
  mainFileIsChunks?: boolean;
}
